package io.partnerhub.certification.assessment;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import io.partnerhub.certification.assessment.AssessmentViews.AssessmentResultView;
import io.partnerhub.certification.assessment.AssessmentViews.RecordAssessmentResult;
import io.partnerhub.certification.web.Examples;
import io.partnerhub.chassis.security.Roles;

@Path("/assessment-results")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "C6 online assessments and their results")
@SecurityRequirement(name = "jwt")
public class AssessmentResultResource {

    private final AssessmentService service;

    public AssessmentResultResource(AssessmentService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Record a candidate's assessment result (ops, or the assessment system with an ops token)",
            description = "A pass publishes assessment.passed.v1 (counts toward competency skill goals). takenAt may not be in "
                    + "the future nor before 2000. The same candidate, assessment and takenAt again answers 200 with the stored "
                    + "result and publishes nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RecordAssessmentResult.class),
            examples = @ExampleObject(name = "passed", value = Examples.RECORD_ASSESSMENT_RESULT)))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = AssessmentResultView.class),
                    examples = @ExampleObject(name = "result", value = Examples.ASSESSMENT_RESULT)))
    @APIResponse(responseCode = "200", description = "Already recorded: the stored result",
            content = @Content(schema = @Schema(implementation = AssessmentResultView.class),
                    examples = @ExampleObject(name = "result", value = Examples.ASSESSMENT_RESULT)))
    @APIResponse(responseCode = "400", description = "Missing fields, takenAt in the future or before 2000",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "404", description = "No such assessment",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.ASSESSMENT_NOT_FOUND)))
    public Response record(@NotNull @Valid RecordAssessmentResult body) {
        AssessmentService.Recorded recorded = service.record(body);
        if (!recorded.created()) {
            return Response.ok(recorded.result()).build();
        }
        return Response.created(URI.create("/transcripts/" + recorded.result().candidateId())).entity(recorded.result()).build();
    }
}
