package io.partnerhub.competency.designation;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.security.Roles;
import io.partnerhub.competency.designation.DesignationViews.AreaView;
import io.partnerhub.competency.designation.DesignationViews.DefineArea;
import io.partnerhub.competency.designation.DesignationViews.DefineVersion;
import io.partnerhub.competency.web.Examples;

/** P1: the solution areas (Solutions Partner designations) with their score requirement sets and roadmap. */
@Path("/solution-areas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Solution areas", description = "P1 Solutions Partner designations: areas and their capability-score requirement sets")
@SecurityRequirement(name = "jwt")
public class SolutionAreaResource {

    private final AreaAdmin admin;

    public SolutionAreaResource(AreaAdmin admin) {
        this.admin = admin;
    }

    @GET
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN, Roles.EMPLOYEE })
    @Operation(summary = "Every solution area with its requirement set in effect today and the upcoming ones (roadmap)")
    @APIResponse(responseCode = "200", description = "The areas, by id",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AreaView.class),
                    examples = @ExampleObject(name = "areas", value = "[" + DesignationExamples.AREA + "]")))
    public List<AreaView> list() {
        return admin.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPS, Roles.PARTNER_ADMIN, Roles.EMPLOYEE })
    @Operation(summary = "One solution area")
    @APIResponse(responseCode = "200", description = "The area",
            content = @Content(schema = @Schema(implementation = AreaView.class),
                    examples = @ExampleObject(name = "area", value = DesignationExamples.AREA)))
    @APIResponse(responseCode = "404", description = "No such area",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = DesignationExamples.AREA_NOT_FOUND)))
    public AreaView get(@PathParam("id") @Size(max = 100) String id) {
        return admin.get(id);
    }

    @POST
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Add a solution area (ops)", description = "replaces: the competencies the area takes over (the side by side)")
    @RequestBody(content = @Content(schema = @Schema(implementation = DefineArea.class),
            examples = @ExampleObject(name = "infrastructure", value = DesignationExamples.DEFINE_AREA)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = AreaView.class), examples = @ExampleObject(name = "area", value = DesignationExamples.AREA)))
    @APIResponse(responseCode = "400", description = "Invalid area",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "409", description = "An area with this id exists",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "exists", value = DesignationExamples.VERSION_TAKEN)))
    public Response define(@NotNull @Valid DefineArea body) {
        AreaView area = admin.define(body);
        return Response.created(URI.create("/solution-areas/" + area.id())).entity(area).build();
    }

    @POST
    @Path("/{id}/score-versions")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Publish a score requirement set of an area (ops)",
            description = "Effective from a date not before today (UTC); the metrics' max points add up to 100; each metric reads a "
                    + "figure: new-customers, revenue (FLOW), active-usage, deployed-seats (STOCK) from performance reports, "
                    + "intermediate-certified / advanced-certified (STOCK: people of the organisation holding one of the area's "
                    + "certifications at ASSOCIATE, resp. EXPERT/SPECIALTY level), with growth: the percent growth over 12 months.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DefineVersion.class),
            examples = @ExampleObject(name = "infrastructure", value = DesignationExamples.VERSION)))
    @APIResponse(responseCode = "201", description = "Published", content = @Content(schema = @Schema(implementation = AreaView.class),
            examples = @ExampleObject(name = "area", value = DesignationExamples.AREA)))
    @APIResponse(responseCode = "400", description = "Invalid requirement set",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = DesignationExamples.INVALID_VERSION)))
    @APIResponse(responseCode = "404", description = "No such area",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = DesignationExamples.AREA_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The version or its effective date is taken",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "taken", value = DesignationExamples.VERSION_TAKEN)))
    public Response publish(@PathParam("id") @Size(max = 100) String id, @NotNull @Valid DefineVersion body) {
        AreaView area = admin.publish(id, body);
        return Response.created(URI.create("/solution-areas/" + id)).entity(area).build();
    }
}
