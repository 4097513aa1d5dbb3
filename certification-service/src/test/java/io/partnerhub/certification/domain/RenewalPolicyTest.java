package io.partnerhub.certification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenewalPolicyTest {

    static final Instant EXPIRES = Instant.parse("2027-06-30T12:00:00Z");

    static RenewalPolicy.Decision decide(Duration beforeExpiry, String attemptsHoursAgo) {
        Instant now = EXPIRES.minus(beforeExpiry);
        List<Instant> attempts = attemptsHoursAgo == null || attemptsHoursAgo.isBlank() ? List.of()
                : Arrays.stream(attemptsHoursAgo.split(" ")).map(h -> now.minus(Duration.ofMinutes((long) (Double.parseDouble(h) * 60)))).toList();
        return RenewalPolicy.decide(HoldingStatus.ACTIVE, EXPIRES, false, attempts, now);
    }

    @ParameterizedTest(name = "{0} before expiry → {1}")
    @CsvSource({
            "P181D,      WINDOW_NOT_OPEN",
            "PT4344H1S,  WINDOW_NOT_OPEN", // 181 days minus 23:59:59: still one second early
            "PT4320H1S,  WINDOW_NOT_OPEN", // 180 days and one second
            "P180D,      ",                 // the window opens exactly 180 days before expiry
            "P179D,      ",
            "PT1S,       ",
            "PT0S,       HOLDING_EXPIRED",
            "-P1D,       HOLDING_EXPIRED" })
    void opensTheWindow180DaysBeforeExpiryAndClosesItAtExpiry(String beforeExpiry, RenewalRefusal expected) {
        RenewalPolicy.Decision decision = decide(Duration.parse(beforeExpiry), "");
        assertEquals(expected, decision.refusal());
        if (expected == RenewalRefusal.WINDOW_NOT_OPEN) {
            assertEquals(EXPIRES.minus(Duration.ofDays(180)), decision.possibleAt());
        }
    }

    @ParameterizedTest(name = "attempts {0} hours ago → {1}")
    @CsvSource({
            "'',             ",              // first attempt
            "'0.1',          ",              // second attempt right after the first: no wait yet
            "'1 0.5',        WAIT",          // third attempt within 24 h of the second
            "'48 23.9',      WAIT",
            "'48 24',        ",              // exactly 24 h after the second
            "'72 48 24',     ",              // fourth attempt 24 h after the third
            "'72 48 2',      WAIT",
            "'4400 4399 1',  ",              // attempts before the window opened do not count
    })
    void waits24HoursBetweenAttemptsAfterTheSecond(String attemptsHoursAgo, RenewalRefusal expected) {
        RenewalPolicy.Decision decision = decide(Duration.ofDays(90), attemptsHoursAgo);
        assertEquals(expected, decision.refusal());
        if (expected == RenewalRefusal.WAIT) {
            Instant now = EXPIRES.minus(Duration.ofDays(90));
            double latest = Arrays.stream(attemptsHoursAgo.split(" ")).mapToDouble(Double::parseDouble).min().orElseThrow();
            assertEquals(now.minus(Duration.ofMinutes((long) (latest * 60))).plus(Duration.ofHours(24)), decision.possibleAt());
        }
    }

    @ParameterizedTest(name = "{0}, expires {1}, retired {2} → {3}")
    @CsvSource({
            "EXPIRED, 2027-06-30T12:00:00Z, false, HOLDING_NOT_ACTIVE",
            "REVOKED, 2027-06-30T12:00:00Z, false, HOLDING_NOT_ACTIVE",
            "ACTIVE,  ,                     false, NEVER_EXPIRES",
            "ACTIVE,  2027-06-30T12:00:00Z, true,  CERTIFICATION_RETIRED",
            "ACTIVE,  2027-06-30T12:00:00Z, false, " })
    void refusesInactiveNeverExpiringAndRetired(HoldingStatus status, Instant expiresAt, boolean retired, RenewalRefusal expected) {
        Instant now = EXPIRES.minus(Duration.ofDays(10));
        assertEquals(expected, RenewalPolicy.decide(status, expiresAt, retired, List.of(), now).refusal());
    }

    @ParameterizedTest(name = "expiry {0} renewed → {1}")
    @CsvSource({
            "2027-06-30T12:00:00Z, 2028-06-30T12:00:00Z",
            "2028-02-29T08:00:00Z, 2029-02-28T08:00:00Z",
            "2027-01-31T00:00:00Z, 2028-01-31T00:00:00Z" })
    void extendsTwelveMonthsFromTheCurrentExpiryNotFromToday(Instant current, Instant renewed) {
        assertEquals(renewed, RenewalPolicy.renewedExpiry(current));
    }

    @Test
    void aFundamentalsHoldingHasNoWindow() {
        assertNull(RenewalPolicy.opensAt(null));
    }
}
