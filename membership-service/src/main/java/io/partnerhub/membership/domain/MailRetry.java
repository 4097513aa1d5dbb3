package io.partnerhub.membership.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * #23 when a mail that SMTP did not take is tried again: after n failed attempts it waits {@code first × 2^(n-1)},
 * never more than {@code max}; after {@code maxAttempts} failures it is FAILED (shown in the delivery log, tried no
 * more). With the defaults (30 s doubling to 30 min, 60 attempts) a mail waits out a day of SMTP outage.
 */
public record MailRetry(Duration first, Duration max, int maxAttempts) {

    public enum Outcome { RETRYING, FAILED }

    public MailRetry {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry needs 0 < first <= max and at least one attempt");
        }
    }

    /** What becomes of a mail whose attempt number {@code attempts} (1 = the first) just failed. */
    public Outcome afterFailure(int attempts) {
        return attempts >= maxAttempts ? Outcome.FAILED : Outcome.RETRYING;
    }

    /** When to try again after {@code attempts} failures in a row, failed at {@code now}. */
    public Instant nextAttempt(int attempts, Instant now) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 20));
        return now.plus(wait.compareTo(max) <= 0 ? wait : max);
    }
}
