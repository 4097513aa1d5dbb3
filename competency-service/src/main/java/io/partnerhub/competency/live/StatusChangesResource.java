package io.partnerhub.competency.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.problem.Problems;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.competency.live.StreamSlots.Slot;
import io.partnerhub.chassis.security.Roles;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Multi;

/**
 * K5 live: a server-sent event stream that says when an organisation's competency status changed, so that a page (the
 * partner portal's dashboard) reloads the status within a second of the causing event instead of polling; a change
 * announced from a local commit says what changed ({@link StatusWatch.Change#changes()}), so the page needs no GET.
 * K5c bounded: a stream takes a {@link StreamSlots} slot (429 {@code too-many-streams} with {@code Retry-After} when
 * the subject or the organisation has its maximum open) and gives it back however it ends; it ends with an {@code end}
 * event when the token that opened it expires, so that it never outlives the authorisation it was opened with.
 */
@Path("/competency-status/{organizationId}/changes")
@Tag(name = "Competency status")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN, Roles.EMPLOYEE })
public class StatusChangesResource {

    static final String EXAMPLE = """
            event: ready
            data: {"organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d"}

            event: status
            data: {"organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","seenAt":"2026-12-01T11:20:05.250Z","changes":[{"competencyId":"cloud-platform","event":"attained","level":"SILVER","validUntil":"2027-12-01T11:20:05Z","reasons":[]}]}

            event: status
            data: {"organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","seenAt":"2026-12-01T11:20:05.500Z"}

            event: keep-alive
            data: {}

            event: end
            data: {"reason":"token-expired","at":"2026-12-01T12:00:00Z"}
            """;

    static final String TOO_MANY = """
            {"type":"https://partnerhub.io/problems/too-many-streams","title":"Too many live streams","status":429,\
            "detail":"This token already has 3 live streams open (at most 3 per token subject and 25 per organisation on \
            each instance); close one, or retry in 15 s.",\
            "instance":"/competency-status/3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d/changes",\
            "limit":"subject","maxPerSubject":3,"maxPerOrganization":25,"retryAfterSeconds":15}""";

    private final StatusWatch watch;
    private final StreamSlots slots;
    private final Caller caller;
    private final JsonWebToken token;
    private final Duration keepAlive;
    private final Optional<Long> tokenAge;

    /** @param tokenAge a token is refused this many seconds after its {@code iat}, whatever its {@code exp} says */
    public StatusChangesResource(StatusWatch watch, StreamSlots slots, Caller caller, JsonWebToken token,
            @ConfigProperty(name = "partnerhub.competency.live.keep-alive", defaultValue = "15s") Duration keepAlive,
            @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> tokenAge) {
        this.watch = watch;
        this.slots = slots;
        this.caller = caller;
        this.token = token;
        this.keepAlive = keepAlive;
        this.tokenAge = tokenAge;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live: an event each time the organisation's competency status changes (server-sent events, K5)",
            description = "First `ready`, then `status` {organizationId, seenAt} within 250 ms of any change of the organisation's "
                    + "statuses (level, at risk, progress, valid-until), at once when the change published a competency event "
                    + "(attained, renewed, at risk, risk cleared, lapsed) on the instance serving the stream, and `keep-alive` "
                    + "every 15 s so that proxies keep the stream open. A `status` told at once also carries `changes`: per "
                    + "competency event of the organisation, in the order published, {competencyId, event (attained, renewed, "
                    + "at-risk, risk-cleared, lapsed), level, validUntil, reasons}, what the event says and the status GET shows: "
                    + "show it without a GET. A `status` without `changes` (another instance's change, or progress only) says "
                    + "only that something changed. One change may be told twice (with `changes`, then without). Read "
                    + "`GET /competency-status/{organizationId}` on `ready` and on each `status` without `changes`. The stream "
                    + "ends when the token expires, with a last event `end` {reason: token-expired, at}: open it again with a "
                    + "current token (401: sign in again). At most 3 open streams per token subject and 25 per organisation "
                    + "on each instance (one more: 429 `too-many-streams` with Retry-After). ops, or partner-admin/employee of "
                    + "the organisation (others 404). A competency cannot be called `changes`.")
    @APIResponse(responseCode = "200", description = "The stream, until the token expires (then `end`) or the client leaves",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, examples = @ExampleObject(name = "a change", value = EXAMPLE)))
    @APIResponse(responseCode = "429", description = "The token's subject or the organisation has its maximum of streams open",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "too many streams", value = TOO_MANY)))
    @APIResponse(responseCode = "401", description = "No or invalid token, or one that has expired (within the clock skew)")
    public Multi<OutboundSseEvent> changes(@PathParam("organizationId") @Size(max = 200) String organizationId, @Context Sse sse) {
        caller.requireOrganization(organizationId);
        Instant end = tokenEnd();
        Duration remaining = Duration.between(Instant.now(), end); // system time, as the token's check uses
        if (remaining.compareTo(Duration.ofSeconds(1)) < 0) {
            // accepted within the verifier's clock skew, but expired: a stream would end at once and be reopened
            throw new UnauthorizedException("The token has expired: sign in again.");
        }
        Slot slot = slots.take(caller.subject().orElse(""), organizationId);
        try {
            return live(organizationId, sse)
                    .select().first(remaining)
                    .onCompletion().switchTo(() -> Multi.createFrom().item(sse.newEventBuilder().name("end")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(new End("token-expired", end)).build()))
                    .onTermination().invoke(slot::release);
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
    }

    /** When the token stops being accepted: its {@code exp}, or sooner its maximum age after {@code iat}. */
    private Instant tokenEnd() {
        Instant end = Instant.ofEpochSecond(token.getExpirationTime());
        if (tokenAge.isPresent() && token.getIssuedAtTime() > 0) {
            Instant tooOld = Instant.ofEpochSecond(token.getIssuedAtTime() + tokenAge.get());
            end = tooOld.isBefore(end) ? tooOld : end;
        }
        return end;
    }

    private Multi<OutboundSseEvent> live(String organizationId, Sse sse) {
        OutboundSseEvent ready = sse.newEventBuilder().name("ready").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(new Ready(organizationId)).build();
        Multi<OutboundSseEvent> changes = watch.changes(organizationId)
                .map(change -> sse.newEventBuilder().name("status").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(change).build());
        Multi<OutboundSseEvent> keepAlives = Multi.createFrom().ticks().every(keepAlive)
                .map(tick -> sse.newEventBuilder().name("keep-alive").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(new KeepAlive()).build());
        return Multi.createBy().merging().streams(Multi.createFrom().item(ready), changes, keepAlives);
    }

    record Ready(String organizationId) {
    }

    record KeepAlive() {
    }

    record End(String reason, Instant at) {
    }
}
