package io.partnerhub.gateway.ops;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.problem.Problems;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.gateway.domain.DownstreamService;
import io.partnerhub.gateway.ops.ServiceCalls.ServiceAnswer;
import io.vertx.core.http.HttpMethod;

/**
 * {@code /api/admin/dead-letters} and {@code /api/admin/outbox/failed}: what the services' consumers dead-lettered and
 * what their relays gave up on, read from all four services at once, and the redrive, release and skip of one (or, for
 * dead letters, all) of a named service, with the ops token passed on. A list answers 200 with each service's own
 * status, total and page, so that one service down still shows the others'.
 */
@Path("/api/admin")
@Tag(name = "Operations")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ops")
public class OpsFanOutResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String SERVICE_KEYS = "exam, certification, competency or membership";
    private static final String DEAD_LETTERS_EXAMPLE = """
            {"services":[
              {"service":"exam-service","status":200,"total":0,"items":[]},
              {"service":"certification-service","status":200,"total":1,"items":[{"id":"5b0c7c1e-8f1a-4c55-9a7e-0d3f5c2b9e11",
                "consumer":"io.partnerhub.certification.events.ExamEventsHandler","topic":"exam-events","partition":1,
                "offset":4711,"key":"cand-42","ceId":"0f8e6a52-3c1d-4d7b-9b0a-2f6c1e5d7a90","ceType":"io.partnerhub.exam.passed.v1",
                "error":"Unknown exam code AZ-999","deadLetteredAt":"2026-12-01T08:15:00Z"}]},
              {"service":"competency-service","status":200,"total":0,"items":[]},
              {"service":"membership-service","status":503,"total":null,"items":"Connection refused"}]}""";
    private static final String FAILED_EXAMPLE = """
            {"services":[
              {"service":"exam-service","status":200,"total":1,"items":[{"id":"7d3e2b10-4c5a-4f7e-9a0b-1c2d3e4f5a6b","seq":4711,
                "topic":"exam-events","key":"cand-42","type":"io.partnerhub.exam.passed.v1","createdAt":"2026-12-01T08:15:00Z",
                "failedAt":"2026-12-01T08:15:02Z","failure":"org.apache.kafka.common.errors.RecordTooLargeException","heldBack":2}]},
              {"service":"certification-service","status":200,"total":0,"items":[]},
              {"service":"competency-service","status":200,"total":0,"items":[]},
              {"service":"membership-service","status":200,"total":0,"items":[]}]}""";

    /** One service's part of a list: its status, {@code X-Total-Count} and page (or its error text). */
    public record ServicePage(String service, int status, Long total, Object items) {
        static ServicePage of(ServiceAnswer answer) {
            return new ServicePage(answer.service(), answer.status(), answer.total(), answer.body());
        }
    }

    public record FanOutPage(List<ServicePage> services) {
    }

    private final ServiceCalls calls;

    public OpsFanOutResource(ServiceCalls calls) {
        this.calls = calls;
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Dead letters of every service", description = "Each service's open dead letters (its page and "
            + "total), oldest first; `service` narrows it to one.")
    @APIResponse(responseCode = "200", description = "Each service's page, with its own status (a service that did not "
            + "answer has 503/504/502 and the error as items)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one dead letter", value = DEAD_LETTERS_EXAMPLE)))
    public CompletionStage<FanOutPage> deadLetters(@Valid @BeanParam PageRequest paging, @QueryParam("service")
            @Parameter(description = "Only this service: " + SERVICE_KEYS) @Size(max = 20) String service,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return list("/admin/dead-letters", paging, service, authorization);
    }

    @GET
    @Path("/outbox/failed")
    @Operation(summary = "Failed outbox rows of every service", description = "Each service's events its relay gave up "
            + "on (its page and total), in outbox order; `service` narrows it to one.")
    @APIResponse(responseCode = "200", description = "Each service's page, with its own status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one failed row",
                    value = FAILED_EXAMPLE)))
    public CompletionStage<FanOutPage> failedOutboxRows(@Valid @BeanParam PageRequest paging, @QueryParam("service")
            @Parameter(description = "Only this service: " + SERVICE_KEYS) @Size(max = 20) String service,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return list("/admin/outbox/failed", paging, service, authorization);
    }

    @POST
    @Path("/dead-letters/{service}/{id}/redrive")
    @Operation(summary = "Redrive one dead letter of a service", description = "The service's own redrive: applied "
            + "again through its consumer's inbox. The service's answer is passed on.")
    @APIResponse(responseCode = "200", description = "Redriven", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "applied", value = "{\"id\":\"5b0c7c1e-8f1a-4c55-9a7e-0d3f5c2b9e11\",\"outcome\":\"APPLIED\"}")))
    @APIResponse(responseCode = "409", description = "Already redriven, or failed again", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public CompletionStage<Response> redrive(@PathParam("service") @Size(max = 20) String service,
            @PathParam("id") @Size(min = 36, max = 36) @Pattern(regexp = UUID_PATTERN) String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return passOn(service, "/admin/dead-letters/" + id + "/redrive", authorization);
    }

    @POST
    @Path("/dead-letters/{service}/redrive")
    @Operation(summary = "Redrive every dead letter of a service", description = "The service's own redrive-all (at most "
            + "500 per call). The service's answer is passed on.")
    @APIResponse(responseCode = "200", description = "What was redriven and what failed again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "all applied",
                    value = "{\"redriven\":[{\"id\":\"5b0c7c1e-8f1a-4c55-9a7e-0d3f5c2b9e11\",\"outcome\":\"APPLIED\"}],\"failed\":[]}")))
    public CompletionStage<Response> redriveAll(@PathParam("service") @Size(max = 20) String service,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return passOn(service, "/admin/dead-letters/redrive", authorization);
    }

    @POST
    @Path("/outbox/failed/{service}/{id}/release")
    @Operation(summary = "Release a failed outbox row of a service", description = "The relay sends it again, then what "
            + "it held back. Fix the cause first.")
    @APIResponse(responseCode = "200", description = "Released", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "released", value = "{\"id\":\"7d3e2b10-4c5a-4f7e-9a0b-1c2d3e4f5a6b\",\"outcome\":\"RELEASED\"}")))
    public CompletionStage<Response> release(@PathParam("service") @Size(max = 20) String service,
            @PathParam("id") @Size(min = 36, max = 36) @Pattern(regexp = UUID_PATTERN) String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return passOn(service, "/admin/outbox/failed/" + id + "/release", authorization);
    }

    @POST
    @Path("/outbox/failed/{service}/{id}/skip")
    @Operation(summary = "Skip a failed outbox row of a service", description = "The event is never published; what it "
            + "held back goes on.")
    @APIResponse(responseCode = "200", description = "Skipped", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "skipped", value = "{\"id\":\"7d3e2b10-4c5a-4f7e-9a0b-1c2d3e4f5a6b\",\"outcome\":\"SKIPPED\"}")))
    public CompletionStage<Response> skip(@PathParam("service") @Size(max = 20) String service,
            @PathParam("id") @Size(min = 36, max = 36) @Pattern(regexp = UUID_PATTERN) String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return passOn(service, "/admin/outbox/failed/" + id + "/skip", authorization);
    }

    private CompletionStage<FanOutPage> list(String uri, PageRequest paging, String service, String authorization) {
        List<DownstreamService> targets = service == null ? Arrays.asList(DownstreamService.values()) : List.of(named(service));
        return calls.all(targets, HttpMethod.GET, uri + "?page=" + paging.page() + "&size=" + paging.size(), null,
                authorization).map(answers -> new FanOutPage(answers.stream().map(ServicePage::of).toList()))
                .toCompletionStage();
    }

    private CompletionStage<Response> passOn(String service, String uri, String authorization) {
        DownstreamService target = named(service);
        return calls.call(target, HttpMethod.POST, uri, null, authorization).map(answer -> Response
                .status(answer.status()).type(answer.succeeded() ? MediaType.APPLICATION_JSON : Problems.MEDIA_TYPE)
                .entity(answer.succeeded() || answer.body() instanceof com.fasterxml.jackson.databind.node.ObjectNode
                        ? answer.body() : unanswered(target, answer)).build()).toCompletionStage();
    }

    /** A service that did not answer (or not with a problem) is the gateway's own problem, with the service named. */
    private static Object unanswered(DownstreamService target, ServiceAnswer answer) {
        return Problems.body(answer.status(), "service-unavailable", "Service unavailable", target.applicationName()
                + " did not answer: " + answer.body(), null, java.util.Map.of("service", target.applicationName()));
    }

    private static DownstreamService named(String key) {
        return DownstreamService.byKey(key).orElseThrow(() -> new ResourceNotFound("service",
                key.length() > 20 ? key.substring(0, 20) + "…" : key));
    }
}
