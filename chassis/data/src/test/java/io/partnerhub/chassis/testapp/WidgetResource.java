package io.partnerhub.chassis.testapp;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.opentelemetry.api.trace.Span;
import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;

/** Test-only endpoints exercising the chassis. */
@Path("/test/widgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WidgetResource {

    public enum Color { RED, GREEN, BLUE }

    public record Part(@NotBlank String code) {
    }

    public record CreateWidget(@NotBlank String name, @NotNull Color color, @Min(1) @Max(10) int size, Instant madeAt,
            @Valid List<Part> parts) {
    }

    /** {@code padding}: that many extra characters in the name, to make an event Kafka refuses (too large). */
    public record PublishWidget(@NotBlank String widgetId, String name, boolean poison, boolean rollback,
            @Min(0) @Max(2_000_000) int padding) {
    }

    private final EventPublisher publisher;
    private final Clock clock;
    private final Caller caller;

    public WidgetResource(EventPublisher publisher, Clock clock, Caller caller) {
        this.publisher = publisher;
        this.clock = clock;
        this.caller = caller;
    }

    @GET
    @Path("/candidates/{candidateId}")
    @RolesAllowed({ Roles.OPS, Roles.EXAM_PROVIDER, Roles.EMPLOYEE, Roles.PARTNER_ADMIN })
    public Map<String, String> candidate(@jakarta.ws.rs.PathParam("candidateId") String candidateId) {
        caller.requireCandidate(candidateId);
        return Map.of("candidateId", candidateId, "callerCandidate", caller.candidateId().orElse("-"));
    }

    @GET
    @Path("/organizations/{organizationId}")
    @RolesAllowed({ Roles.OPS, Roles.EMPLOYEE, Roles.PARTNER_ADMIN, Roles.REPORTER })
    public Map<String, String> organization(@jakarta.ws.rs.PathParam("organizationId") String organizationId) {
        caller.requireOrganization(organizationId);
        return Map.of("organizationId", organizationId, "callerOrganization", caller.organizationId().orElse("-"),
                "isOps", Boolean.toString(caller.isOps()));
    }

    @POST
    @RolesAllowed(Roles.OPS)
    public Response create(@Valid @NotNull CreateWidget request) {
        return Response.created(URI.create("/test/widgets/1")).entity(request).build();
    }

    @GET
    @RolesAllowed(Roles.OPS)
    public List<String> list(@QueryParam("size") @Min(1) @Max(100) Integer size) {
        return List.of("a", "b");
    }

    @POST
    @Path("/events")
    @RolesAllowed(Roles.OPS)
    @Transactional
    public Map<String, String> publish(@Valid @NotNull PublishWidget request) {
        String name = request.padding() == 0 ? request.name() : request.name() + "x".repeat(request.padding());
        CloudEvent event = publisher.publishCloudEvent(new WidgetCreated(request.widgetId(), name, request.poison()));
        if (request.rollback()) {
            throw new Conflict("rolled-back", "Rolled back on purpose", "event " + event.id() + " rolled back");
        }
        return Map.of("id", event.id(), "traceId", Span.current().getSpanContext().getTraceId());
    }

    @GET
    @Path("/conflict")
    @RolesAllowed(Roles.OPS)
    public String conflict() {
        throw new Conflict("retake-not-allowed", "Retake not allowed", "Wait for the retake period")
                .with("nextEligibleAt", Instant.parse("2026-12-01T10:00:00Z"));
    }

    @GET
    @Path("/boom")
    @RolesAllowed(Roles.OPS)
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }

    @GET
    @Path("/now")
    @RolesAllowed({ Roles.OPS, Roles.EMPLOYEE })
    public Map<String, Instant> now() {
        return Map.of("now", clock.instant());
    }

    @GET
    @Path("/public")
    @PermitAll
    public Map<String, String> open() {
        return Map.of("hello", "world");
    }

    @GET
    @Path("/unannotated")
    public Map<String, String> unannotated() {
        return Map.of("oops", "this must not be reachable");
    }
}
