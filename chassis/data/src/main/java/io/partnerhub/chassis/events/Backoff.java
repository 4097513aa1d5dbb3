package io.partnerhub.chassis.events;

import java.time.Duration;

/**
 * A doubling, capped wait: {@link #after} n failures in a row waits {@code first × 2^(n-1)}, never more than
 * {@code max}; after none it waits nothing. The relay's failed passes (200 ms to {@code partnerhub.outbox.max-backoff}),
 * a consumer's restarts (500 ms to 10 s) and a partition waiting out a transient failure
 * ({@code partnerhub.inbox.retry-backoff} to {@code max-retry-backoff}) all wait this way.
 */
record Backoff(Duration first, Duration max) {

    Duration after(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        Duration wait = first.multipliedBy(1L << Math.min(failures - 1, 16));
        return wait.compareTo(max) <= 0 ? wait : max;
    }
}
