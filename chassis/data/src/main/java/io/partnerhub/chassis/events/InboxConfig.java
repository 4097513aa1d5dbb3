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

    /**
     * Attempts for a deterministic failure before the record goes to the DLQ; an unknown failure (a handler bug, say)
     * too, but its attempts count only while the database and the broker answer ({@link DatabaseProbe},
     * {@link BrokerProbe}).
     */
    @WithDefault("3")
    int maxAttempts();

    /** Wait between those attempts (× attempt number); also the first wait of a transient retry. */
    @WithDefault("200ms")
    Duration retryBackoff();

    /**
     * Transient failures (database down, pool exhausted, lock lost) and failures met while the database or the broker
     * does not answer are retried without limit, doubling up to this.
     */
    @WithDefault("10s")
    Duration maxRetryBackoff();

    /**
     * Kafka {@code session.timeout.ms} of the consumers: how long after an instance dies (SIGKILL, lost machine) the
     * group gives its partitions to the other instances. Kafka's default is 45 s; heartbeats go every third of this.
     * The broker accepts 6 s to 30 min ({@code group.min/max.session.timeout.ms}).
     */
    @WithDefault("10s")
    Duration sessionTimeout();

    /**
     * How long {@link DatabaseProbe} waits for a fresh connection and its {@code SELECT 1} (each), and
     * {@link BrokerProbe} for the cluster's description, before it says the database or the broker does not answer.
     */
    @WithDefault("2s")
    Duration probeTimeout();

    /**
     * Most records of one partition applied in one transaction (inbox rows in one statement, the handler per record, one
     * commit) when a poll brings several; a batch that fails is rolled back and applied record by record. 1 applies
     * every record in a transaction of its own. A poll brings at most Kafka's {@code max.poll.records}.
     */
    @WithDefault("200")
    int batchSize();

    /**
     * Applied offsets are committed to Kafka at most this often, asynchronously (and when partitions are revoked or the
     * consumer stops); 0: after every poll that applied something. A lost commit only means records read again, which
     * the inbox skips (issue #25: one synchronous commit per record and group was a broker request each).
     */
    @WithDefault("500ms")
    Duration commitInterval();

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
