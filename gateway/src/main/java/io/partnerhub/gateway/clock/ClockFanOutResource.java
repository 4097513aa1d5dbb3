package io.partnerhub.gateway.clock;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.gateway.domain.DownstreamService;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.Problems;
import io.partnerhub.gateway.problem.GatewayProblems;
import io.quarkus.logging.Log;

/**
 * {@code /api/admin/clock}: moves (or reads) the adjustable clock of every service at once, so that
 * system tests and demos can walk through time. Each service still decides whether its clock is
 * adjustable ({@code partnerhub.clock.adjustable}); the answer reports each service's own result.
 */
@Path("/api/admin/clock")
@Tag(name = "Operations")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class ClockFanOutResource {

    private static final String FAN_OUT_EXAMPLE = """
            {"offset":"P30D","services":[
              {"service":"exam-service","status":200,"body":{"offset":"P30D","now":"2026-12-23T07:00:00Z"}},
              {"service":"certification-service","status":200,"body":{"offset":"P30D","now":"2026-12-23T07:00:00Z"}},
              {"service":"competency-service","status":200,"body":{"offset":"P30D","now":"2026-12-23T07:00:00Z"}},
              {"service":"membership-service","status":200,"body":{"offset":"P30D","now":"2026-12-23T07:00:00Z"}}]}""";

    private final ClockFanOut fanOut;
    private final GatewayProblems problems;

    public ClockFanOutResource(ClockFanOut fanOut, GatewayProblems problems) {
        this.fanOut = fanOut;
        this.problems = problems;
    }

    public record ClockChange(@NotNull @NotBlank String offset) {
    }

    public record ServiceClock(String service, int status, Object body) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    public record ClockFanOutResult(String offset, List<ServiceClock> services) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ops")
    @Operation(summary = "Move every service's clock",
            description = "Sets the clock offset (ISO-8601 duration from real time) on all four services and answers "
                    + "with each service's result. 502 when any service did not accept it (the others keep the new offset).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "thirty days ahead", value = "{\"offset\":\"P30D\"}")))
    @APIResponse(responseCode = "200", description = "Every service moved its clock",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "moved", value = FAN_OUT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The offset is not an ISO-8601 duration (no service moved)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "502", description = "At least one service did not accept the change",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an ops token", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public CompletionStage<Response> set(@Valid @NotNull ClockChange change,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        requireDuration(change.offset());
        Log.infof("Moving every service's clock to offset %s", change.offset());
        return fanOut.put(change, authorization).thenApply(results -> answer(change.offset(), results));
    }

    @GET
    @RolesAllowed("ops")
    @Operation(summary = "Read every service's clock", description = "Each service's current offset and time.")
    @APIResponse(responseCode = "200", description = "Every service answered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "clocks", value = FAN_OUT_EXAMPLE)))
    @APIResponse(responseCode = "502", description = "At least one service did not answer", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public CompletionStage<Response> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return fanOut.get(authorization).thenApply(results -> answer(null, results));
    }

    /**
     * The services read the offset as a {@link Duration}; one they would all refuse (a year, 300000 years, a word) is
     * the caller's 400 here, before any service moves, instead of a 502 listing four refusals.
     */
    static void requireDuration(String offset) {
        try {
            Duration.parse(offset);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new DomainException(400, "malformed-request", "Malformed request", "Field 'offset' has the value \""
                    + (offset.length() > 64 ? offset.substring(0, 64) + "…" : offset)
                    + "\", which is not a valid ISO-8601 duration (e.g. P30D, PT36H)").with("field", "offset");
        }
    }

    private Response answer(String offset, List<ServiceClock> results) {
        if (results.stream().allMatch(ServiceClock::succeeded)) {
            return Response.ok(new ClockFanOutResult(offset, results)).build();
        }
        String failed = String.join(", ", results.stream().filter(r -> !r.succeeded()).map(ServiceClock::service).toList());
        return problems.response(Problems.body(502, "clock-fan-out-incomplete", "Clock fan-out incomplete",
                "Not every service took the clock change: " + failed + ".", "/api/admin/clock",
                java.util.Map.of("services", results)));
    }

    static List<DownstreamService> targets() {
        return Arrays.asList(DownstreamService.values());
    }
}
