package io.partnerhub.exam.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExamStatusTest {

    @ParameterizedTest(name = "retiresOn={0} on {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            "none,       2026-05-01, ACTIVE",
            "2026-05-02, 2026-05-01, RETIRING",
            "2026-05-01, 2026-05-01, RETIRED",
            "2026-04-30, 2026-05-01, RETIRED"})
    void derivesLifecycleFromTheRetirementDate(LocalDate retiresOn, LocalDate day, ExamStatus expected) {
        assertEquals(expected, ExamStatus.on(retiresOn, day));
    }

    @Test
    void betaScoresAreWithheldUntilTenDaysAfterGoLive() {
        LocalDate liveOn = LocalDate.parse("2026-06-01");
        Instant release = Instant.parse("2026-06-11T00:00:00Z");
        assertEquals(release, BetaRelease.releaseAt(liveOn, Duration.ofDays(10)));
        assertTrue(BetaRelease.withheldAt(liveOn, Duration.ofDays(10), release.minusSeconds(1)));
        assertFalse(BetaRelease.withheldAt(liveOn, Duration.ofDays(10), release));
    }
}
