package io.partnerhub.membership.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again (plain Java): after the n-th failed attempt wait {@code initial × 2^(n-1)},
 * at most {@code max}; a retry that would fall after {@code firstAttempt + period} is not made: the delivery has failed.
 * With the defaults (5 s, 1 h, 24 h): 5 s, 10 s, 20 s … 1 h, 1 h … for a day, about 35 attempts.
 */
public record RetrySchedule(Duration initial, Duration max, Duration period) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || period.isNegative()) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max and period >= 0");
        }
    }

    /** The wait after {@code failedAttempts} failures (1 = after the first). */
    public Duration delayAfter(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 40));
        Duration delay = initial;
        for (int i = 0; i < doublings && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** The next attempt after {@code failedAttempts} failures, the last at {@code now}; empty once the period is over. */
    public Optional<Instant> nextAttempt(Instant firstAttempt, Instant now, int failedAttempts) {
        Instant next = now.plus(delayAfter(failedAttempts));
        return next.isAfter(firstAttempt.plus(period)) ? Optional.empty() : Optional.of(next);
    }
}
