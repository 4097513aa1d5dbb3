package io.partnerhub.certification.domain;

import java.time.Instant;
import java.time.ZoneOffset;

/** C2: fundamentals never expire; every other level expires 12 calendar months (UTC) after earning. */
public final class Expiry {

    public static final int VALIDITY_MONTHS = 12;

    private Expiry() {
    }

    /** The expiry of a holding earned at {@code earnedAt}; null = never. */
    public static Instant expiresAt(CertificationLevel level, Instant earnedAt) {
        if (level == CertificationLevel.FUNDAMENTALS) {
            return null;
        }
        return plusValidity(earnedAt);
    }

    /** {@code from} + 12 calendar months in UTC (a renewal extends from the current expiry). */
    public static Instant plusValidity(Instant from) {
        return from.atZone(ZoneOffset.UTC).plusMonths(VALIDITY_MONTHS).toInstant();
    }
}
