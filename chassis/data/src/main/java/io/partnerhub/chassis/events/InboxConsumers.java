package io.partnerhub.chassis.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.producer.KafkaProducer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Starts one Kafka consumer thread per {@link EventHandler} bean (none when there is no handler), owns the shared
 * dead-letter producer, prunes the inbox and publishes the consumers' gauges. Nothing here talks to Kafka during
 * startup: an absent broker only delays consuming.
 * <p>
 * Group ids are stable per handler: {@code <partnerhub.events.consumer-group>.<EventHandler.groupName()>}, by default
 * the simple name of the handler's bean class, whatever order the beans come in.
 */
@ApplicationScoped
public class InboxConsumers {

    private final Instance<EventHandler> handlers;
    private final KafkaClients kafka;
    private final InjectableInstance<DataSource> dataSources;
    private final EventsConfig events;
    private final InboxConfig config;
    private final Tracing tracing;
    private final DeadLetters deadLetters;
    private final DatabaseProbe probe;
    private final MeterRegistry registry;

    private final Map<String, InboxConsumer> consumers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> openDeadLetters = new ConcurrentHashMap<>();
    private KafkaProducer<byte[], byte[]> dlqProducer;

    public InboxConsumers(@Any Instance<EventHandler> handlers, KafkaClients kafka, InjectableInstance<DataSource> dataSources,
            EventsConfig events, InboxConfig config, Tracing tracing, DeadLetters deadLetters, DatabaseProbe probe,
            MeterRegistry registry) {
        this.handlers = handlers;
        this.kafka = kafka;
        this.dataSources = dataSources;
        this.events = events;
        this.config = config;
        this.tracing = tracing;
        this.deadLetters = deadLetters;
        this.probe = probe;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("Event consumers disabled (partnerhub.inbox.enabled=false)");
            return;
        }
        if (!handlers.iterator().hasNext()) {
            return;
        }
        if (!hasDataSource()) {
            Log.error("Event handlers exist but there is no active datasource for the inbox: no consumer started");
            return;
        }
        Map<String, String> groups = new LinkedHashMap<>();
        for (Instance.Handle<EventHandler> handle : handlers.handles()) {
            EventHandler handler = handle.get();
            Class<?> beanClass = handle.getBean().getBeanClass();
            String name = beanClass.getName();
            String groupName = handler.groupName() == null || handler.groupName().isBlank()
                    ? beanClass.getSimpleName() : handler.groupName();
            String group = events.consumerGroup() + "." + groupName;
            String clash = groups.put(group, name);
            if (clash != null) {
                throw new IllegalStateException("Event handlers " + clash + " and " + name + " would share consumer group "
                        + group + ": give one of them another EventHandler.groupName()");
            }
            InboxConsumer consumer = new InboxConsumer(this, probe, handler, name, handler.topic(), group);
            consumers.put(name, consumer);
            Gauge.builder("partnerhub.inbox.consumer.lag", consumer, InboxConsumer::lag)
                    .description("Records behind the end of the consumer's partitions").tag("consumer", name)
                    .tag("topic", consumer.topic()).register(registry);
            AtomicLong open = openDeadLetters.computeIfAbsent(name, n -> new AtomicLong());
            Gauge.builder("partnerhub.inbox.dead.letters", open, AtomicLong::get)
                    .description("Dead letters of the consumer not yet redriven").tag("consumer", name).register(registry);
            consumer.start();
        }
    }

    private boolean hasDataSource() {
        return dataSources.isResolvable() && !dataSources.listActive().isEmpty();
    }

    void onStop(@Observes ShutdownEvent event) {
        consumers.values().forEach(InboxConsumer::requestStop);
        consumers.values().forEach(InboxConsumer::awaitStop);
        consumers.clear();
        synchronized (this) {
            if (dlqProducer != null) {
                dlqProducer.close(Duration.ofSeconds(2));
                dlqProducer = null;
            }
        }
    }

    /** Deletes inbox rows older than {@code partnerhub.inbox.retention}. */
    @Scheduled(every = "${partnerhub.inbox.cleanup-every:1h}", delayed = "${partnerhub.inbox.cleanup-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanup() {
        if (consumers.isEmpty()) {
            return;
        }
        int deleted = QuarkusTransaction.requiringNew().call(() -> deleteProcessedBefore(Instant.now().minus(config.retention())));
        if (deleted > 0) {
            Log.infof("Inbox cleanup deleted %d processed event id(s) older than %s", deleted, config.retention());
        }
    }

    int deleteProcessedBefore(Instant cutoff) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM inbox_event WHERE processed_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        }
    }

    /** Refreshes the dead-letter gauges from the table. */
    @Scheduled(every = "${partnerhub.outbox.metrics-every:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshGauges() {
        if (consumers.isEmpty()) {
            return;
        }
        try {
            Map<String, Long> open = deadLetters.openPerConsumer();
            openDeadLetters.forEach((name, gauge) -> gauge.set(open.getOrDefault(name, 0L)));
        } catch (SQLException | RuntimeException e) {
            Log.debugf("Dead-letter gauges not refreshed: %s", e);
        }
    }

    void deadLettered(String consumer) {
        openDeadLetters.computeIfAbsent(consumer, n -> new AtomicLong()).incrementAndGet();
    }

    /** Applies a dead letter again through its consumer's inbox path. */
    InboxConsumer.Outcome redrive(DeadLetters.DeadLetter letter) {
        InboxConsumer consumer = consumers.get(letter.consumer());
        if (consumer == null) {
            throw new IllegalStateException("no running consumer " + letter.consumer() + " in this service");
        }
        InboxConsumer.Outcome outcome = consumer.redrive(letter);
        openDeadLetters.computeIfAbsent(letter.consumer(), n -> new AtomicLong()).updateAndGet(n -> Math.max(0, n - 1));
        return outcome;
    }

    Optional<InboxConsumer> consumer(String name) {
        return Optional.ofNullable(consumers.get(name));
    }

    Collection<InboxConsumer> consumers() {
        return consumers.values();
    }

    synchronized KafkaProducer<byte[], byte[]> dlqProducer() {
        if (dlqProducer == null) {
            dlqProducer = kafka.rawProducer("dlq-" + events.consumerGroup() + "-" + UUID.randomUUID());
        }
        return dlqProducer;
    }

    synchronized void resetDlqProducer() {
        if (dlqProducer != null) {
            dlqProducer.close(Duration.ZERO);
            dlqProducer = null;
        }
    }

    KafkaClients kafka() {
        return kafka;
    }

    DataSource dataSource() {
        return dataSources.get();
    }

    InboxConfig config() {
        return config;
    }

    Tracing tracing() {
        return tracing;
    }

    DeadLetters deadLetters() {
        return deadLetters;
    }
}
