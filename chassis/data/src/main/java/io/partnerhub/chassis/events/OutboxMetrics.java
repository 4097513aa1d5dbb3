package io.partnerhub.chassis.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Outbox gauges, refreshed from the database every {@code partnerhub.outbox.metrics-every} (a scrape never queries):
 * {@code partnerhub_outbox_backlog} (unsent rows), {@code partnerhub_outbox_oldest_unsent_age_seconds},
 * {@code partnerhub_outbox_failed} (rows Kafka refused for good, waiting for operations). And where a relay pass that a
 * commit woke spends its time (issue #25), {@code partnerhub_outbox_relay_pass_seconds{stage}}: {@code wake} (the
 * committing transaction's wake-up → the pass begins on the relay thread), {@code select} (→ lock taken and rows read,
 * one round trip), {@code send} (→ every row acknowledged by Kafka, acks=all), {@code mark} (→ rows marked sent and
 * committed; after the send, so not part of the event's latency). A pass that goes on in its transaction (a commit woke
 * the relay while it sent) is timed per batch: its {@code wake} is the wait for the batch before, its {@code select}
 * the round trip that marks that batch and locks the next rows. {@code partnerhub_outbox_producer_request_latency_avg_seconds}:
 * the producer's own request → response mean, the broker's part of {@code send}.
 */
@ApplicationScoped
class OutboxMetrics {

    private static final String QUERY = "SELECT count(*) FILTER (WHERE failed_at IS NULL), min(created_at) FILTER"
            + " (WHERE failed_at IS NULL), count(*) FILTER (WHERE failed_at IS NOT NULL) FROM outbox_event WHERE sent_at IS NULL";

    private final InjectableInstance<DataSource> dataSources;
    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean active;
    private volatile Timer[] passStages;

    OutboxMetrics(InjectableInstance<DataSource> dataSources, MeterRegistry registry) {
        this.dataSources = dataSources;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        if (!dataSources.isResolvable() || dataSources.listActive().isEmpty()) {
            return;
        }
        Gauge.builder("partnerhub.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet sent (failed rows excluded)").register(registry);
        Gauge.builder("partnerhub.outbox.oldest.unsent.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest unsent outbox row").register(registry);
        Gauge.builder("partnerhub.outbox.failed", failed, AtomicLong::get)
                .description("Outbox rows Kafka refused for good; their subjects wait behind them").register(registry);
        passStages = new Timer[] { passStage("wake", "a commit woke the relay -> the pass begins"),
            passStage("select", "the pass begins -> lock taken and rows read"),
            passStage("send", "rows read -> every row acknowledged by Kafka"),
            passStage("mark", "acknowledged -> rows marked sent and committed") };
        active = true;
    }

    private Timer passStage(String stage, String description) {
        return Timer.builder("partnerhub.outbox.relay.pass").tag("stage", stage)
                .description("Relay pass woken by a commit, by stage: " + description).register(registry);
    }

    /**
     * {@code partnerhub_outbox_producer_request_latency_avg_seconds}: the relay producer's mean produce request → response
     * time (kafka-clients' {@code request-latency-avg}), beside the {@code send} stage, which adds the hand-offs between
     * the relay thread, the producer's sender thread and back.
     */
    void producerRequestLatency(java.util.function.DoubleSupplier millis) {
        Gauge.builder("partnerhub.outbox.producer.request.latency.avg.seconds", millis, m -> m.getAsDouble() / 1e3)
                .description("Relay producer: mean produce request -> response (kafka-clients request-latency-avg)")
                .strongReference(true) // the supplier is a method reference nothing else holds
                .register(registry);
    }

    /**
     * Records the stages of a pass a commit woke that sent rows, from {@link System#nanoTime()} instants: woken,
     * begun, rows selected, acknowledged, committed.
     */
    void relayPass(long woken, long begun, long selected, long acknowledged, long committed) {
        Timer[] timers = passStages;
        if (timers == null) {
            return;
        }
        long[] at = { woken, begun, selected, acknowledged, committed };
        for (int i = 0; i < timers.length; i++) {
            timers[i].record(Math.max(0, at[i + 1] - at[i]), java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    @Scheduled(every = "${partnerhub.outbox.metrics-every:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (!active) {
            return;
        }
        try (Connection connection = dataSources.get().getConnection(); PreparedStatement query = connection.prepareStatement(QUERY);
                ResultSet rs = query.executeQuery()) {
            rs.next();
            backlog.set(rs.getLong(1));
            Timestamp oldest = rs.getTimestamp(2);
            oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toSeconds()));
            failed.set(rs.getLong(3));
        } catch (SQLException | RuntimeException e) {
            Log.debugf("Outbox gauges not refreshed: %s", e);
        }
    }
}
