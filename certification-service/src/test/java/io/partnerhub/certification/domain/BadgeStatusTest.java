package io.partnerhub.certification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadgeStatusTest {

    static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");

    @ParameterizedTest(name = "{0}, expires {1} -> {2}")
    @CsvSource(nullValues = "never", value = {
            "ACTIVE,  2027-06-01T12:00:01Z, ACTIVE",   // a second before expiry
            "ACTIVE,  2027-06-01T12:00:00Z, EXPIRED",  // at expiry, even before the sweep ran
            "ACTIVE,  2026-01-01T00:00:00Z, EXPIRED",
            "ACTIVE,  never,                ACTIVE",   // fundamentals never expire
            "EXPIRED, 2027-05-01T00:00:00Z, EXPIRED",
            "REVOKED, 2028-01-01T00:00:00Z, REVOKED",
            "REVOKED, 2026-01-01T00:00:00Z, REVOKED",  // revoked stays revoked after its expiry date
            "REVOKED, never,                REVOKED" })
    void reportsTheStatusNow(HoldingStatus stored, Instant expiresAt, HoldingStatus expected) {
        assertEquals(expected, BadgeStatus.at(stored, expiresAt, NOW));
    }
}
