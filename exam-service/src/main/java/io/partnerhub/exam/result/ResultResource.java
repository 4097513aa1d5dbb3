package io.partnerhub.exam.result;

import java.net.URI;
import java.util.Optional;

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

import io.partnerhub.chassis.persistence.Constraints;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.security.Roles;
import io.partnerhub.exam.result.ResultViews.PostResult;
import io.partnerhub.exam.result.ResultViews.Recorded;
import io.partnerhub.exam.result.ResultViews.ResultView;
import io.partnerhub.exam.web.Examples;

@Path("/exam-results")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Results", description = "E5 results from exam providers, E6 beta withholding")
@SecurityRequirement(name = "jwt")
public class ResultResource {

    private final ResultService service;

    public ResultResource(ResultService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.OPS, Roles.EXAM_PROVIDER})
    @Operation(summary = "Record a provider's result (the registration's exam-provider, ops)",
            description = "Pass = score >= the exam's passing score; publishes exam.passed.v1 or exam.failed.v1. A beta exam's result "
                    + "is WITHHELD (no event) until liveOn + the release delay. The idempotency key is (provider, providerResultId), "
                    + "the provider being the registration's: the same key for the same registration again answers 200 with the "
                    + "stored body and changes nothing; the same key for another registration is 409 /provider-result-conflict. "
                    + "The retake policy is checked against every recorded attempt of the candidate and exam, taken before or after takenAt.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PostResult.class), examples = @ExampleObject(name = "result", value = Examples.POST_RESULT)))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ResultView.class), examples = {
            @ExampleObject(name = "scored", value = Examples.RESULT), @ExampleObject(name = "withheld (beta)", value = Examples.RESULT_WITHHELD)}))
    @APIResponse(responseCode = "200", description = "This (provider, providerResultId) was already recorded for this registration: the stored result, nothing changed",
            content = @Content(schema = @Schema(implementation = ResultView.class), examples = @ExampleObject(name = "scored", value = Examples.RESULT)))
    @APIResponse(responseCode = "400", description = "Missing fields, score outside 1-1000, takenAt in the future or outside years 1900-9999", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "404", description = "Unknown registration, or another provider's (exam-provider)", content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "/registration-cancelled, /registration-not-confirmed (online check never passed), /registration-completed (another result), "
            + "/provider-result-conflict (this provider's result id was recorded for another registration), "
            + "/retake-not-allowed (taken in breach of E3, or it would put an attempt taken later in breach: laterAttemptTakenAt)",
            content = @Content(mediaType = Examples.PROBLEM, examples = {
                    @ExampleObject(name = "cancelled", value = Examples.REGISTRATION_CANCELLED_PROBLEM),
                    @ExampleObject(name = "provider result conflict", value = Examples.PROVIDER_RESULT_CONFLICT),
                    @ExampleObject(name = "later attempt in breach", value = Examples.RETAKE_NOT_ALLOWED_LATER)}))
    @APIResponse(responseCode = "403", description = "Not exam-provider or ops; exam-provider token without a valid provider claim",
            content = @Content(mediaType = Examples.PROBLEM, examples = @ExampleObject(name = "no provider claim", value = Examples.PROVIDER_CLAIM_MISSING)))
    public Response post(@NotNull @Valid PostResult body) {
        Recorded recorded;
        try {
            recorded = service.record(body);
        } catch (DomainException e) {
            // a concurrent duplicate that committed mid-way can make a rule say no (registration completed,
            // its attempt now counting for the retake policy): the same key still answers 200
            Optional<Recorded> winner = e.status() == 409 ? service.findRecorded(body) : Optional.empty();
            if (winner.isEmpty()) {
                throw e;
            }
            recorded = winner.get();
        } catch (RuntimeException e) {
            if (!isConcurrentWrite(e)) {
                throw e;
            }
            // a concurrent request recorded the same provider result (or another result for the registration) first
            recorded = service.findRecorded(body).orElseThrow(() -> new Conflict("registration-completed",
                    "Registration completed",
                    "Registration " + body.registrationId() + " already has a result with another providerResultId."));
        }
        if (recorded.created()) {
            return Response.created(URI.create("/exam-candidates/" + recorded.result().candidateId() + "/attempts"))
                    .entity(recorded.result()).build();
        }
        return Response.ok(recorded.result()).build();
    }

    /** A concurrent request won: a unique key it took first (Hibernate's constraint kind) or an optimistic lock. */
    static boolean isConcurrentWrite(Throwable e) {
        return Constraints.isUniqueViolation(e) || Constraints.isLostOptimisticLock(e);
    }
}
