package io.partnerhub.exam.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A certification holding earned with the exam in question, as known from certification events.
 * {@code expiresAt == null} means it never expires.
 */
public record CertificationCover(String holdingId, boolean revokedOrExpired, Instant expiresAt) {
    public CertificationCover {
        Objects.requireNonNull(holdingId, "holdingId");
    }

    public static CertificationCover active(String holdingId, Instant expiresAt) {
        return new CertificationCover(holdingId, false, expiresAt);
    }

    public static CertificationCover ended(String holdingId) {
        return new CertificationCover(holdingId, true, null);
    }

    /** Active at {@code at}: not expired/revoked by event, and its expiry (if any) is after {@code at}. */
    public boolean isActiveAt(Instant at) {
        return !revokedOrExpired && (expiresAt == null || expiresAt.isAfter(at));
    }
}
