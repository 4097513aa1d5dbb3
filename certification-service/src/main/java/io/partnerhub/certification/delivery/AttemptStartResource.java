package io.partnerhub.certification.delivery;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

import io.partnerhub.certification.delivery.AttemptViews.AttemptView;
import io.partnerhub.certification.delivery.AttemptViews.StartAttempt;
import io.partnerhub.certification.web.AssessmentExamples;
import io.partnerhub.certification.web.Examples;
import io.partnerhub.chassis.security.Roles;

/**
 * Starting an attempt (the candidate, own token): the same endpoint for a holding's renewal assessment and an online
 * assessment; a subclass gives the path and starts the right kind.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public abstract class AttemptStartResource {

    protected final AttemptService service;
    private final CandidateCaller candidate;

    protected AttemptStartResource(AttemptService service, CandidateCaller candidate) {
        this.service = service;
        this.candidate = candidate;
    }

    protected abstract AttemptView start(String id, String candidateId, String deliveredBy);

    @POST
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Start an attempt (the candidate)", description = "Draws the questions by the blueprint at random from "
            + "the active questions of the bank and answers them without their answers; the deadline is the start plus the "
            + "time limit (warning: it runs past the holding's expiry). With {\"deliveredBy\": system} the attempt is taken "
            + "in that external system (status EXTERNAL, no questions here) and that system reports the result.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = StartAttempt.class),
            examples = @ExampleObject(name = "external", value = AssessmentExamples.START_EXTERNAL)))
    @APIResponse(responseCode = "201", description = "Started",
            content = @Content(schema = @Schema(implementation = AttemptView.class),
                    examples = @ExampleObject(name = "attempt", value = AssessmentExamples.ATTEMPT)))
    @APIResponse(responseCode = "409", description = "/attempt-open (attemptId), /no-blueprint, /bank-too-small; renewal: "
            + "/renewal-window-closed, /renewal-wait, /holding-not-active, /certification-retired, /renewal-not-needed",
            content = @Content(mediaType = Examples.PROBLEM, examples = {
                    @ExampleObject(name = "attempt open", value = AssessmentExamples.ATTEMPT_OPEN),
                    @ExampleObject(name = "no blueprint", value = AssessmentExamples.NO_BLUEPRINT),
                    @ExampleObject(name = "window closed", value = Examples.RENEWAL_WINDOW_CLOSED),
                    @ExampleObject(name = "wait", value = Examples.RENEWAL_WAIT) }))
    public Response start(@PathParam("id") String id, @Valid StartAttempt body) {
        AttemptView attempt = start(id, candidate.candidateId(), body == null ? null : body.deliveredBy());
        return Response.created(URI.create("/assessment-attempts/" + attempt.id())).entity(attempt).build();
    }
}
