package io.partnerhub.chassis.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerhub.inbox.*}: the consumers of {@link EventHandler}s. */
@ConfigMapping(prefix = "partnerhub.inbox")
public interface InboxConfig {

    /** Start the consumers. */
    @WithDefault("true")
    boolean enabled();

    /** Attempts for a deterministic failure before the record goes to the DLQ. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait between those attempts (× attempt number); also the first wait of a transient retry. */
    @WithDefault("200ms")
    Duration retryBackoff();

    /** Transient failures (database down, pool exhausted, lock lost) are retried without limit, doubling up to this. */
    @WithDefault("10s")
    Duration maxRetryBackoff();

    /** Kafka poll timeout. */
    @WithDefault("150ms")
    Duration pollTimeout();

    /** Inbox rows (processed event ids) are deleted this long after processing; keep it above the topics' retention. */
    @WithDefault("14d")
    Duration retention();

    @WithDefault("1h")
    String cleanupEvery();

    @WithDefault("5m")
    String cleanupDelay();
}
