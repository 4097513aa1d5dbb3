package io.partnerhub.exam.candidate;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.exam.domain.CertificationCover;
import io.partnerhub.exam.domain.Eligibility;
import io.partnerhub.exam.domain.PastAttempt;
import io.partnerhub.exam.domain.RetakePolicy;
import io.partnerhub.exam.holding.CertificationHoldingRepository;
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
        return attempts.pastAttempts(candidateId, examCode);
    }

    public Eligibility evaluate(String candidateId, String examCode, Instant at) {
        return policy.evaluate(pastAttempts(candidateId, examCode), covers(candidateId, examCode), at);
    }

    /** The certification holdings earned with the exam, as the retake policy sees them. */
    private List<CertificationCover> covers(String candidateId, String examCode) {
        return holdings.coversEarnedWith(candidateId, examCode);
    }

    /**
     * E3 when a result arrives: the attempt must be eligible at its takenAt and must not put any attempt taken after it
     * in breach ({@link RetakePolicy#admit}); every recorded attempt of the candidate and exam counts, whatever order the
     * results arrived in. The caller holds the candidate+exam lock. 409 /retake-not-allowed otherwise, with
     * {@code laterAttemptTakenAt} when a later attempt is what would be breached.
     */
    public void requireAdmissible(String candidateId, String examCode, PastAttempt attempt) {
        requireAdmissible(candidateId, examCode, attempt, pastAttempts(candidateId, examCode), covers(candidateId, examCode));
    }

    /**
     * {@link #requireAdmissible(String, String, PastAttempt)} with the candidate's recorded attempts of the exam and the
     * holdings earned with it already read under the lock (a result reads them with the registration, in one round trip).
     */
    public void requireAdmissible(String candidateId, String examCode, PastAttempt attempt, List<PastAttempt> recorded,
                                  List<CertificationCover> covers) {
        RetakePolicy.Admission admission = policy.admit(recorded, covers, attempt);
        if (admission.admitted()) {
            return;
        }
        Eligibility eligibility = admission.eligibility();
        if (admission.laterAttemptTakenAt() == null) {
            throw retakeNotAllowed(candidateId, examCode, attempt.takenAt(), eligibility);
        }
        throw new DomainException(409, "retake-not-allowed", "Retake not allowed",
                "A " + attempt.outcome().name().toLowerCase(java.util.Locale.ROOT) + " attempt of " + examCode + " taken at "
                        + attempt.takenAt() + " would put candidate " + candidateId + "'s attempt taken at "
                        + admission.laterAttemptTakenAt() + " in breach of " + eligibility.reason())
                .with("nextEligibleAt", null)
                .with("reason", eligibility.reason().name())
                .with("attemptsInWindow", eligibility.attemptsInWindow())
                .with("laterAttemptTakenAt", admission.laterAttemptTakenAt().toString());
    }

    /** Throws 409 /retake-not-allowed (with nextEligibleAt, reason, attemptsInWindow) when the exam may not be taken at {@code at}. */
    public void requireEligible(String candidateId, String examCode, Instant at) {
        Eligibility eligibility = evaluate(candidateId, examCode, at);
        if (!eligibility.eligible()) {
            throw retakeNotAllowed(candidateId, examCode, at, eligibility);
        }
    }

    private static DomainException retakeNotAllowed(String candidateId, String examCode, Instant at, Eligibility eligibility) {
        return new DomainException(409, "retake-not-allowed", "Retake not allowed",
                "Candidate " + candidateId + " may not take " + examCode + " at " + at + ": " + eligibility.reason()
                        + (eligibility.nextEligibleAt() == null ? "" : "; next eligible at " + eligibility.nextEligibleAt()))
                .with("nextEligibleAt", eligibility.nextEligibleAt() == null ? null : eligibility.nextEligibleAt().toString())
                .with("reason", eligibility.reason().name())
                .with("attemptsInWindow", eligibility.attemptsInWindow());
    }
}
