package io.partnerhub.chassis.events;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
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
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.chassis.security.Roles;
import io.quarkus.logging.Log;

/**
 * Operations on what this service's consumers dead-lettered: list them, and redrive one or all once the cause is
 * fixed. A redrive applies the original record through the consumer's inbox path (same handler, same de-duplication),
 * in one transaction that also marks the dead letter redriven; it is then no longer listed. The record stays on
 * {@code <topic>.dlq} as the audit trail.
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
@Tag(name = "Operations", description = "Dead letters of this service's event consumers")
public class DeadLetterResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final int REDRIVE_ALL_LIMIT = 500;
    private static final String VIEW_EXAMPLE = "{\"id\":\"5b0c7c1e-8f1a-4c55-9a7e-0d3f5c2b9e11\","
            + "\"consumer\":\"io.partnerhub.certification.events.ExamEventsHandler\",\"topic\":\"exam-events\","
            + "\"partition\":1,\"offset\":4711,\"key\":\"cand-42\",\"ceId\":\"0f8e6a52-3c1d-4d7b-9b0a-2f6c1e5d7a90\","
            + "\"ceType\":\"io.partnerhub.exam.passed.v1\",\"error\":\"Unknown exam code AZ-999\","
            + "\"exception\":\"java.lang.IllegalArgumentException\",\"deadLetteredAt\":\"2026-12-01T08:15:00Z\","
            + "\"headers\":{\"ce_type\":\"io.partnerhub.exam.passed.v1\",\"dlq-error\":\"Unknown exam code AZ-999\","
            + "\"dlq-original-topic\":\"exam-events\",\"dlq-original-partition\":\"1\",\"dlq-original-offset\":\"4711\"},"
            + "\"value\":\"{\\\"specversion\\\":\\\"1.0\\\",\\\"id\\\":\\\"0f8e6a52-…\\\"}\"}";

    @Schema(name = "DeadLetter", description = "A record a consumer of this service could not apply")
    public record DeadLetterView(
            @Schema(description = "Id to redrive it by") UUID id,
            @Schema(description = "The handler (class name) that dead-lettered it") String consumer,
            @Schema(description = "Original topic") String topic,
            int partition,
            long offset,
            @Schema(description = "Record key (the event subject)") String key,
            @Schema(description = "CloudEvent id (header ce_id), null if the record was unparseable") String ceId,
            @Schema(description = "CloudEvent type (header ce_type)") String ceType,
            @Schema(description = "Why it failed (last error)") String error,
            String exception,
            Instant deadLetteredAt,
            @Schema(description = "Headers of the .dlq record: the original ones plus dlq-error, dlq-exception, "
                    + "dlq-original-topic, dlq-original-partition, dlq-original-offset, dlq-consumer")
            Map<String, String> headers,
            @Schema(description = "The record value as text (the CloudEvent JSON)") String value) {

        static DeadLetterView of(DeadLetters.DeadLetter letter) {
            return new DeadLetterView(letter.id(), letter.consumer(), letter.topic(), letter.partition(), letter.offset(),
                    letter.key(), letter.ceId() != null ? letter.ceId() : letter.headers().get("ce_id"),
                    letter.ceType() != null ? letter.ceType() : letter.headers().get("ce_type"), letter.error(),
                    letter.exception(), letter.deadLetteredAt(), letter.headers(),
                    letter.value() == null ? null : new String(letter.value(), StandardCharsets.UTF_8));
        }
    }

    @Schema(name = "Redrive", description = "What a redrive did")
    public record RedriveView(UUID id,
            @Schema(description = "APPLIED: the handler applied it; DUPLICATE: the inbox had it already, nothing applied",
                    enumeration = { "APPLIED", "DUPLICATE" }) String outcome) {
    }

    @Schema(name = "RedriveAll", description = "What redriving every open dead letter did")
    public record RedriveAllView(
            @Schema(description = "Dead letters applied or found already applied, now no longer listed") List<RedriveView> redriven,
            @Schema(description = "Dead letters whose redrive failed again; still listed with the new error") List<DeadLetterView> failed) {
    }

    private final DeadLetters deadLetters;
    private final InboxConsumers consumers;

    public DeadLetterResource(DeadLetters deadLetters, InboxConsumers consumers) {
        this.deadLetters = deadLetters;
        this.consumers = consumers;
    }

    @GET
    @Operation(summary = "List dead letters", description = "Records this service's consumers could not apply and "
            + "that were not redriven yet, oldest first; paged, total in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of dead letters",
            headers = @Header(name = "X-Total-Count", description = "Open dead letters in all", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DeadLetterView.class),
                    examples = @ExampleObject(name = "one dead letter", value = "[" + VIEW_EXAMPLE + "]")))
    @APIResponse(responseCode = "400", description = "page or size out of range", content = @Content(mediaType = "application/problem+json"))
    public Response list(@Valid @BeanParam PageRequest paging) throws SQLException {
        List<DeadLetterView> letters = deadLetters.open(paging.page(), paging.size()).stream().map(DeadLetterView::of).toList();
        return paging.respond(letters, deadLetters.countOpen());
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(summary = "Redrive a dead letter", description = "Applies the record again through its consumer's inbox "
            + "(de-duplicated by event id) and marks it redriven; it is no longer listed. Fix the cause first.")
    @APIResponse(responseCode = "200", description = "Redriven", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RedriveView.class),
            examples = @ExampleObject(name = "applied", value = "{\"id\":\"5b0c7c1e-8f1a-4c55-9a7e-0d3f5c2b9e11\",\"outcome\":\"APPLIED\"}")))
    @APIResponse(responseCode = "404", description = "No open dead letter with this id", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "unknown", value = "{\"type\":\"https://partnerhub.io/problems/not-found\",\"title\":\"Resource not found\","
                    + "\"status\":404,\"detail\":\"No dead letter with id 5b0c7c1e-8f1a-4c55-9a7e-0d3f5c2b9e11\"}")))
    @APIResponse(responseCode = "409", description = "Already redriven, or the redrive failed again (the new error is in the "
            + "detail; the dead letter stays listed)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "failed again", value = "{\"type\":\"https://partnerhub.io/problems/redrive-failed\","
                    + "\"title\":\"Redrive failed\",\"status\":409,\"detail\":\"Unknown exam code AZ-999\"}")))
    @APIResponse(responseCode = "400", description = "Not a dead-letter id", content = @Content(mediaType = "application/problem+json"))
    public RedriveView redrive(@PathParam("id") @Size(min = 36, max = 36) @Pattern(regexp = UUID_PATTERN) String id)
            throws SQLException {
        UUID uuid = UUID.fromString(id);
        DeadLetters.DeadLetter letter = deadLetters.find(uuid).orElseThrow(() -> new ResourceNotFound("dead letter", id));
        if (letter.redrivenAt() != null) {
            throw new Conflict("dead-letter-redriven", "Already redriven", "Dead letter " + id + " was redriven at "
                    + letter.redrivenAt()).with("redrivenAt", letter.redrivenAt());
        }
        return redrive(letter);
    }

    @POST
    @Path("/redrive")
    @Operation(summary = "Redrive every dead letter", description = "Redrives the open dead letters, oldest first (at "
            + "most " + REDRIVE_ALL_LIMIT + " per call: call again while X-Total-Count of the list is above zero). "
            + "Those that fail again stay listed.")
    @APIResponse(responseCode = "200", description = "What was redriven and what failed again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RedriveAllView.class),
                    examples = @ExampleObject(name = "all applied", value = "{\"redriven\":[{\"id\":\"5b0c7c1e-8f1a-4c55-9a7e-0d3f5c2b9e11\","
                            + "\"outcome\":\"APPLIED\"}],\"failed\":[]}")))
    public RedriveAllView redriveAll() throws SQLException {
        List<RedriveView> redriven = new ArrayList<>();
        List<DeadLetterView> failed = new ArrayList<>();
        for (DeadLetters.DeadLetter letter : deadLetters.open(0, REDRIVE_ALL_LIMIT)) {
            try {
                redriven.add(redrive(letter));
            } catch (Conflict e) {
                failed.add(DeadLetterView.of(deadLetters.find(letter.id()).orElse(letter)));
            }
        }
        return new RedriveAllView(redriven, failed);
    }

    private RedriveView redrive(DeadLetters.DeadLetter letter) throws SQLException {
        try {
            InboxApplier.Outcome outcome = consumers.redrive(letter);
            Log.infof("Dead letter %s (%s %s) redriven: %s", letter.id(), letter.ceType(), letter.ceId(), outcome);
            return new RedriveView(letter.id(), outcome.name());
        } catch (RuntimeException e) {
            Log.warnf("Redrive of dead letter %s failed: %s", letter.id(), FailureClassifier.describe(e));
            deadLetters.redriveFailed(letter.id(), e);
            throw new Conflict("redrive-failed", "Redrive failed", String.valueOf(FailureClassifier.rootCause(e).getMessage()))
                    .with("deadLetterId", letter.id().toString());
        }
    }
}
