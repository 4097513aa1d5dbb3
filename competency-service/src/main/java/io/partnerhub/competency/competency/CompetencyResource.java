package io.partnerhub.competency.competency;

import java.net.URI;
import java.util.List;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.competency.competency.CompetencyViews.CompetencyView;
import io.partnerhub.competency.competency.CompetencyViews.DefineCompetency;
import io.partnerhub.competency.competency.RequirementVersionViews.DefineRequirementVersion;
import io.partnerhub.competency.competency.RequirementVersionViews.RequirementVersionView;
import io.partnerhub.competency.competency.RequirementVersionViews.RoadmapView;
import io.partnerhub.competency.web.Examples;
import io.quarkus.security.Authenticated;

@Path("/competencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Competencies", description = "K1 competency catalogue")
@SecurityRequirement(name = "jwt")
public class CompetencyResource {

    /** Competency ids match [a-z0-9][a-z0-9-]{1,99}: a longer one cannot exist, so it answers 400, not a lookup. */
    static final int ID_MAX = 100;

    private final CompetencyService service;
    private final RequirementCatalogue requirements;

    public CompetencyResource(CompetencyService service, RequirementCatalogue requirements) {
        this.service = service;
        this.requirements = requirements;
    }

    @POST
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Add a competency to the catalogue (ops)")
    @RequestBody(content = @Content(schema = @Schema(implementation = DefineCompetency.class),
            examples = @ExampleObject(name = "cloud platform", value = Examples.DEFINE_COMPETENCY)))
    @APIResponse(responseCode = "201", description = "Created; Location names the competency",
            content = @Content(schema = @Schema(implementation = CompetencyView.class),
                    examples = @ExampleObject(name = "competency", value = Examples.COMPETENCY)))
    @APIResponse(responseCode = "400", description = "Invalid competency",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "409", description = "A competency with this id exists",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "exists", value = Examples.COMPETENCY_EXISTS)))
    public Response define(@NotNull @Valid DefineCompetency body) {
        CompetencyView competency = service.define(body);
        return Response.created(URI.create("/competencies/" + competency.id())).entity(competency).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "List the catalogue, ordered by id (any authenticated role)",
            description = "Paged: page from 0 to 100000, size 1-100 (larger sizes are capped at 100). The total is in the X-Total-Count header.")
    @APIResponse(responseCode = "200", description = "A page of competencies",
            headers = @Header(name = "X-Total-Count", description = "number of competencies"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CompetencyView.class),
                    examples = @ExampleObject(name = "page", value = "[" + Examples.COMPETENCY + "]")))
    public Response list(@Valid @BeanParam PageRequest paging) {
        List<CompetencyView> competencies = service.list(paging.page(), paging.size());
        return paging.respond(competencies, service.count());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One competency (any authenticated role)")
    @APIResponse(responseCode = "200", description = "The competency",
            content = @Content(schema = @Schema(implementation = CompetencyView.class),
                    examples = @ExampleObject(name = "competency", value = Examples.COMPETENCY)))
    public CompetencyView get(@PathParam("id") @Size(max = ID_MAX) String id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/requirement-versions")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Add a requirement version effective from a date (ops, K1/K2)",
            description = "SILVER and GOLD are each one or more paths (any one is enough); a path is a list of requirements "
                    + "that must all hold: SKILL (individuals distinct people each holding an active one of anyOf: certification "
                    + "ids or assessment:<id>) or PERFORMANCE (metric summed over the trailing 12 months ≥ threshold). "
                    + "effectiveFrom is today or later (UTC); one version per date; version names are unique per competency. "
                    + "Every certification and assessment listed must be known from certification-service's catalogue events "
                    + "(certification.defined.v1 / assessment.defined.v1): right after one is created there, this may answer "
                    + "400 unknown-credential for a moment; retry.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DefineRequirementVersion.class),
            examples = @ExampleObject(name = "May 2027", value = Examples.DEFINE_REQUIREMENT_VERSION)))
    @APIResponse(responseCode = "201", description = "Created; Location names the roadmap",
            content = @Content(schema = @Schema(implementation = RequirementVersionView.class),
                    examples = @ExampleObject(name = "version", value = Examples.REQUIREMENT_VERSION)))
    @APIResponse(responseCode = "400", description = "Malformed: no paths, individuals below 1, unknown metric, a date in the past; "
            + "or unknown-credential: a listed certification or assessment is not (yet) in the certification catalogue",
            content = @Content(mediaType = Examples.PROBLEM, examples = {
                    @ExampleObject(name = "unknown metric", value = Examples.INVALID_REQUIREMENTS),
                    @ExampleObject(name = "unknown certification", value = Examples.UNKNOWN_CREDENTIAL),
                    @ExampleObject(name = "invalid", value = Examples.INVALID) }))
    @APIResponse(responseCode = "409", description = "The version name or the date is taken",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "date taken", value = Examples.VERSION_DATE_TAKEN)))
    public Response defineVersion(@PathParam("id") @Size(max = ID_MAX) String id, @NotNull @Valid DefineRequirementVersion body) {
        RequirementVersionView version = requirements.define(id, body);
        return Response.created(URI.create("/competencies/" + id + "/requirement-versions")).entity(version).build();
    }

    @GET
    @Path("/{id}/requirement-versions")
    @Authenticated
    @Operation(summary = "Every requirement version of a competency, oldest first (any authenticated role)")
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RequirementVersionView.class),
                    examples = @ExampleObject(name = "versions", value = "[" + Examples.REQUIREMENT_VERSION + "]")))
    public List<RequirementVersionView> versions(@PathParam("id") @Size(max = ID_MAX) String id) {
        return requirements.list(id);
    }

    @GET
    @Path("/{id}/roadmap")
    @Authenticated
    @Operation(summary = "The public roadmap: the version in effect today and the future versions (any authenticated role)")
    @APIResponse(responseCode = "200", description = "The roadmap",
            content = @Content(schema = @Schema(implementation = RoadmapView.class),
                    examples = @ExampleObject(name = "roadmap", value = Examples.ROADMAP)))
    public RoadmapView roadmap(@PathParam("id") @Size(max = ID_MAX) String id) {
        return requirements.roadmap(id);
    }
}
