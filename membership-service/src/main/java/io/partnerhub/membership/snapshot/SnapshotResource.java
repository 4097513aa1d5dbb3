package io.partnerhub.membership.snapshot;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.problem.Problems;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.chassis.snapshot.SnapshotRuns;

/**
 * #26 Operations: re-publish this service's current state as snapshot events (asyncapi.yaml), for a consumer that
 * rebuilds its projections (competency-service: POST /admin/projections/rebuild gives the reference). Ops only.
 */
@Path("/admin/snapshots")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
@Tag(name = "Operations", description = "Snapshots of this service's state for consumers rebuilding their projections")
public class SnapshotResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String RUN_EXAMPLE = """
            {"id":"9a4e1c7b-2d3f-4b8a-a1c5-6e7f8091a2b3","reference":"3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10","state":"DONE",
             "requestedAt":"2026-12-07T08:00:01Z","finishedAt":"2026-12-07T08:00:52Z","events":110201,"error":null}""";

    @Schema(name = "SnapshotRequest", description = "Who the snapshot is for")
    public record SnapshotRequest(@Schema(description = "Copied into every snapshot event, so the requester takes only "
            + "its own (competency-service: the rebuild's id); default: the snapshot's id", examples = "3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10")
            @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]*") String reference) {
    }

    @Schema(name = "Snapshot", description = "A snapshot being (or having been) published")
    public record SnapshotView(UUID id, String reference,
            @Schema(enumeration = { "RUNNING", "DONE", "FAILED" }) String state, Instant requestedAt, Instant finishedAt,
            @Schema(description = "Events written to the outbox so far (the completion event included when DONE)") long events,
            String error) {

        static SnapshotView of(SnapshotRuns.Run run) {
            return new SnapshotView(run.id(), run.reference(), run.state(), run.requestedAt(), run.finishedAt(), run.events(),
                    run.error());
        }
    }

    private final SnapshotWriter writer;

    public SnapshotResource(SnapshotWriter writer) {
        this.writer = writer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a snapshot", description = "Re-publishes every organisation, every candidate's association "
            + "(or its end) and every performance figure as snapshot events on membership-events (with the live events' keys, so per subject in order), "
            + "then a completion event with the total, through the outbox, in the background.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SnapshotRequest.class),
            examples = @ExampleObject(name = "for a rebuild", value = "{\"reference\":\"3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10\"}")))
    @APIResponse(responseCode = "202", description = "Requested; follow it at Location", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SnapshotView.class),
            examples = @ExampleObject(name = "requested", value = RUN_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid reference", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response request(@Valid SnapshotRequest request) {
        SnapshotRuns.Run run = writer.request(request == null ? null : request.reference());
        return Response.accepted(SnapshotView.of(run)).location(URI.create("/admin/snapshots/" + run.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Progress of a snapshot")
    @APIResponse(responseCode = "200", description = "Its state and events so far", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SnapshotView.class),
            examples = @ExampleObject(name = "done", value = RUN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such snapshot", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public SnapshotView progress(@PathParam("id") @Size(min = 36, max = 36) @Pattern(regexp = UUID_PATTERN) String id) {
        return writer.find(UUID.fromString(id)).map(SnapshotView::of).orElseThrow(() -> new ResourceNotFound("snapshot", id));
    }
}
