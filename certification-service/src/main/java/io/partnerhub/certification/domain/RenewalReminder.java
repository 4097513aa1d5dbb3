package io.partnerhub.certification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * #23 when a holder is reminded of a renewal: when the renewal window opens ({@link RenewalPolicy#WINDOW} before
 * expiry), 30 days and 7 days before expiry. Only the most urgent stage reached is told (a clock that jumps from
 * before the window to 5 days before expiry tells "7 days", not all three); the earlier stages count as told.
 */
public final class RenewalReminder {

    public enum Stage {
        WINDOW_OPENED(RenewalPolicy.WINDOW), DAYS_30(Duration.ofDays(30)), DAYS_7(Duration.ofDays(7));

        private final Duration before;

        Stage(Duration before) {
            this.before = before;
        }

        public Duration before() {
            return before;
        }

        /** This stage and the ones before it (which it makes pointless). */
        public List<Stage> andEarlier() {
            return Arrays.stream(values()).filter(s -> s.ordinal() <= ordinal()).toList();
        }
    }

    private RenewalReminder() {
    }

    /** The most urgent stage reached at {@code now} for a holding expiring at {@code expiresAt}; empty outside the window. */
    public static Optional<Stage> due(Instant expiresAt, Instant now) {
        if (expiresAt == null || !now.isBefore(expiresAt)) {
            return Optional.empty();
        }
        Stage reached = null;
        for (Stage stage : Stage.values()) {
            if (!now.isBefore(expiresAt.minus(stage.before()))) {
                reached = stage;
            }
        }
        return Optional.ofNullable(reached);
    }

    /** Whole days left, rounded up (1 second before expiry is 1 day). */
    public static int daysLeft(Instant expiresAt, Instant now) {
        long seconds = Duration.between(now, expiresAt).getSeconds();
        return (int) Math.max(0, (seconds + 86_399) / 86_400);
    }
}
