package io.partnerhub.gateway.proxy;

import java.time.Duration;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.partnerhub.gateway.config.GatewayConfig;
import io.partnerhub.gateway.config.GatewayConfig.Budget;
import io.partnerhub.gateway.domain.RequestClass;

/**
 * Per client and budget, a bucket4j token bucket of {@code quota} tokens refilled greedily over {@code window}
 * (so a burst of {@code quota} passes, then {@code quota / window} per second). Buckets live in memory, one gateway
 * instance's own (several instances each allow the budget); idle buckets are dropped after two windows.
 */
@Singleton // no client proxy: called on every proxied request
public class RateLimiter {

    /** What one request got from its budget. */
    public record Decision(boolean allowed, RequestClass requestClass, Budget budget, long remaining,
            long secondsToRetry, long secondsToFull) {

        /** IETF draft-ietf-httpapi-ratelimit-headers: {@code "reads";q=300;w=60}. */
        public String policyHeader() {
            return "\"" + requestClass.policyName() + "\";q=" + budget.quota() + ";w=" + budget.window().toSeconds();
        }

        /** IETF draft-ietf-httpapi-ratelimit-headers: {@code "reads";r=299;t=1}. */
        public String limitHeader() {
            return "\"" + requestClass.policyName() + "\";r=" + remaining + ";t=" + secondsToFull;
        }
    }

    private final GatewayConfig config;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(GatewayConfig config) {
        this.config = config;
        Duration longest = Duration.ZERO;
        for (RequestClass c : RequestClass.values()) {
            Duration window = config.budget(c).window();
            longest = window.compareTo(longest) > 0 ? window : longest;
        }
        this.buckets = Caffeine.newBuilder()
                .executor(Runnable::run) // upkeep on the calling event loop: no pool thread to wake per request
                .maximumSize(config.rateLimits().maxClients())
                .expireAfterAccess(longest.multipliedBy(2).plusSeconds(1))
                .build();
    }

    public boolean enabled() {
        return config.rateLimits().enabled();
    }

    /** Takes one token from {@code client}'s bucket for {@code requestClass}. */
    public Decision take(RequestClass requestClass, String client) {
        Budget budget = config.budget(requestClass);
        Bucket bucket = buckets.get(requestClass.policyName() + "|" + client, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(budget.quota()).refillGreedy(budget.quota(), budget.window()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), requestClass, budget, probe.getRemainingTokens(),
                ceilSeconds(probe.getNanosToWaitForRefill()), ceilSeconds(probe.getNanosToWaitForReset()));
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
