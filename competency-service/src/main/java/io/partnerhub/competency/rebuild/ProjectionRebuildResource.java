package io.partnerhub.competency.rebuild;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.problem.Problems;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.chassis.security.Roles;

/**
 * #26 Operations: rebuild the projections (organisations, members, holdings, figures, holder counts) from the
 * producers' snapshots plus the live stream, and follow its progress. Ops only (others 403).
 */
@Path("/admin/projections/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
@Tag(name = "Operations", description = "Projections rebuilt from their sources")
public class ProjectionRebuildResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String STARTED_EXAMPLE = """
            {"id":"3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10","state":"APPLYING","startedAt":"2026-12-07T08:00:00Z",
             "appliedAt":null,"finishedAt":null,"snapshots":{},"events":0,"duplicates":0,"organizations":0,"recomputed":0,
             "eventsPerSecond":null,"error":null,
             "next":"POST /admin/snapshots {\\"reference\\":\\"3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10\\"} on certification-service and membership-service"}""";
    static final String PROGRESS_EXAMPLE = """
            {"id":"3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10","state":"DONE","startedAt":"2026-12-07T08:00:00Z",
             "appliedAt":"2026-12-07T08:01:10Z","finishedAt":"2026-12-07T08:01:40Z",
             "snapshots":{"/certification-service":{"received":300040,"total":300040},
                          "/membership-service":{"received":110000,"total":110000}},
             "events":410002,"duplicates":0,"organizations":10000,"recomputed":10000,"eventsPerSecond":5857.2,"error":null,
             "next":null}""";

    @Schema(name = "ProjectionRebuild", description = "A rebuild of the projections and how far it is")
    public record RebuildView(UUID id,
            @Schema(description = "APPLYING (snapshot events being applied; statuses frozen), FINISHING (holders recounted, "
                    + "organisations being recomputed), DONE or FAILED", enumeration = { "APPLYING", "FINISHING", "DONE",
                            "FAILED" }) String state,
            Instant startedAt, Instant appliedAt, Instant finishedAt,
            @Schema(description = "Per producer: snapshot events received, and the total its completion event announced")
            Map<String, RebuildStore.Producer> snapshots,
            @Schema(description = "Snapshot events applied (completion events included)") long events,
            @Schema(description = "Snapshot events read again and skipped (already applied)") long duplicates,
            @Schema(description = "Organisations to recompute") int organizations,
            @Schema(description = "Organisations recomputed so far") int recomputed,
            @Schema(description = "Events applied per second from start to finish (DONE only)") Double eventsPerSecond,
            String error,
            @Schema(description = "What ops does next, if anything") String next) {

        static RebuildView of(RebuildStore.Row row) {
            Double rate = null;
            if (row.finishedAt() != null && row.state().equals("DONE")) {
                double seconds = Math.max(0.001, (row.finishedAt().toEpochMilli() - row.startedAt().toEpochMilli()) / 1000.0);
                rate = Math.round(row.events() / seconds * 10) / 10.0;
            }
            String next = row.state().equals("APPLYING") ? "POST /admin/snapshots {\"reference\":\"" + row.id()
                    + "\"} on certification-service and membership-service" : null;
            return new RebuildView(row.id(), row.state(), row.startedAt(), row.appliedAt(), row.finishedAt(), row.snapshots(),
                    row.events(), row.duplicates(), row.organizations(), row.recomputed(), rate, row.error(), next);
        }
    }

    private final ProjectionRebuild rebuild;

    public ProjectionRebuildResource(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(summary = "Rebuild the projections from snapshots", description = "Drops the projections this service "
            + "builds from membership-events and certification-events and refills them from the snapshots its producers "
            + "publish for this rebuild (ask them next: POST /admin/snapshots with {\"reference\": <this id>}), merged with "
            + "the live events meanwhile; statuses stay frozen until the end, then every organisation is recomputed once.")
    @APIResponse(responseCode = "202", description = "Started; follow it at Location", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildView.class),
            examples = @ExampleObject(name = "started", value = STARTED_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "A rebuild is under way", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Response start() {
        RebuildStore.Row row = rebuild.start();
        return Response.accepted(RebuildView.of(row)).location(URI.create("/admin/projections/rebuild/" + row.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Progress of a rebuild")
    @APIResponse(responseCode = "200", description = "Its state and counts", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildView.class),
            examples = @ExampleObject(name = "done", value = PROGRESS_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such rebuild", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public RebuildView progress(@PathParam("id") @Size(min = 36, max = 36) @Pattern(regexp = UUID_PATTERN) String id) {
        return rebuild.find(UUID.fromString(id)).map(RebuildView::of)
                .orElseThrow(() -> new ResourceNotFound("projection rebuild", id));
    }
}
