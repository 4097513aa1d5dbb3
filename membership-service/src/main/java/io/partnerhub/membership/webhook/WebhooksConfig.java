package io.partnerhub.membership.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook delivery settings ({@code partnerhub.webhooks.*}); the test profile shrinks the retry times to seconds. */
@ConfigMapping(prefix = "partnerhub.webhooks")
public interface WebhooksConfig {

    /** The sender thread runs (registration and the queue work either way). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often the sender looks for due deliveries when nothing woke it while deliveries are due or close (a look-up
     * that found some, a retry sooner than this).
     */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * The longest the sender waits between two look-ups when nothing woke it: with nothing pending, or until the
     * earliest pending retry ({@link LookupWait}). What queues here wakes it; this bounds work queued by an instance
     * that died before delivering it, and a clock that jumped.
     */
    @WithDefault("10s")
    Duration idlePollInterval();

    /** The wait after the first failed attempt; each later failure doubles it, up to {@link #maxBackoff()}. */
    @WithDefault("5s")
    Duration initialBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** How long a delivery is retried from its first attempt before it fails (and, if nothing succeeded meanwhile, the endpoint is disabled). */
    @WithDefault("24h")
    Duration retryPeriod();

    /** Connect plus response headers of one attempt. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** One sender pass over an endpoint stops taking deliveries after this (its transaction holds the endpoint's lock). */
    @WithDefault("20s")
    Duration passDeadline();

    /** Deliveries per endpoint per second (a token bucket per endpoint; the burst is the same number). */
    @WithDefault("10")
    int ratePerSecond();

    /** Endpoints delivered to at the same time (one thread each). */
    @WithDefault("4")
    int concurrency();

    /** How long the previous secret keeps signing after a rotation, when the request names no overlap. */
    @WithDefault("24h")
    Duration defaultOverlap();

    @WithDefault("25")
    int maxEndpointsPerOwner();

    /**
     * AES-256 key (base64 of 32 bytes) that encrypts the signing secrets at rest. Without it they are stored as they
     * are (a warning at startup); production sets PARTNERHUB_WEBHOOKS_SECRET_KEY from a secret.
     */
    Optional<String> secretKey();

    /**
     * {@code host:port} targets exempt from the SSRF guard and from HTTPS (the local demo's and the tests' receiver on
     * loopback), e.g. {@code 127.0.0.1:18080}. Empty in production.
     */
    Optional<List<String>> allowedTargets();
}
