package io.partnerhub.gateway.ops;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.chassis.problem.Problems;
import io.partnerhub.gateway.domain.DownstreamService;
import io.partnerhub.gateway.ops.ServiceCalls.ServiceAnswer;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

/**
 * #26 {@code /api/admin/projections/rebuild}: ops rebuilds competency-service's projections from its producers'
 * snapshots in one call: the gateway starts competency-service's rebuild, then asks certification-service and
 * membership-service for a snapshot with the rebuild's id as reference, and answers with all three; the progress is
 * competency-service's. Ops token only, passed on.
 */
@Path("/api/admin/projections/rebuild")
@Tag(name = "Operations")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ops")
public class ProjectionRebuildResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final List<DownstreamService> PRODUCERS = List.of(DownstreamService.CERTIFICATION, DownstreamService.MEMBERSHIP);
    private static final String STARTED_EXAMPLE = """
            {"rebuild":{"id":"3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10","state":"APPLYING","startedAt":"2026-12-07T08:00:00Z",
              "events":0,"duplicates":0,"organizations":0,"recomputed":0},
             "snapshots":[
              {"service":"certification-service","status":202,"total":null,"items":{"id":"9a4e1c7b-2d3f-4b8a-a1c5-6e7f8091a2b3",
                "reference":"3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10","state":"RUNNING","events":0}},
              {"service":"membership-service","status":202,"total":null,"items":{"id":"2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
                "reference":"3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10","state":"RUNNING","events":0}}]}""";
    private static final String PROGRESS_EXAMPLE = """
            {"id":"3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10","state":"FINISHING","startedAt":"2026-12-07T08:00:00Z",
             "appliedAt":"2026-12-07T08:01:10Z","finishedAt":null,
             "snapshots":{"/certification-service":{"received":300040,"total":300040},
                          "/membership-service":{"received":110000,"total":110000}},
             "events":410002,"duplicates":0,"organizations":10000,"recomputed":4000,"eventsPerSecond":null,"error":null,"next":null}""";

    /** Dropping a projection is not done by accident: the body names it. */
    @Schema(name = "ProjectionRebuildRequest")
    public record RebuildRequest(@Schema(description = "Must be drop-projections", examples = "drop-projections")
            @NotNull @Pattern(regexp = "drop-projections") String confirm) {
    }

    /** The rebuild competency-service started, and each producer's answer to the snapshot request. */
    public record RebuildStarted(Object rebuild, List<OpsFanOutResource.ServicePage> snapshots) {
    }

    private final ServiceCalls calls;

    public ProjectionRebuildResource(ServiceCalls calls) {
        this.calls = calls;
    }

    @POST
    @Operation(summary = "Rebuild competency-service's projections from snapshots", description = "Starts the rebuild "
            + "(competency-service POST /admin/projections/rebuild: its projections dropped, its statuses frozen until the "
            + "end), then asks certification-service and membership-service to publish a snapshot for it (POST "
            + "/admin/snapshots with the rebuild's id as reference). Follow it at GET /api/admin/projections/rebuild/{id}. "
            + "The body confirms it: {\"confirm\":\"drop-projections\"}.")
    @APIResponse(responseCode = "202", description = "Started, snapshots requested (each producer's answer with its status)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "started",
                    value = STARTED_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "A rebuild is under way (competency-service's problem, passed on)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            implementation = RebuildRequest.class), examples = @ExampleObject(name = "confirmed", value = "{\"confirm\":\"drop-projections\"}")))
    @APIResponse(responseCode = "400", description = "Not confirmed", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> start(@Valid @NotNull RebuildRequest request,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return calls.call(DownstreamService.COMPETENCY, HttpMethod.POST, "/admin/projections/rebuild", null, authorization)
                .compose(started -> {
                    if (!started.succeeded() || !(started.body() instanceof JsonNode body) || !body.hasNonNull("id")) {
                        return Future.succeededFuture(passOn(started));
                    }
                    Map<String, String> snapshot = Map.of("reference", body.get("id").asText());
                    return calls.all(PRODUCERS, HttpMethod.POST, "/admin/snapshots", snapshot, authorization)
                            .map(answers -> Response.status(202).type(MediaType.APPLICATION_JSON).entity(new RebuildStarted(
                                    body, answers.stream().map(OpsFanOutResource.ServicePage::of).toList())).build());
                }).toCompletionStage();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Progress of a rebuild", description = "competency-service's answer, passed on.")
    @APIResponse(responseCode = "200", description = "Its state and counts", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "recomputing", value = PROGRESS_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such rebuild", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public CompletionStage<Response> progress(@PathParam("id") @Size(min = 36, max = 36) @Pattern(regexp = UUID_PATTERN) String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return calls.call(DownstreamService.COMPETENCY, HttpMethod.GET, "/admin/projections/rebuild/" + id, null, authorization)
                .map(ProjectionRebuildResource::passOn).toCompletionStage();
    }

    private static Response passOn(ServiceAnswer answer) {
        boolean problem = !answer.succeeded();
        Object body = answer.body() instanceof JsonNode ? answer.body() : Problems.body(answer.status() >= 500 ? answer.status() : 502,
                "service-unavailable", "Service unavailable", "competency-service did not answer: " + answer.body(), null,
                Map.of("service", "competency-service"));
        return Response.status(answer.body() instanceof JsonNode ? answer.status() : answer.status() >= 500 ? answer.status() : 502)
                .type(problem ? Problems.MEDIA_TYPE : MediaType.APPLICATION_JSON).entity(body).build();
    }
}
