package io.partnerhub.membership.performance;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.security.Roles;
import io.partnerhub.membership.performance.PerformanceViews.PerformanceView;
import io.partnerhub.membership.performance.PerformanceViews.ReportPerformance;
import io.partnerhub.membership.web.Examples;
import io.partnerhub.membership.web.Ids;

@Path("/organizations/{id}/performance-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Performance", description = "M4 performance figures reported by other systems")
@SecurityRequirement(name = "jwt")
public class PerformanceResource {

    private final PerformanceService service;

    public PerformanceResource(PerformanceService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.REPORTER, Roles.OPS })
    @Operation(summary = "Report a performance figure (reporter, ops)",
            description = "metric REVENUE, ACTIVE_USAGE, DEPLOYED_SEATS or NEW_CUSTOMERS; value ≥ 0; the period's end "
                    + "not before its start (dates 1900–9999). The same metric and period again is a correction: the "
                    + "figure is replaced (200) and performance.reported.v1 is published again (subject = the "
                    + "organisation id); the same value again publishes nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReportPerformance.class),
            examples = @ExampleObject(name = "revenue", value = Examples.REPORT_PERFORMANCE)))
    @APIResponse(responseCode = "201", description = "A new figure",
            content = @Content(schema = @Schema(implementation = PerformanceView.class), examples = @ExampleObject(name = "reported", value = Examples.PERFORMANCE)))
    @APIResponse(responseCode = "200", description = "A correction of the figure of this metric and period",
            content = @Content(schema = @Schema(implementation = PerformanceView.class), examples = @ExampleObject(name = "corrected", value = Examples.PERFORMANCE)))
    @APIResponse(responseCode = "400", description = "Unknown metric, negative value, end before start, dates out of range",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "period", value = Examples.PERIOD_INVALID)))
    @APIResponse(responseCode = "404", description = "No such organisation",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not reporter or ops")
    public Response report(@PathParam("id") @Size(max = Ids.MAX) String id, @NotNull @Valid ReportPerformance body) {
        UUID organizationId = Ids.parse("organization", id);
        PerformanceView view = service.report(organizationId, body);
        if (view.corrected()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/organizations/" + organizationId + "/performance-reports/" + view.id()))
                .entity(view).build();
    }
}
