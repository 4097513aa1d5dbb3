package io.partnerhub.competency.status;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.competency.status.StatusViews.ChangeView;
import io.partnerhub.competency.status.StatusViews.StatusView;
import io.partnerhub.competency.web.Examples;

/** K3: an organisation's competency status and its history. ops, or partner-admin/employee of that organisation. */
@Path("/competency-status/{organizationId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Competency status", description = "K3/K4 organisation status, recomputed from events within seconds")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN, Roles.EMPLOYEE })
public class StatusResource {

    static final int ID_MAX = 200;

    private final StatusQueries status;
    private final StatusForecast forecasts;
    private final Caller caller;

    public StatusResource(StatusQueries status, StatusForecast forecasts, Caller caller) {
        this.status = status;
        this.forecasts = forecasts;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The organisation's status in every competency (ops; partner-admin and employees of that organisation)",
            description = "Level (NONE, SILVER, GOLD), the path met, at risk with reasons (sentences) and reasonDetails (the "
                    + "same as data: requirement, credentials with their names, people as candidate ids), attainedAt, "
                    + "validUntil, asOf (the newest event applied) and the progress of every requirement (with its kind and "
                    + "named credentials). Paged by competency id; total in X-Total-Count. "
                    + "Another organisation's status answers 404.")
    @APIResponse(responseCode = "200", description = "A page of statuses",
            headers = @Header(name = "X-Total-Count", description = "number of competencies with a status"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = StatusView.class),
                    examples = @ExampleObject(name = "at risk", value = "[" + Examples.STATUS + "]")))
    @APIResponse(responseCode = "400", description = "Bad paging or an id over 200 characters",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "404", description = "Unknown organisation, or not the caller's",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.ORGANIZATION_NOT_FOUND)))
    public Response list(@PathParam("organizationId") @Size(max = ID_MAX) String organizationId,
            @Valid @BeanParam PageRequest paging) {
        caller.requireOrganization(organizationId);
        return paging.respond(status.ofOrganization(organizationId, paging.page(), paging.size()),
                status.countOfOrganization(organizationId));
    }

    @GET
    @Path("/forecast")
    @Operation(summary = "Forecast (K7): every dated loss of a level in the next 12 months, and who must renew",
            description = "Per competency and level met now, every certification expiry in the next 12 months after which "
                    + "the level no longer holds (assuming the people named for earlier losses renew) and every roadmap "
                    + "version taking effect whose requirements are not met; the people whose expiry causes each, what keeps "
                    + "the level, and mustRenew: who must renew to keep it through the whole horizon. Soonest first. A "
                    + "competency whose id is 'forecast' is not reachable under this path.")
    @APIResponse(responseCode = "200", description = "The forecast (empty: nothing due)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = StatusViews.ForecastView.class),
                    examples = @ExampleObject(name = "two expiries and a roadmap version", value = Examples.FORECAST)))
    @APIResponse(responseCode = "404", description = "Unknown organisation, or not the caller's",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.ORGANIZATION_NOT_FOUND)))
    public java.util.List<StatusViews.ForecastView> forecast(@PathParam("organizationId") @Size(max = ID_MAX) String organizationId) {
        caller.requireOrganization(organizationId);
        return forecasts.forecast(organizationId);
    }

    @GET
    @Path("/{competencyId}")
    @Operation(summary = "The organisation's status in one competency")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(schema = @Schema(implementation = StatusView.class),
                    examples = @ExampleObject(name = "at risk", value = Examples.STATUS)))
    @APIResponse(responseCode = "404", description = "Unknown organisation or competency status, or not the caller's",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.ORGANIZATION_NOT_FOUND)))
    public StatusView get(@PathParam("organizationId") @Size(max = ID_MAX) String organizationId,
            @PathParam("competencyId") @Size(max = ID_MAX) String competencyId) {
        caller.requireOrganization(organizationId);
        return status.get(organizationId, competencyId);
    }

    @GET
    @Path("/{competencyId}/history")
    @Operation(summary = "The changes of the organisation's status in one competency, oldest first, with the event that caused each",
            description = "causeEventId is null for time-driven changes (valid-until reached, an expiry entering the at-risk horizon). "
                    + "Paged; total in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of changes",
            headers = @Header(name = "X-Total-Count", description = "number of changes"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ChangeView.class),
                    examples = @ExampleObject(name = "attained then at risk", value = Examples.HISTORY)))
    @APIResponse(responseCode = "400", description = "Bad paging or an id over 200 characters",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "404", description = "Unknown organisation or competency status, or not the caller's",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.ORGANIZATION_NOT_FOUND)))
    public Response history(@PathParam("organizationId") @Size(max = ID_MAX) String organizationId,
            @PathParam("competencyId") @Size(max = ID_MAX) String competencyId, @Valid @BeanParam PageRequest paging) {
        caller.requireOrganization(organizationId);
        return paging.respond(status.history(organizationId, competencyId, paging.page(), paging.size()),
                status.countHistory(organizationId, competencyId));
    }
}
