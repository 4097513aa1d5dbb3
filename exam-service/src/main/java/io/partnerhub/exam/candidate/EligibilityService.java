package io.partnerhub.exam.candidate;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.exam.domain.CertificationCover;
import io.partnerhub.exam.domain.Eligibility;
import io.partnerhub.exam.domain.PastAttempt;
import io.partnerhub.exam.domain.RetakePolicy;
import io.partnerhub.exam.holding.CertificationHolding;
import io.partnerhub.exam.holding.CertificationHoldingRepository;
import io.partnerhub.exam.result.Attempt;
import io.partnerhub.exam.result.AttemptRepository;

/** Loads what the E3 retake policy needs and applies it. */
@ApplicationScoped
public class EligibilityService {

    private final AttemptRepository attempts;
    private final CertificationHoldingRepository holdings;
    private final RetakePolicy policy = RetakePolicy.standard();

    public EligibilityService(AttemptRepository attempts, CertificationHoldingRepository holdings) {
        this.attempts = attempts;
        this.holdings = holdings;
    }

    public List<PastAttempt> pastAttempts(String candidateId, String examCode) {
        return attempts.ofCandidateAndExam(candidateId, examCode).stream().map(Attempt::asPastAttempt).toList();
    }

    public Eligibility evaluate(String candidateId, String examCode, Instant at) {
        List<CertificationCover> covers = holdings.earnedWith(candidateId, examCode).stream()
                .map(CertificationHolding::cover).toList();
        return policy.evaluate(pastAttempts(candidateId, examCode), covers, at);
    }

    /** Throws 409 /retake-not-allowed (with nextEligibleAt, reason, attemptsInWindow) when the exam may not be taken at {@code at}. */
    public void requireEligible(String candidateId, String examCode, Instant at) {
        Eligibility eligibility = evaluate(candidateId, examCode, at);
        if (!eligibility.eligible()) {
            throw new DomainException(409, "retake-not-allowed", "Retake not allowed",
                    "Candidate " + candidateId + " may not take " + examCode + " at " + at + ": " + eligibility.reason()
                            + (eligibility.nextEligibleAt() == null ? "" : "; next eligible at " + eligibility.nextEligibleAt()))
                    .with("nextEligibleAt", eligibility.nextEligibleAt() == null ? null : eligibility.nextEligibleAt().toString())
                    .with("reason", eligibility.reason().name())
                    .with("attemptsInWindow", eligibility.attemptsInWindow());
        }
    }
}
