package io.partnerhub.chassis.events;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.chassis.security.Roles;
import io.quarkus.logging.Log;

/**
 * Operations on the outbox rows this service's relay gave up on: list them with how many later rows of the same
 * subject each holds back; release one once the cause is fixed (the relay sends it, and what it held back, in order on
 * its next pass), or skip it (never published; what it held back goes on).
 */
@Path("/admin/outbox/failed")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
@Tag(name = "Operations", description = "Outbox rows the relay gave up on")
public class FailedOutboxResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String VIEW_EXAMPLE = "{\"id\":\"7d3e2b10-4c5a-4f7e-9a0b-1c2d3e4f5a6b\",\"seq\":4711,"
            + "\"topic\":\"exam-events\",\"key\":\"cand-42\",\"type\":\"io.partnerhub.exam.passed.v1\","
            + "\"createdAt\":\"2026-12-01T08:15:00Z\",\"failedAt\":\"2026-12-01T08:15:02Z\","
            + "\"failure\":\"org.apache.kafka.common.errors.RecordTooLargeException: The message is 1048700 bytes\","
            + "\"heldBack\":2}";

    @Schema(name = "FailedOutboxRow", description = "An event this service could not publish; it holds back the later "
            + "events of its subject")
    public record FailedRowView(UUID id, @Schema(description = "Order of the row in the outbox") long seq, String topic,
            @Schema(description = "Record key (the event subject)") String key,
            @Schema(description = "CloudEvent type") String type, Instant createdAt, Instant failedAt,
            @Schema(description = "Why Kafka refused it") String failure,
            @Schema(description = "Later unsent rows of the same subject waiting behind it") long heldBack) {

        static FailedRowView of(FailedOutboxRows.FailedRow row) {
            return new FailedRowView(row.id(), row.seq(), row.topic(), row.key(), row.type(), row.createdAt(),
                    row.failedAt(), row.failure(), row.heldBack());
        }
    }

    @Schema(name = "OutboxRelease", description = "What was done with a failed row")
    public record ReleasedView(UUID id, @Schema(description = "RELEASED: the relay sends it again; SKIPPED: given up, "
            + "its subject goes on without it", enumeration = { "RELEASED", "SKIPPED" }) String outcome) {
    }

    private final FailedOutboxRows rows;
    private final OutboxRelay relay;

    public FailedOutboxResource(FailedOutboxRows rows, OutboxRelay relay) {
        this.rows = rows;
        this.relay = relay;
    }

    @GET
    @Operation(summary = "List failed outbox rows", description = "Events the relay gave up on, in outbox order; "
            + "paged, total in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of failed rows",
            headers = @Header(name = "X-Total-Count", description = "Failed rows in all", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = FailedRowView.class),
                    examples = @ExampleObject(name = "one failed row", value = "[" + VIEW_EXAMPLE + "]")))
    public Response list(@Valid @BeanParam PageRequest paging) throws SQLException {
        List<FailedRowView> page = rows.page(paging.page(), paging.size()).stream().map(FailedRowView::of).toList();
        return paging.respond(page, rows.count());
    }

    @POST
    @Path("/{id}/release")
    @Operation(summary = "Release a failed outbox row", description = "Clears the failure: the relay sends the row, "
            + "then the rows of its subject it held back, in order. Fix the cause first, or it fails again.")
    @APIResponse(responseCode = "200", description = "Released", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReleasedView.class),
            examples = @ExampleObject(name = "released", value = "{\"id\":\"7d3e2b10-4c5a-4f7e-9a0b-1c2d3e4f5a6b\",\"outcome\":\"RELEASED\"}")))
    public ReleasedView release(@PathParam("id") @Size(min = 36, max = 36) @Pattern(regexp = UUID_PATTERN) String id)
            throws SQLException {
        UUID uuid = UUID.fromString(id);
        if (!rows.release(uuid)) {
            throw new ResourceNotFound("failed outbox row", id);
        }
        Log.infof("Failed outbox row %s released", id);
        relay.wake();
        return new ReleasedView(uuid, "RELEASED");
    }

    @POST
    @Path("/{id}/skip")
    @Operation(summary = "Skip a failed outbox row", description = "Gives the event up for good (it is never published; "
            + "it stays in the outbox with its failure until the cleanup): the rows of its subject it held back are sent.")
    @APIResponse(responseCode = "200", description = "Skipped", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReleasedView.class),
            examples = @ExampleObject(name = "skipped", value = "{\"id\":\"7d3e2b10-4c5a-4f7e-9a0b-1c2d3e4f5a6b\",\"outcome\":\"SKIPPED\"}")))
    public ReleasedView skip(@PathParam("id") @Size(min = 36, max = 36) @Pattern(regexp = UUID_PATTERN) String id)
            throws SQLException {
        UUID uuid = UUID.fromString(id);
        if (!rows.skip(uuid)) {
            throw new ResourceNotFound("failed outbox row", id);
        }
        Log.warnf("Failed outbox row %s skipped by ops: it will never be published", id);
        relay.wake();
        return new ReleasedView(uuid, "SKIPPED");
    }
}
