package io.partnerhub.membership.invitation;

import java.time.Duration;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.partnerhub.chassis.problem.DomainException;

/**
 * At most {@value #PER_MINUTE} invitation acceptance tries per minute per token subject, so nobody guesses codes: a
 * bucket4j bucket of {@value #PER_MINUTE} tokens refilled all at once every minute (the library and the bounded,
 * expiring Caffeine map the gateway's rate limiter uses). In memory, per instance: a second instance allows as many
 * again, still far from guessing a 256-bit code.
 */
@Singleton
public class AcceptanceAttempts {

    public static final int PER_MINUTE = 5;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(WINDOW.multipliedBy(2))
            .build();

    /** Counts one try of {@code subject}; 429 {@code too-many-attempts} with the seconds to wait when none is left. */
    public void take(String subject) {
        Bucket bucket = buckets.get(subject, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(PER_MINUTE).refillIntervally(PER_MINUTE, WINDOW))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new TooManyAttempts(seconds);
        }
    }

    /** 429 {@code too-many-attempts} with {@code Retry-After}. */
    public static class TooManyAttempts extends DomainException {

        TooManyAttempts(long retryAfterSeconds) {
            super(429, "too-many-attempts", "Too many attempts", "At most " + PER_MINUTE
                    + " invitation codes may be tried per minute; try again in " + retryAfterSeconds + " s");
            retryAfter(retryAfterSeconds);
        }
    }
}
