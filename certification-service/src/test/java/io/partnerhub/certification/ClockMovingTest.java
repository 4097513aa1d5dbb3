package io.partnerhub.certification;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;

import io.partnerhub.chassis.time.AdjustableClock;

/**
 * A test of the running app that moves certification-service's clock (renewal windows, expiry, share codes): the
 * one place that injects the adjustable clock and sets it back to the real time after every test, so that no test
 * leaves the next one in the future.
 */
public abstract class ClockMovingTest {

    @Inject
    protected AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
