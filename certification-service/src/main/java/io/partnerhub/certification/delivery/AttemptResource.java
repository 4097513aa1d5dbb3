package io.partnerhub.certification.delivery;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import io.partnerhub.certification.delivery.AttemptViews.AnswerBody;
import io.partnerhub.certification.delivery.AttemptViews.AttemptView;
import io.partnerhub.certification.delivery.AttemptViews.ExternalResultBody;
import io.partnerhub.certification.delivery.AttemptViews.ScoreReport;
import io.partnerhub.certification.delivery.AttemptViews.SubmissionBody;
import io.partnerhub.certification.web.AssessmentExamples;
import io.partnerhub.certification.web.Examples;
import io.partnerhub.certification.web.PathIds;
import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;

/**
 * A candidate's attempts (own token only; another candidate's attempt is 404) and the result an external assessment
 * system reports. No answer here carries a correct option or an explanation.
 */
@Path("/assessment-attempts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment attempts", description = "C3/C6 assessments delivered and scored by the service")
@SecurityRequirement(name = "jwt")
public class AttemptResource {

    private final AttemptService service;
    private final CandidateCaller candidate;
    private final Caller caller;
    private final AssessmentProviders providers;

    public AttemptResource(AttemptService service, CandidateCaller candidate, Caller caller, AssessmentProviders providers) {
        this.service = service;
        this.candidate = candidate;
        this.caller = caller;
        this.providers = providers;
    }

    @GET
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "The caller's attempts, newest first", description = "Paged; total in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "A page of attempts",
            headers = @Header(name = "X-Total-Count", description = "the caller's attempts"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AttemptView.class),
                    examples = @ExampleObject(name = "attempts", value = "[" + AssessmentExamples.ATTEMPT + "]")))
    public Response list(@Valid @BeanParam PageRequest paging) {
        String own = candidate.candidateId();
        return paging.respond(service.ofCandidate(own, paging.page(), paging.size()), service.countOfCandidate(own));
    }

    @GET
    @Path("/{attemptId}")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "One of the caller's attempts, with its questions and the answers so far")
    @APIResponse(responseCode = "200", description = "The attempt",
            content = @Content(schema = @Schema(implementation = AttemptView.class),
                    examples = @ExampleObject(name = "attempt", value = AssessmentExamples.ATTEMPT)))
    public AttemptView get(@PathParam("attemptId") String attemptId) {
        return service.get(attemptId(attemptId), candidate.candidateId());
    }

    @PUT
    @Path("/{attemptId}/answers/{number}")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Answer question {number} (from 1)", description = "Replaces the answer; option ids of that question, "
            + "one for a SINGLE question (else 400); [] clears it. Only while in progress and before the deadline.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AnswerBody.class),
            examples = @ExampleObject(name = "answer", value = AssessmentExamples.ANSWER)))
    @APIResponse(responseCode = "200", description = "The attempt with the answer",
            content = @Content(schema = @Schema(implementation = AttemptView.class),
                    examples = @ExampleObject(name = "attempt", value = AssessmentExamples.ATTEMPT)))
    @APIResponse(responseCode = "409", description = "/attempt-closed: scored, delivered elsewhere or past the deadline",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "closed", value = AssessmentExamples.ATTEMPT_CLOSED)))
    public AttemptView answer(@PathParam("attemptId") String attemptId, @PathParam("number") String number,
            @NotNull @Valid AnswerBody body) {
        return service.answer(attemptId(attemptId), candidate.candidateId(), questionNumber(number), body.optionIds());
    }

    @POST
    @Path("/{attemptId}/submission")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Submit the attempt: scored once", description = "Optional answers are stored first (while in time). "
            + "A renewal passed before the holding's expiry extends it by 12 months (certification.renewed.v1); an online "
            + "assessment passed publishes assessment.passed.v1. Submitted again (also at the same time): the same report.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = SubmissionBody.class),
            examples = @ExampleObject(name = "answers", value = AssessmentExamples.SUBMISSION)))
    @APIResponse(responseCode = "200", description = "The score report",
            content = @Content(schema = @Schema(implementation = ScoreReport.class),
                    examples = @ExampleObject(name = "report", value = AssessmentExamples.SCORE_REPORT)))
    public ScoreReport submit(@PathParam("attemptId") String attemptId, @Valid SubmissionBody body) {
        return service.submit(attemptId(attemptId), candidate.candidateId(), body == null ? null : body.answers());
    }

    @GET
    @Path("/{attemptId}/report")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "The score report of a scored attempt", description = "Per skill area STRONG or NEEDS_IMPROVEMENT and "
            + "which answers were wrong; never the correct options. 409 /attempt-not-scored before.")
    @APIResponse(responseCode = "200", description = "The score report",
            content = @Content(schema = @Schema(implementation = ScoreReport.class),
                    examples = @ExampleObject(name = "report", value = AssessmentExamples.SCORE_REPORT)))
    public ScoreReport report(@PathParam("attemptId") String attemptId) {
        return service.report(attemptId(attemptId), candidate.candidateId());
    }

    @POST
    @Path("/{attemptId}/external-result")
    @RolesAllowed(Roles.ASSESSMENT_PROVIDER)
    @Operation(summary = "Report the result of an attempt delivered by the caller's system (assessment-provider)",
            description = "Only for attempts a candidate opened with that system (claim system, one of "
                    + "partnerhub.certification.assessment-providers); any other attempt is 404. Idempotent by (system, resultId).")
    @RequestBody(content = @Content(schema = @Schema(implementation = ExternalResultBody.class),
            examples = @ExampleObject(name = "result", value = AssessmentExamples.EXTERNAL_RESULT)))
    @APIResponse(responseCode = "200", description = "The score report",
            content = @Content(schema = @Schema(implementation = ScoreReport.class),
                    examples = @ExampleObject(name = "report", value = AssessmentExamples.SCORE_REPORT)))
    @APIResponse(responseCode = "409", description = "/attempt-closed: already scored with another result id",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "closed", value = AssessmentExamples.ATTEMPT_CLOSED)))
    public ScoreReport externalResult(@PathParam("attemptId") String attemptId, @NotNull @Valid ExternalResultBody body) {
        UUID id = attemptId(attemptId);
        String system = caller.assessmentSystem(providers.systems())
                .orElseThrow(() -> new ResourceNotFound("assessment attempt", id.toString()));
        return service.reportExternal(id, system, body);
    }

    private static UUID attemptId(String id) {
        return PathIds.uuid(id, "assessment attempt");
    }

    private static int questionNumber(String number) {
        if (number == null || !number.matches("[1-9][0-9]{0,3}")) {
            throw new ResourceNotFound("question", number == null ? "" : number.substring(0, Math.min(number.length(), 8)));
        }
        return Integer.parseInt(number);
    }
}
