package io.partnerhub.certification.domain;

import java.time.Instant;

/**
 * C8 what a badge's verification reports now: REVOKED once revoked, EXPIRED once its expiry has been reached (even
 * before the sweep has moved the holding), otherwise ACTIVE. Fundamentals ({@code expiresAt} null) never expire.
 */
public final class BadgeStatus {

    private BadgeStatus() {
    }

    public static HoldingStatus at(HoldingStatus stored, Instant expiresAt, Instant now) {
        if (stored == HoldingStatus.REVOKED) {
            return HoldingStatus.REVOKED;
        }
        if (stored == HoldingStatus.EXPIRED || (expiresAt != null && !now.isBefore(expiresAt))) {
            return HoldingStatus.EXPIRED;
        }
        return HoldingStatus.ACTIVE;
    }
}
