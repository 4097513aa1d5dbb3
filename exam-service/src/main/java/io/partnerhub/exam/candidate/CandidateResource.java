package io.partnerhub.exam.candidate;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;

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

import io.partnerhub.chassis.openapi.ProblemExamples;
import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.security.Caller;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.exam.domain.Eligibility;
import io.partnerhub.exam.exam.ExamService;
import io.partnerhub.exam.result.AttemptRepository;
import io.partnerhub.exam.registration.RegistrationRepository;
import io.partnerhub.exam.registration.RegistrationViews.RegistrationView;
import io.partnerhub.exam.result.ResultViews.AttemptView;
import io.partnerhub.exam.voucher.VoucherService;
import io.partnerhub.exam.voucher.VoucherService.IssueVoucher;
import io.partnerhub.exam.voucher.VoucherService.VoucherView;
import io.partnerhub.exam.web.Examples;
import io.partnerhub.exam.web.Ids;

/**
 * A candidate's exam data: attempts, registrations, E7 eligibility, E4 vouchers. ops see every candidate, an employee only their own;
 * anyone else gets 404, exam providers included: a provider acts on its registrations, it does not browse candidates
 * (an exam-provider token without a valid provider claim gets 403).
 */
@Path("/exam-candidates/{candidateId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Candidates", description = "attempts, eligibility (E7), Exam Replay vouchers (E4)")
@SecurityRequirement(name = "jwt")
public class CandidateResource {

    private final Caller caller;
    private final AttemptRepository attempts;
    private final EligibilityService eligibility;
    private final ExamService exams;
    private final VoucherService vouchers;
    private final RegistrationRepository registrations;
    private final Clock clock;

    public CandidateResource(Caller caller, AttemptRepository attempts, EligibilityService eligibility, ExamService exams,
                             VoucherService vouchers, RegistrationRepository registrations, Clock clock) {
        this.caller = caller;
        this.attempts = attempts;
        this.registrations = registrations;
        this.eligibility = eligibility;
        this.exams = exams;
        this.vouchers = vouchers;
        this.clock = clock;
    }

    public record EligibilityView(boolean eligible, java.time.Instant nextEligibleAt, String reason, int attemptsInWindow,
                                  String candidateId, String examCode) {
    }

