package io.partnerhub.certification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpiryTest {

    @ParameterizedTest(name = "{0} earned {1} → expires {2}")
    @CsvSource({
            "FUNDAMENTALS, 2026-12-01T10:00:00Z, ",
            "ASSOCIATE,    2026-12-01T10:00:00Z, 2027-12-01T10:00:00Z",
            "EXPERT,       2024-02-29T10:00:00Z, 2025-02-28T10:00:00Z",
            "SPECIALTY,    2026-12-31T23:59:59Z, 2027-12-31T23:59:59Z" })
    void fundamentalsNeverExpireOthersTwelveMonthsAfterEarning(CertificationLevel level, Instant earnedAt, Instant expiresAt) {
        assertEquals(expiresAt, Expiry.expiresAt(level, earnedAt));
    }
}
