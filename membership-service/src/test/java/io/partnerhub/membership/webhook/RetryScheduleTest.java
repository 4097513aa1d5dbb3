package io.partnerhub.membership.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryScheduleTest {

    private final RetrySchedule production = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));

    @ParameterizedTest(name = "after {0} failures wait {1}")
    @CsvSource({ "1, PT5S", "2, PT10S", "3, PT20S", "4, PT40S", "5, PT1M20S", "10, PT42M40S", "11, PT1H", "35, PT1H", "1000, PT1H" })
    void waitsDoubleAfterEachFailureUpToTheMaximum(int failures, String wait) {
        assertEquals(Duration.parse(wait), production.delayAfter(failures));
    }

    @Test
    void retriesForTheWholePeriodThenGivesUp() {
        Instant first = Instant.parse("2026-12-07T00:00:00Z");
        Instant now = first;
        int failures = 0;
        Optional<Instant> next;
        while ((next = production.nextAttempt(first, now, ++failures)).isPresent()) {
            now = next.get();
        }
        assertTrue(Duration.between(first, now).compareTo(Duration.ofHours(23)) > 0, "tried until " + now);
        assertTrue(!now.isAfter(first.plus(Duration.ofHours(24))));
        assertTrue(failures > 25 && failures < 40, failures + " attempts");
    }
}