    @GET
    @Path("/attempts")
    @RolesAllowed({Roles.OPS, Roles.EXAM_PROVIDER, Roles.EMPLOYEE})
    @Operation(summary = "The candidate's attempts, newest first (ops, employee: own)", description = "Paged (page 0-100000, size 1-100, larger sizes capped at 100; total in X-Total-Count); optional examCode filter. A WITHHELD attempt shows no score or pass/fail. "
            + "Exam providers do not browse candidates: 404.")
    @APIResponse(responseCode = "200", description = "Attempts", headers = @Header(name = "X-Total-Count", description = "number of attempts (of examCode when given)"), content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AttemptView.class), examples = @ExampleObject(name = "attempts", value = Examples.ATTEMPTS)))
    @APIResponse(responseCode = "400", description = "page or size out of range, candidateId over 100 or examCode over 32 characters", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "page out of range", value = ProblemExamples.PAGE_INVALID)))
    @APIResponse(responseCode = "404", description = "Another candidate (employee), any candidate (exam-provider)", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "403", description = "Role may not read attempts; exam-provider token without a valid provider claim", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "forbidden", value = Examples.PROVIDER_CLAIM_MISSING)))
    public Response attempts(@PathParam("candidateId") @Size(max = Ids.CANDIDATE_ID_MAX) String candidateId,
                             @QueryParam("examCode") @Size(max = Ids.EXAM_CODE_MAX) String examCode,
                             @Valid @BeanParam PageRequest paging) {
        caller.requireOwnCandidate(candidateId);
        return paging.respond(attempts.ofCandidate(candidateId, examCode, paging.page(), paging.size())
                .stream().map(AttemptView::of).toList(), attempts.countOfCandidate(candidateId, examCode));
    }

    @GET
    @Path("/registrations")
    @RolesAllowed({Roles.OPS, Roles.EXAM_PROVIDER, Roles.EMPLOYEE})
    @Operation(summary = "The candidate's registrations, latest appointment first (ops, employee: own)",
            description = "Every status (AWAITING_SYSTEM_CHECK, SCHEDULED, CANCELLED, COMPLETED...). Paged (page 0-100000, size 1-100, "
                    + "larger sizes capped at 100); total in X-Total-Count. Exam providers do not browse candidates: 404.")
    @APIResponse(responseCode = "200", description = "Registrations",
            headers = @Header(name = "X-Total-Count", description = "number of registrations of the candidate"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RegistrationView.class),
                    examples = @ExampleObject(name = "registrations", value = "[" + Examples.REGISTRATION + "," + Examples.REGISTRATION_CANCELLED + "]")))
    @APIResponse(responseCode = "400", description = "page or size out of range, candidateId over 100 characters", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "page out of range", value = ProblemExamples.PAGE_INVALID)))
    @APIResponse(responseCode = "404", description = "Another candidate (employee), any candidate (exam-provider)", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "403", description = "Role may not read registrations; exam-provider token without a valid provider claim", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "forbidden", value = Examples.PROVIDER_CLAIM_MISSING)))
    public Response registrations(@PathParam("candidateId") @Size(max = Ids.CANDIDATE_ID_MAX) String candidateId,
                                  @Valid @BeanParam PageRequest paging) {
        caller.requireOwnCandidate(candidateId);
        return paging.respond(registrations.ofCandidate(candidateId, paging.page(), paging.size())
                .stream().map(RegistrationView::of).toList(), registrations.countOfCandidate(candidateId));
    }

    @GET
    @Path("/eligibility")
    @RolesAllowed({Roles.OPS, Roles.EXAM_PROVIDER, Roles.EMPLOYEE})
    @Operation(summary = "E7: may the candidate take the exam now?",
            description = "reason is one of FIRST_FAILURE_WAIT, REPEATED_FAILURE_WAIT, ATTEMPT_LIMIT_REACHED, CERTIFICATION_ACTIVE (null when eligible). "
                    + "nextEligibleAt is now when eligible, null when a never-expiring certification blocks.")
    @APIResponse(responseCode = "200", description = "Eligibility now", content = @Content(schema = @Schema(implementation = EligibilityView.class), examples = {
            @ExampleObject(name = "waiting", value = Examples.ELIGIBILITY_WAIT), @ExampleObject(name = "eligible", value = Examples.ELIGIBILITY_OK)}))
    @APIResponse(responseCode = "400", description = "examCode missing or over 32 characters, candidateId over 100", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "404", description = "Unknown exam; another candidate (employee), any candidate (exam-provider)", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "403", description = "Role may not read eligibility; exam-provider token without a valid provider claim", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "forbidden", value = Examples.PROVIDER_CLAIM_MISSING)))
    public EligibilityView eligibility(@PathParam("candidateId") @Size(max = Ids.CANDIDATE_ID_MAX) String candidateId,
                                       @QueryParam("examCode") @NotBlank @Size(max = Ids.EXAM_CODE_MAX) String examCode) {
        caller.requireOwnCandidate(candidateId);
        exams.require(examCode);
        Eligibility e = eligibility.evaluate(candidateId, examCode, clock.instant());
        return new EligibilityView(e.eligible(), e.nextEligibleAt(), e.reason() == null ? null : e.reason().name(),
                e.attemptsInWindow(), candidateId, examCode);
    }

    @POST
    @Path("/vouchers")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Issue an Exam Replay voucher (ops)", description = "One retake of examCode by this candidate, usable for an appointment on or before expiresOn (UTC); only after a failed attempt; waits still apply.")
    @RequestBody(content = @Content(schema = @Schema(implementation = IssueVoucher.class), examples = @ExampleObject(name = "voucher", value = "{\"examCode\":\"AZ-104\",\"expiresOn\":\"2026-12-31\"}")))
    @APIResponse(responseCode = "201", description = "Issued", content = @Content(schema = @Schema(implementation = VoucherView.class), examples = @ExampleObject(name = "voucher", value = Examples.VOUCHER)))
    @APIResponse(responseCode = "400", description = "Missing fields, expiresOn in the past or after 9999-12-31, candidateId over 100 characters", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "404", description = "Unknown exam", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public Response issueVoucher(@PathParam("candidateId") @Size(max = Ids.CANDIDATE_ID_MAX) String candidateId,
                                 @NotNull @Valid IssueVoucher body) {
        VoucherView voucher = vouchers.issue(candidateId, body);
        return Response.created(URI.create("/exam-candidates/" + candidateId + "/vouchers/" + voucher.id())).entity(voucher).build();
    }

    @GET
    @Path("/vouchers")
    @RolesAllowed({Roles.OPS, Roles.EXAM_PROVIDER, Roles.EMPLOYEE})
    @Operation(summary = "The candidate's vouchers (AVAILABLE, USED, EXPIRED) (ops, employee: own)")
    @APIResponse(responseCode = "200", description = "Vouchers", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = VoucherView.class), examples = @ExampleObject(name = "vouchers", value = "[" + Examples.VOUCHER + "]")))
    @APIResponse(responseCode = "404", description = "Another candidate (employee), any candidate (exam-provider)", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "403", description = "Role may not read vouchers; exam-provider token without a valid provider claim", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "forbidden", value = Examples.PROVIDER_CLAIM_MISSING)))
    public List<VoucherView> vouchers(@PathParam("candidateId") @Size(max = Ids.CANDIDATE_ID_MAX) String candidateId) {
        caller.requireOwnCandidate(candidateId);
        return vouchers.ofCandidate(candidateId);
    }
}
