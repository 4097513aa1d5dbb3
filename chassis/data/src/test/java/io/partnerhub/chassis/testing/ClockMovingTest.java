package io.partnerhub.chassis.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;

import io.partnerhub.chassis.time.AdjustableClock;

/**
 * A test of the running app that moves the service's clock (retake waits, renewal windows, expiry, share codes): the
 * one place that injects the adjustable clock and sets it back to the real time after every test, so that no test
 * leaves the next one in the future, and the instants such tests book at.
 */
public abstract class ClockMovingTest {

    @Inject
    protected AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    protected Instant inHours(long hours) {
        return clock.instant().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
    }

    protected Instant inDays(long days) {
        return clock.instant().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
    }
}
