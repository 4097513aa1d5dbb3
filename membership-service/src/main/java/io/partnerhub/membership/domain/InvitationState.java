package io.partnerhub.membership.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * M2 where an invitation stands at an instant: accepted or revoked (by a partner-admin, or superseded by a newer
 * invitation for the same account) for good; otherwise pending until {@link #VALIDITY} after its creation, then expired.
 * Only a pending invitation may be accepted; every invitation but an accepted one may be revoked.
 */
public record InvitationState(Instant createdAt, Instant acceptedAt, Instant revokedAt, boolean superseded) {

    /** An invitation expires 14 days after its creation. */
    public static final Duration VALIDITY = Duration.ofDays(14);

    public enum Status {
        PENDING, ACCEPTED, REVOKED, EXPIRED;

        /** The status a list filter names, any case; {@code IllegalArgumentException} with the allowed values otherwise. */
        public static Status parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status must be one of PENDING, ACCEPTED, REVOKED, EXPIRED");
            }
        }
    }

    public InvitationState {
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Instant expiresAt(Instant createdAt) {
        return createdAt.plus(VALIDITY);
    }

    public Instant expiresAt() {
        return expiresAt(createdAt);
    }

    /** A superseded invitation reads as REVOKED: the newer one revoked it. */
    public Status status(Instant now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null || superseded) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt()) ? Status.PENDING : Status.EXPIRED;
    }

    public boolean acceptable(Instant now) {
        return status(now) == Status.PENDING;
    }

    /** Revoking is refused only once the invitation was accepted; revoking a revoked one changes nothing. */
    public boolean revocable() {
        return acceptedAt == null;
    }
}
