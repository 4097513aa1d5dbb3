package io.partnerhub.exam.result;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerhub.exam.domain.AttemptOutcome;
import io.partnerhub.exam.domain.ExamProvider;
import io.partnerhub.exam.registration.Registration;

/** E5: an exam attempt, recorded from the provider's result. */
@Entity
@Table(name = "exam_attempt")
public class Attempt {

    @Id
    public UUID id;

    /** The registration's provider; with providerResultId the idempotency key (unique together, E5). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExamProvider provider;

    @Column(name = "provider_result_id", nullable = false)
    public String providerResultId;

    @Column(name = "registration_id", nullable = false, unique = true)
    public UUID registrationId;

    @Column(name = "candidate_id", nullable = false)
    public String candidateId;

    @Column(name = "exam_code", nullable = false)
    public String examCode;

    @Column(nullable = false)
    public int score;

    @Column(name = "taken_at", nullable = false)
    public Instant takenAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttemptStatus status;

    /** null while WITHHELD */
    @Column
    public Boolean passed;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Version
    public long version;

    /** A result scored at once: released when recorded. */
    public static Attempt scored(Registration registration, String providerResultId, int score, Instant takenAt,
                                 boolean passed, Instant now) {
        Attempt attempt = recorded(registration, providerResultId, score, takenAt, now);
        attempt.release(passed, now);
        return attempt;
    }

    /** E6: a beta exam's result, pass/fail undecided until its release. */
    public static Attempt withheld(Registration registration, String providerResultId, int score, Instant takenAt, Instant now) {
        Attempt attempt = recorded(registration, providerResultId, score, takenAt, now);
        attempt.status = AttemptStatus.WITHHELD;
        return attempt;
    }

    private static Attempt recorded(Registration registration, String providerResultId, int score, Instant takenAt, Instant now) {
        Attempt attempt = new Attempt();
        attempt.id = UUID.randomUUID();
        attempt.registrationId = registration.id;
        attempt.candidateId = registration.candidateId;
        attempt.examCode = registration.examCode;
        attempt.provider = registration.provider;
        attempt.providerResultId = providerResultId;
        attempt.score = score;
        attempt.takenAt = takenAt;
        attempt.recordedAt = now;
        return attempt;
    }

    /** E6: the score is released; pass/fail is decided now against the exam's passing score. */
    public void release(boolean passed, Instant now) {
        this.status = AttemptStatus.SCORED;
        this.passed = passed;
        this.releasedAt = now;
    }

    /** The outcome the retake policy sees ({@link AttemptRepository#pastAttempts}). */
    static AttemptOutcome outcome(AttemptStatus status, Boolean passed) {
        return status == AttemptStatus.WITHHELD ? AttemptOutcome.WITHHELD
                : Boolean.TRUE.equals(passed) ? AttemptOutcome.PASSED : AttemptOutcome.FAILED;
    }
}
