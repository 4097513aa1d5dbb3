package io.partnerhub.membership.performance;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.membership.domain.PerformanceMetric;
import io.partnerhub.membership.performance.PerformanceViews.FigureView;
import io.partnerhub.membership.performance.PerformanceViews.HistoryView;
import io.partnerhub.membership.performance.PerformanceViews.PerformanceView;
import io.partnerhub.membership.performance.PerformanceViews.ReportPerformance;
import io.partnerhub.membership.web.Examples;
import io.partnerhub.membership.web.Ids;
import io.partnerhub.membership.web.OrganizationAccess;
import io.quarkus.security.Authenticated;

@Path("/organizations/{id}/performance-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Performance", description = "M4 performance figures reported by other systems")
@SecurityRequirement(name = "jwt")
public class PerformanceResource {

    /** The source of a figure ops report. */
    public static final String OPS_SOURCE = "ops";

    private final PerformanceService service;
    private final Caller caller;

    public PerformanceResource(PerformanceService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.REPORTER, Roles.OPS })
    @Operation(summary = "Report a performance figure (reporter, ops)",
            description = "metric REVENUE, ACTIVE_USAGE, DEPLOYED_SEATS or NEW_CUSTOMERS; value ≥ 0; the period's end "
                    + "not before its start (dates 1900–9999). The figure keeps its source (a reporter token's claim "
                    + "source, 403 without one; \"ops\" for ops) and reportedBy (the token subject). The same metric "
                    + "and period again is a correction: the figure is replaced (200), the earlier value kept in the "
                    + "history, and performance.reported.v1 is published again (subject = the organisation id); the "
                    + "same value again from the same source changes nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReportPerformance.class),
            examples = @ExampleObject(name = "revenue", value = Examples.REPORT_PERFORMANCE)))
    @APIResponse(responseCode = "201", description = "A new figure",
            content = @Content(schema = @Schema(implementation = PerformanceView.class), examples = @ExampleObject(name = "reported", value = Examples.PERFORMANCE)))
    @APIResponse(responseCode = "200", description = "A correction of the figure of this metric and period",
            content = @Content(schema = @Schema(implementation = PerformanceView.class), examples = @ExampleObject(name = "corrected", value = Examples.PERFORMANCE)))
    @APIResponse(responseCode = "400", description = "Unknown metric, negative value, end before start, dates out of range",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "period", value = Examples.PERIOD_INVALID)))
    @APIResponse(responseCode = "403", description = "Not reporter or ops, or a reporter token without a source claim",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "no source", value = Examples.FORBIDDEN_NO_SOURCE)))
    public Response report(@PathParam("id") @Size(max = Ids.MAX) String id, @NotNull @Valid ReportPerformance body) {
        String source = caller.isOps() ? OPS_SOURCE : caller.requireSource();
        UUID organizationId = Ids.parse("organization", id);
        PerformanceView view = service.report(organizationId, body, source, caller.subject().orElseThrow());
        if (view.corrected()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/organizations/" + organizationId + "/performance-reports/" + view.id()))
                .entity(view).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "The organisation's current performance figures (ops, the organisation's partner-admin)",
            description = "Latest period first; each with its source, who reported it and how often it was corrected. "
                    + "Anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "A page of figures; the total in X-Total-Count",
            content = @Content(schema = @Schema(implementation = FigureView[].class),
                    examples = @ExampleObject(name = "figures", value = Examples.PERFORMANCE_FIGURES)))
    @APIResponse(responseCode = "400", description = "Unknown metric, paging out of range",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "metric", value = Examples.METRIC_INVALID)))
    @APIResponse(responseCode = "404", description = "No such organisation, or not yours to read",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public Response figures(@PathParam("id") @Size(max = Ids.MAX) String id,
            @QueryParam("metric") @Size(max = 64) @Parameter(description = "One metric, e.g. REVENUE") String metric,
            @Valid @BeanParam PageRequest paging) {
        UUID organizationId = OrganizationAccess.requireAdministrator(caller, id);
        PerformanceMetric filter = metric(metric);
        return paging.respond(service.figures(organizationId, filter, paging.firstResult(), paging.size()),
                service.countFigures(organizationId, filter));
    }

    @GET
    @Path("/history")
    @Authenticated
    @Operation(summary = "Every value ever stored for the organisation's figures, superseded ones included",
            description = "Latest period first, then newest value first; supersededAt is null for the current value. "
                    + "Ops and the organisation's partner-admin; anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "A page of values; the total in X-Total-Count",
            content = @Content(schema = @Schema(implementation = HistoryView[].class),
                    examples = @ExampleObject(name = "history", value = Examples.PERFORMANCE_HISTORY)))
    @APIResponse(responseCode = "400", description = "Unknown metric, paging out of range",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "metric", value = Examples.METRIC_INVALID)))
    @APIResponse(responseCode = "404", description = "No such organisation, or not yours to read",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public Response history(@PathParam("id") @Size(max = Ids.MAX) String id,
            @QueryParam("metric") @Size(max = 64) @Parameter(description = "One metric, e.g. REVENUE") String metric,
            @Valid @BeanParam PageRequest paging) {
        UUID organizationId = OrganizationAccess.requireAdministrator(caller, id);
        PerformanceMetric filter = metric(metric);
        return paging.respond(service.history(organizationId, filter, paging.firstResult(), paging.size()),
                service.countHistory(organizationId, filter));
    }

    private static PerformanceMetric metric(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PerformanceMetric.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("metric must be one of " + Arrays.toString(PerformanceMetric.values()));
        }
    }
}
