package io.partnerhub.chassis.events;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The consumers' gauges: {@code partnerhub_inbox_consumer_lag{consumer,topic}} (records behind the end of the
 * assigned partitions, as of the last poll) and {@code partnerhub_inbox_dead_letters{consumer}} (open dead letters,
 * counted as they happen and refreshed from the table every {@code partnerhub.outbox.metrics-every}); the counter
 * {@code partnerhub_inbox_batch_rollbacks_total{consumer}} (batches of records rolled back and applied one by one).
 */
@ApplicationScoped
class InboxMetrics {

    private final DeadLetters deadLetters;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> openDeadLetters = new ConcurrentHashMap<>();

    InboxMetrics(DeadLetters deadLetters, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    /** Registers the gauges of a started consumer. */
    void register(InboxConsumer consumer) {
        Gauge.builder("partnerhub.inbox.consumer.lag", consumer, InboxConsumer::lag)
                .description("Records behind the end of the consumer's partitions").tag("consumer", consumer.name())
                .tag("topic", consumer.topic()).register(registry);
        AtomicLong open = openDeadLetters.computeIfAbsent(consumer.name(), n -> new AtomicLong());
        Gauge.builder("partnerhub.inbox.dead.letters", open, AtomicLong::get)
                .description("Dead letters of the consumer not yet redriven").tag("consumer", consumer.name())
                .register(registry);
    }

    /** A batch of records failed in its one transaction and is applied record by record. */
    void batchRolledBack(String consumer) {
        registry.counter("partnerhub.inbox.batch.rollbacks", "consumer", consumer).increment();
    }

    void deadLettered(String consumer) {
        openDeadLetters.computeIfAbsent(consumer, n -> new AtomicLong()).incrementAndGet();
    }

    void redriven(String consumer) {
        openDeadLetters.computeIfAbsent(consumer, n -> new AtomicLong()).updateAndGet(n -> Math.max(0, n - 1));
    }

    /** Refreshes the dead-letter gauges from the table (nothing to do in a service without consumers). */
    @Scheduled(every = "${partnerhub.outbox.metrics-every:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (openDeadLetters.isEmpty()) {
            return;
        }
        try {
            Map<String, Long> open = deadLetters.openPerConsumer();
            openDeadLetters.forEach((name, gauge) -> gauge.set(open.getOrDefault(name, 0L)));
        } catch (SQLException | RuntimeException e) {
            Log.debugf("Dead-letter gauges not refreshed: %s", e);
        }
    }
}
