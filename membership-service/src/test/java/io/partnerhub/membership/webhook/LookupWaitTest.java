package io.partnerhub.membership.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LookupWaitTest {

    private static final Instant NOW = Instant.parse("2026-12-07T18:00:00Z");
    private final LookupWait production = new LookupWait(Duration.ofSeconds(1), Duration.ofSeconds(10));

    @ParameterizedTest(name = "found due {0}, next attempt in {1}: wait {2}")
    @CsvSource({
            "true,  PT0S,    PT1S", // found some: look again after the poll (a pass may leave some)
            "true,  ,        PT1S",
            "false, ,        PT10S", // nothing pending: the idle wait
            "false, PT5S,    PT5S", // a retry in 5 s: look then
            "false, PT0.2S,  PT1S", // closer than the poll: the poll
            "false, -PT3S,   PT1S", // due but not found (its endpoint in a pass now): the poll
            "false, PT1H,    PT10S", // far: at most the idle wait (another instance's work, a jumping clock)
            "false, PT10S,   PT10S" })
    void waitsThePollWhileWorkIsNearElseUntilTheNextAttemptAtMostTheIdleWait(boolean foundDue, Duration nextIn, Duration wait) {
        assertEquals(wait, production.after(foundDue, nextIn == null ? null : NOW.plus(nextIn), NOW));
    }

    @Test
    void refusesAnIdleWaitShorterThanThePoll() {
        assertThrows(IllegalArgumentException.class, () -> new LookupWait(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new LookupWait(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
