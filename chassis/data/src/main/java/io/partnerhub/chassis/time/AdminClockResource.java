package io.partnerhub.chassis.time;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.chassis.security.Roles;
import io.quarkus.logging.Log;

/**
 * Moves this service's clock (dev and test only: {@code partnerhub.clock.adjustable=true}; otherwise 404).
 */
@Path("/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
@Tag(name = "Operations", description = "Clock control for tests and demos (not in production)")
public class AdminClockResource {

    /** The clock now: its offset from real time (ISO-8601 duration) and the instant it reads. */
    @Schema(name = "ClockState")
    public record ClockState(
            @Schema(description = "Offset from real time, ISO-8601 duration", examples = "P400D") String offset,
            @Schema(description = "What the service's clock reads now", examples = "2027-12-28T09:15:00Z") Instant now) {
    }

    /** A new offset from real time, e.g. {@code P400D}, {@code PT36H}, {@code -P1D}; {@code PT0S} resets. */
    @Schema(name = "ClockAdjustment")
    public record ClockAdjustment(
            @NotNull @Schema(description = "Offset from real time, ISO-8601 duration (days, hours, minutes, seconds)",
                    implementation = String.class, examples = "P400D", required = true) Duration offset) {
    }

    private final AdjustableClock clock;
    private final boolean adjustable;

    public AdminClockResource(AdjustableClock clock, ClockConfig config) {
        this.clock = clock;
        this.adjustable = config.adjustable();
    }

    @GET
    @Operation(summary = "Read the clock", description = "Offset from real time and the instant the service reads.")
    @APIResponse(responseCode = "200", description = "The clock", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClockState.class),
            examples = @ExampleObject(name = "moved", value = "{\"offset\":\"P400D\",\"now\":\"2027-12-28T09:15:00Z\"}")))
    @APIResponse(responseCode = "404", description = "The clock is not adjustable in this environment",
            content = @Content(mediaType = "application/problem+json"))
    public ClockState get() {
        requireAdjustable();
        return state();
    }

    @PUT
    @Operation(summary = "Move the clock", description = "Sets the offset from real time; every time-based rule of "
            + "this service (expiry sweeps, waiting periods, renewal windows) follows it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ClockAdjustment.class),
            examples = {
                    @ExampleObject(name = "400 days ahead", value = "{\"offset\":\"P400D\"}"),
                    @ExampleObject(name = "36 hours ahead", value = "{\"offset\":\"PT36H\"}"),
                    @ExampleObject(name = "back to real time", value = "{\"offset\":\"PT0S\"}") }))
    @APIResponse(responseCode = "200", description = "The clock after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClockState.class),
                    examples = @ExampleObject(name = "moved", value = "{\"offset\":\"PT36H\",\"now\":\"2026-11-24T21:15:00Z\"}")))
    @APIResponse(responseCode = "400", description = "Not an ISO-8601 duration",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "The clock is not adjustable in this environment",
            content = @Content(mediaType = "application/problem+json"))
    public ClockState put(@Valid @NotNull ClockAdjustment adjustment) {
        requireAdjustable();
        clock.setOffset(adjustment.offset());
        Log.infof("Clock offset set to %s", adjustment.offset());
        return state();
    }

    private ClockState state() {
        return new ClockState(clock.offset().toString(), clock.instant());
    }

    private void requireAdjustable() {
        if (!adjustable) {
            throw new ResourceNotFound("resource", "/admin/clock");
        }
    }
}
