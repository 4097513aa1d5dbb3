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
import io.partnerhub.exam.domain.PastAttempt;

/** E5: an exam attempt, recorded from the provider's result. */
@Entity
@Table(name = "exam_attempt")
public class Attempt {

    @Id
    private UUID id;

    /** The registration's provider; with providerResultId the idempotency key (unique together, E5). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExamProvider provider;

    @Column(name = "provider_result_id", nullable = false)
    private String providerResultId;

    @Column(name = "registration_id", nullable = false, unique = true)
    private UUID registrationId;

    @Column(name = "candidate_id", nullable = false)
    private String candidateId;

    @Column(name = "exam_code", nullable = false)
    private String examCode;

    @Column(nullable = false)
    private int score;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttemptStatus status;

    /** null while WITHHELD */
    @Column
    private Boolean passed;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Version
    private long version;

    protected Attempt() {
    }

    private Attempt(ExamProvider provider, String providerResultId, UUID registrationId, String candidateId, String examCode, int score,
                    Instant takenAt, AttemptStatus status, Boolean passed, Instant now) {
        this.id = UUID.randomUUID();
        this.provider = provider;
        this.providerResultId = providerResultId;
        this.registrationId = registrationId;
        this.candidateId = candidateId;
        this.examCode = examCode;
        this.score = score;
        this.takenAt = takenAt;
        this.status = status;
        this.passed = passed;
        this.recordedAt = now;
        this.releasedAt = status == AttemptStatus.SCORED ? now : null;
    }

    public static Attempt scored(ExamProvider provider, String providerResultId, UUID registrationId, String candidateId,
                                 String examCode, int score, Instant takenAt, boolean passed, Instant now) {
        return new Attempt(provider, providerResultId, registrationId, candidateId, examCode, score, takenAt, AttemptStatus.SCORED, passed, now);
    }

    public static Attempt withheld(ExamProvider provider, String providerResultId, UUID registrationId, String candidateId,
                                   String examCode, int score, Instant takenAt, Instant now) {
        return new Attempt(provider, providerResultId, registrationId, candidateId, examCode, score, takenAt, AttemptStatus.WITHHELD, null, now);
    }

    /** E6: the score is released; pass/fail is decided now against the exam's passing score. */
    public void release(boolean passed, Instant now) {
        this.status = AttemptStatus.SCORED;
        this.passed = passed;
        this.releasedAt = now;
    }

    public PastAttempt asPastAttempt() {
        AttemptOutcome outcome = status == AttemptStatus.WITHHELD ? AttemptOutcome.WITHHELD
                : Boolean.TRUE.equals(passed) ? AttemptOutcome.PASSED : AttemptOutcome.FAILED;
        return new PastAttempt(takenAt, outcome);
    }

    public UUID id() {
        return id;
    }

    public ExamProvider provider() {
        return provider;
    }

    public String providerResultId() {
        return providerResultId;
    }

    public UUID registrationId() {
        return registrationId;
    }

    public String candidateId() {
        return candidateId;
    }

    public String examCode() {
        return examCode;
    }

    public int score() {
        return score;
    }

    public Instant takenAt() {
        return takenAt;
    }

    public AttemptStatus status() {
        return status;
    }

    public Boolean passed() {
        return passed;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public Instant releasedAt() {
        return releasedAt;
    }
}
