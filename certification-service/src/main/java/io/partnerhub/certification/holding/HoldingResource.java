package io.partnerhub.certification.holding;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import io.partnerhub.certification.holding.HoldingService.HoldingAccess;
import io.partnerhub.certification.holding.HoldingViews.HoldingView;
import io.partnerhub.certification.holding.HoldingViews.RenewalAttemptBody;
import io.partnerhub.certification.holding.HoldingViews.RenewalAttemptView;
import io.partnerhub.certification.holding.HoldingViews.RevocationBody;
import io.partnerhub.certification.web.AssessmentExamples;
import io.partnerhub.certification.web.Examples;
import io.partnerhub.certification.web.PathIds;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;

@Path("/certification-holdings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Certification holdings", description = "C2 earned holdings, C3 renewal, C9 revocation")
@SecurityRequirement(name = "jwt")
public class HoldingResource {

    private final HoldingService service;
    private final Caller caller;
    public HoldingResource(HoldingService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    /**
     * ops, or the holding's own candidate (employee, claim candidate): the only ones who read or renew a holding. An
     * exam-provider acts on its own registrations in exam-service and reads no holding (DESIGN.md §6): 404.
     */
    private HoldingAccess opsOrHolder() {
        return holding -> caller.isOps() || own(holding.candidateId);
    }

    private boolean own(String candidateId) {
        Optional<String> own = caller.candidateId();
        return caller.hasRole(Roles.EMPLOYEE) && own.filter(id -> Objects.equals(id, candidateId)).isPresent();
    }

    @GET
    @RolesAllowed({ Roles.OPS, Roles.EMPLOYEE, Roles.EXAM_PROVIDER })
    @Operation(summary = "A candidate's holdings, oldest first (active and history)",
            description = "Ops read any candidate; an employee only their own (claim candidate): another candidate answers "
                    + "404, and so does any candidate to an exam provider. badgeSalt is the salt of the badge's hashed "
                    + "recipient identity (for the holder to hand to a verifier with their candidate id). Paged: page 0-" + Examples.MAX_PAGE + ", size 1-100 (capped); total in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "The holdings",
            headers = @Header(name = "X-Total-Count", description = "number of holdings of the candidate"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = HoldingView.class),
                    examples = @ExampleObject(name = "holdings", value = "[" + Examples.HOLDING + "]")))
    @APIResponse(responseCode = "400", description = "candidateId missing or too long, page or size out of range; a control character in a parameter (invalid-character)",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "404", description = "Another candidate's holdings (employee), any candidate's (exam-provider)",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.CANDIDATE_NOT_FOUND)))
    public Response list(@QueryParam("candidateId") @NotBlank @Size(max = 100) String candidateId,
            @Valid @BeanParam PageRequest paging) {
        caller.requireCandidate(candidateId);
        return paging.respond(service.ofCandidate(candidateId, paging.page(), paging.size()),
                service.countOfCandidate(candidateId));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPS, Roles.EMPLOYEE, Roles.EXAM_PROVIDER })
    @Operation(summary = "One holding", description = "Ops, or the holding's own candidate (employee); any other caller, "
            + "exam providers included, gets 404. badgeSalt as in the list.")
    @APIResponse(responseCode = "200", description = "The holding",
            content = @Content(schema = @Schema(implementation = HoldingView.class),
                    examples = @ExampleObject(name = "holding", value = Examples.HOLDING)))
    @APIResponse(responseCode = "404", description = "No such holding, or not yours (exam-provider: any)",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.HOLDING_NOT_FOUND)))
    public HoldingView get(@PathParam("id") String id) {
        return service.get(holdingId(id), opsOrHolder());
    }

    @POST
    @Path("/{id}/renewal-attempts")
    @RolesAllowed({ Roles.OPS, Roles.EMPLOYEE })
    @Operation(summary = "Support override: record a renewal attempt by hand (ops, with a reason)",
            description = "C3: a holder renews by passing the renewal assessment (POST /certification-holdings/{id}/renewal-assessments); "
                    + "a holder calling this gets 403 pointing there. Ops record an attempt with a required reason (logged "
                    + "and stored): the window opens 180 days before expiry and closes at expiry; after the second attempt in "
                    + "a window each attempt waits 24 hours after the previous one. A pass extends the expiry by 12 months "
                    + "from the current expiry and publishes certification.renewed.v1.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RenewalAttemptBody.class),
            examples = @ExampleObject(name = "passed", value = "{\"passed\":true,\"reason\":\"LMS outage, result checked by support (ticket 4711)\"}")))
    @APIResponse(responseCode = "201", description = "Recorded; expiresAt is the expiry after the attempt",
            content = @Content(schema = @Schema(implementation = RenewalAttemptView.class),
                    examples = @ExampleObject(name = "renewed", value = Examples.RENEWAL_ATTEMPT)))
    @APIResponse(responseCode = "409", description = "Refused: /renewal-window-closed (renewalOpensAt), /renewal-wait "
            + "(nextAttemptAt), /holding-not-active (expired or revoked), /certification-retired, /renewal-not-needed (fundamentals)",
            content = @Content(mediaType = Examples.PROBLEM, examples = {
                    @ExampleObject(name = "window closed", value = Examples.RENEWAL_WINDOW_CLOSED),
                    @ExampleObject(name = "wait", value = Examples.RENEWAL_WAIT) }))
    @APIResponse(responseCode = "400", description = "passed or reason missing",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "403", description = "The holder (renewal is by assessment: detail and renewalAssessments point there), or a role that may not renew",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "take the assessment", value = AssessmentExamples.RENEW_BY_ASSESSMENT)))
    public Response renew(@PathParam("id") String id, @NotNull @Valid RenewalAttemptBody body) {
        UUID holdingId = holdingId(id);
        if (!caller.isOps()) {
            service.get(holdingId, opsOrHolder()); // another candidate's holding stays 404
            String assessments = "/certification-holdings/" + holdingId + "/renewal-assessments";
            throw new DomainException(403, "forbidden", "Forbidden", "A renewal is earned by passing the renewal assessment: POST "
                    + assessments + ".").with("renewalAssessments", assessments);
        }
        if (body.reason() == null || body.reason().isBlank()) {
            throw new InvalidRequest("A support override needs a reason").with("field", "reason");
        }
        RenewalAttemptView attempt = service.renew(holdingId, body.passed(), body.reason().strip(), opsOrHolder());
        return Response.created(URI.create("/certification-holdings/" + holdingId)).entity(attempt).build();
    }

    @POST
    @Path("/{id}/revocation")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Revoke an active holding with a reason (ops)", description = "C9: publishes certification.revoked.v1.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RevocationBody.class),
            examples = @ExampleObject(name = "revocation", value = "{\"reason\":\"exam misconduct\"}")))
    @APIResponse(responseCode = "200", description = "The revoked holding",
            content = @Content(schema = @Schema(implementation = HoldingView.class),
                    examples = @ExampleObject(name = "revoked", value = Examples.REVOKED_HOLDING)))
    @APIResponse(responseCode = "409", description = "Not active (already expired or revoked)",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not active", value = Examples.HOLDING_NOT_ACTIVE)))
    @APIResponse(responseCode = "400", description = "reason missing or longer than 500 characters",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    public HoldingView revoke(@PathParam("id") String id, @NotNull @Valid RevocationBody body) {
        return service.revoke(holdingId(id), body.reason());
    }

    private static UUID holdingId(String id) {
        return PathIds.uuid(id, "certification holding");
    }
}
