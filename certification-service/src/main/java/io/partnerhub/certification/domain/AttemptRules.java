package io.partnerhub.certification.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock rules of a delivered attempt (C3, C6): its deadline is its start plus the blueprint's time limit; answers
 * are taken before the deadline only; an attempt past its deadline counts as submitted at the deadline (the sweep scores
 * it, unanswered questions wrong); the candidate is warned when the deadline lies after the holding's expiry; and a
 * renewal attempt renews only when it is submitted before the holding's expiry, the holding still ACTIVE and its
 * certification not retired.
 */
public final class AttemptRules {

    private AttemptRules() {
    }

    public static Instant deadline(Instant startedAt, int timeLimitMinutes) {
        return startedAt.plus(Duration.ofMinutes(timeLimitMinutes));
    }

    public static boolean acceptsAnswers(Instant deadline, Instant now) {
        return now.isBefore(deadline);
    }

    /** When an attempt counts as submitted: now, or its deadline when that has passed (null deadline: no time limit). */
    public static Instant submittedAt(Instant deadline, Instant now) {
        return deadline != null && deadline.isBefore(now) ? deadline : now;
    }

    /** The portal warns when the time limit would run past the holding's expiry (null expiry: never). */
    public static boolean deadlineCrossesExpiry(Instant deadline, Instant expiresAt) {
        return deadline != null && expiresAt != null && deadline.isAfter(expiresAt);
    }

    /** Whether a passed renewal assessment submitted at {@code submittedAt} extends the holding. */
    public static boolean renews(HoldingStatus status, Instant expiresAt, boolean certificationRetired, Instant submittedAt) {
        return status == HoldingStatus.ACTIVE && expiresAt != null && submittedAt.isBefore(expiresAt) && !certificationRetired;
    }
}
