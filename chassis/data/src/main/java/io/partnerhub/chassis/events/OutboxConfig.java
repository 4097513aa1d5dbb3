package io.partnerhub.chassis.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerhub.outbox.*}: the relay that sends outbox rows to Kafka. */
@ConfigMapping(prefix = "partnerhub.outbox")
public interface OutboxConfig {

    /** Start the relay. */
    @WithDefault("true")
    boolean enabled();

    /** Backstop poll; commits that published wake the relay at once. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Longest wait between failed passes (200 ms doubling up to this). */
    @WithDefault("10s")
    Duration maxBackoff();

    /** Rows per pass. */
    @WithDefault("200")
    int batchSize();

    /** Sent rows are deleted this long after sending. */
    @WithDefault("7d")
    Duration retention();

    @WithDefault("1h")
    String cleanupEvery();

    @WithDefault("5m")
    String cleanupDelay();

    /** Transaction timeout of one pass (it holds the advisory lock as long as the transaction lives). */
    @WithDefault("30s")
    Duration transactionTimeout();

    /** A pass stops sending and waiting for acks after this long; must stay well below the transaction timeout. */
    @WithDefault("15s")
    Duration passDeadline();

    /** How often the backlog gauges are refreshed from the database. */
    @WithDefault("15s")
    String metricsEvery();
}
