package io.partnerhub.competency.designation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.competency.designation.DesignationViews.StatusView;
import io.partnerhub.competency.web.Examples;

/** P3–P9: an organisation's designations. ops, or partner-admin/employee of that organisation (another's: 404). */
@Path("/designation-status/{organizationId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Designation status", description = "P rules: Solutions Partner designations by capability score")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN, Roles.EMPLOYEE })
public class DesignationStatusResource {

    static final int ID_MAX = 200;

    private final DesignationQueries queries;
    private final Caller caller;

    public DesignationStatusResource(DesignationQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The organisation's designation in every solution area (ops; partner-admin and employees of that organisation)",
            description = "Per area: state (NONE, ATTAINED, KEPT, AT_RISK, LOST), held, track, today's score and its metrics "
                    + "(have / threshold / points), the qualification window with its qualifying days, the next day it drops one "
                    + "and the last day it holds one, what would make the organisation qualify (per metric and one plan: the fewest "
                    + "changes reaching 70 with no metric at zero) and the specialisations.")
    @APIResponse(responseCode = "200", description = "Every area with a requirement set in effect",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = StatusView.class),
                    examples = @ExampleObject(name = "at risk", value = "[" + DesignationExamples.STATUS + "]")))
    @APIResponse(responseCode = "400", description = "An id over 200 characters",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "404", description = "Unknown organisation, or not the caller's",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.ORGANIZATION_NOT_FOUND)))
    public List<StatusView> all(@PathParam("organizationId") @Size(max = ID_MAX) String organizationId) {
        caller.requireOrganization(organizationId);
        return queries.all(organizationId);
    }

    @GET
    @Path("/{solutionAreaId}")
    @Operation(summary = "The organisation's designation in one solution area")
    @APIResponse(responseCode = "200", description = "The designation",
            content = @Content(schema = @Schema(implementation = StatusView.class),
                    examples = @ExampleObject(name = "at risk", value = DesignationExamples.STATUS)))
    @APIResponse(responseCode = "400", description = "An id over 200 characters",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "404", description = "Unknown organisation or area (or none in effect), or not the caller's",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = DesignationExamples.AREA_NOT_FOUND)))
    public StatusView one(@PathParam("organizationId") @Size(max = ID_MAX) String organizationId,
            @PathParam("solutionAreaId") @Size(max = ID_MAX) String solutionAreaId) {
        caller.requireOrganization(organizationId);
        return queries.one(organizationId, solutionAreaId);
    }
}
