package io.partnerhub.certification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * C3 renewal: the free online renewal assessment opens 180 days before expiry and closes at expiry; attempts are
 * unlimited, but once two attempts have been made in the current window each further attempt waits 24 hours after
 * the previous one; a pass extends the expiry by 12 months from the current expiry (not from today). No renewal for
 * an expired or revoked holding, for one that never expires (fundamentals), or for a retired certification.
 */
public final class RenewalPolicy {

    public static final Duration WINDOW = Duration.ofDays(180);
    public static final Duration WAIT = Duration.ofHours(24);
    public static final int ATTEMPTS_BEFORE_WAIT = 2;

    private RenewalPolicy() {
    }

    /** The decision for an attempt at {@code now}: allowed, or the refusal and (when useful) when it becomes possible. */
    public record Decision(RenewalRefusal refusal, Instant possibleAt) {

        static final Decision ALLOWED = new Decision(null, null);

        public boolean allowed() {
            return refusal == null;
        }
    }

    /** When the window opens for a holding expiring at {@code expiresAt} (null: never expires, no window). */
    public static Instant opensAt(Instant expiresAt) {
        return expiresAt == null ? null : expiresAt.minus(WINDOW);
    }

    /**
     * @param previousAttempts instants of the holding's earlier attempts (any window; only the current one counts)
     */
    public static Decision decide(HoldingStatus status, Instant expiresAt, boolean certificationRetired,
            Collection<Instant> previousAttempts, Instant now) {
        if (status != HoldingStatus.ACTIVE) {
            return new Decision(RenewalRefusal.HOLDING_NOT_ACTIVE, null);
        }
        if (expiresAt == null) {
            return new Decision(RenewalRefusal.NEVER_EXPIRES, null);
        }
        if (!now.isBefore(expiresAt)) {
            return new Decision(RenewalRefusal.HOLDING_EXPIRED, null);
        }
        if (certificationRetired) {
            return new Decision(RenewalRefusal.CERTIFICATION_RETIRED, null);
        }
        Instant opensAt = opensAt(expiresAt);
        if (now.isBefore(opensAt)) {
            return new Decision(RenewalRefusal.WINDOW_NOT_OPEN, opensAt);
        }
        List<Instant> inWindow = previousAttempts.stream().filter(at -> !at.isBefore(opensAt))
                .sorted(Comparator.reverseOrder()).toList();
        if (inWindow.size() >= ATTEMPTS_BEFORE_WAIT) {
            Instant nextAttemptAt = inWindow.get(0).plus(WAIT);
            if (now.isBefore(nextAttemptAt)) {
                return new Decision(RenewalRefusal.WAIT, nextAttemptAt);
            }
        }
        return Decision.ALLOWED;
    }

    /** The expiry after a passed renewal: 12 months from the current expiry. */
    public static Instant renewedExpiry(Instant currentExpiry) {
        return Expiry.plusValidity(currentExpiry);
    }
}
