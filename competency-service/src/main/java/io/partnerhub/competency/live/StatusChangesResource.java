package io.partnerhub.competency.live;

import java.time.Duration;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;
import io.smallrye.mutiny.Multi;

/**
 * K5 live: a server-sent event stream that says when an organisation's competency status changed, so that a page (the
 * partner portal's dashboard) reloads the status within a second of the causing event instead of polling.
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
            data: {"organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","seenAt":"2026-12-01T11:20:05.250Z"}

            event: keep-alive
            data: {}
            """;

    private final StatusWatch watch;
    private final Caller caller;
    private final Duration keepAlive;

    public StatusChangesResource(StatusWatch watch, Caller caller,
            @ConfigProperty(name = "partnerhub.competency.live.keep-alive", defaultValue = "15s") Duration keepAlive) {
        this.watch = watch;
        this.caller = caller;
        this.keepAlive = keepAlive;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live: an event each time the organisation's competency status changes (server-sent events, K5)",
            description = "First `ready`, then `status` {organizationId, seenAt} within 250 ms of any change of the organisation's "
                    + "statuses (level, at risk, progress, valid-until), and `keep-alive` every 15 s so that proxies keep the "
                    + "stream open. Read `GET /competency-status/{organizationId}` on `ready` and on each `status`. ops, or "
                    + "partner-admin/employee of the organisation (others 404). A competency cannot be called `changes`.")
    @APIResponse(responseCode = "200", description = "The stream (never ends on its own)",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, examples = @ExampleObject(name = "a change", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Not the caller's organisation")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not ops, partner-admin or employee")
    public Multi<OutboundSseEvent> changes(@PathParam("organizationId") @Size(max = 200) String organizationId, @Context Sse sse) {
        caller.requireOrganization(organizationId);
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
}
