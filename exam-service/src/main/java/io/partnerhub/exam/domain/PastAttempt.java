package io.partnerhub.exam.domain;

import java.time.Instant;
import java.util.Objects;

/** An attempt of one exam by one candidate, as the retake policy sees it. */
public record PastAttempt(Instant takenAt, AttemptOutcome outcome) {
    public PastAttempt {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static PastAttempt passed(Instant takenAt) {
        return new PastAttempt(takenAt, AttemptOutcome.PASSED);
    }

    public static PastAttempt failed(Instant takenAt) {
        return new PastAttempt(takenAt, AttemptOutcome.FAILED);
    }

    public static PastAttempt withheld(Instant takenAt) {
        return new PastAttempt(takenAt, AttemptOutcome.WITHHELD);
    }
}
