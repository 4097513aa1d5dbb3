package io.partnerhub.certification.transcript;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.partnerhub.certification.transcript.TranscriptViews.TranscriptView;
import io.partnerhub.certification.holding.HoldingService.Audience;
import io.partnerhub.certification.web.Examples;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;

@Path("/transcripts/{candidateId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transcripts", description = "C7 a candidate's transcript")
@SecurityRequirement(name = "jwt")
public class TranscriptResource {

    private final TranscriptService service;
    private final Caller caller;

    public TranscriptResource(TranscriptService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.OPS, Roles.EMPLOYEE, Roles.EXAM_PROVIDER })
    @Operation(summary = "A candidate's transcript: active certifications, history (expired, revoked), passed exams and "
            + "passed assessments, each oldest first",
            description = "Ops read any candidate; an employee reads only their own (the candidate claim of the token). "
                    + "Any other candidate answers 404, and so does every candidate to an exam provider (it acts on its "
                    + "own registrations only). Holdings carry badgeSalt (the salt of the badge's hashed recipient identity).")
    @APIResponse(responseCode = "200", description = "The transcript",
            content = @Content(schema = @Schema(implementation = TranscriptView.class),
                    examples = @ExampleObject(name = "transcript", value = Examples.TRANSCRIPT)))
    @APIResponse(responseCode = "404", description = "Not your transcript (exam-provider: any)",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = """
                    {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
                     "detail":"No candidate with id c-100043","resource":"candidate","id":"c-100043"}""")))
    public TranscriptView get(@PathParam("candidateId") @Size(max = 100) String candidateId) {
        caller.requireCandidate(candidateId);
        return service.transcript(candidateId, Audience.HOLDER_OR_OPS);
    }
}
