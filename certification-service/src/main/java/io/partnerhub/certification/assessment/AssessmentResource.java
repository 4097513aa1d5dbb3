package io.partnerhub.certification.assessment;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import io.partnerhub.certification.assessment.AssessmentViews.AssessmentView;
import io.partnerhub.certification.assessment.AssessmentViews.DefineAssessment;
import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.certification.web.Examples;
import io.partnerhub.chassis.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "C6 online assessments and their results")
@SecurityRequirement(name = "jwt")
public class AssessmentResource {

    private final AssessmentService service;
    public AssessmentResource(AssessmentService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Add an online assessment to the catalogue (ops)")
    @RequestBody(content = @Content(schema = @Schema(implementation = DefineAssessment.class),
            examples = @ExampleObject(name = "assessment", value = Examples.DEFINE_ASSESSMENT)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = AssessmentView.class),
                    examples = @ExampleObject(name = "assessment", value = Examples.ASSESSMENT)))
    @APIResponse(responseCode = "400", description = "Invalid id or name",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "409", description = "An assessment with this id exists",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "exists", value = Examples.ASSESSMENT_EXISTS)))
    public Response define(@NotNull @Valid DefineAssessment body) {
        AssessmentView assessment = service.define(body);
        return Response.created(URI.create("/assessments?id=" + assessment.id())).entity(assessment).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "List the assessments, ordered by id (any authenticated role)",
            description = "Paged: page 0-" + Examples.MAX_PAGE + ", size 1-100 (capped); total in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of assessments",
            headers = @Header(name = "X-Total-Count", description = "number of assessments"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AssessmentView.class),
                    examples = @ExampleObject(name = "page", value = "[" + Examples.ASSESSMENT + "]")))
    public Response list(@Valid @BeanParam PageRequest paging) {
        return paging.respond(service.list(paging.page(), paging.size()), service.count());
    }
}
