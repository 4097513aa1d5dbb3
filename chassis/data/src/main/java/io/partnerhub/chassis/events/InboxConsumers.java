package io.partnerhub.chassis.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Starts one Kafka consumer thread per {@link EventHandler} bean (none when there is no handler), wiring each from its
 * parts ({@link InboxApplier}, {@link RecordProcessor}, {@link InboxConsumer}); finds a dead letter's consumer for a
 * redrive; prunes the inbox. Nothing here talks to Kafka during startup: an absent broker only delays consuming.
 * <p>
 * Group ids are stable per handler: {@code <partnerhub.events.consumer-group>.<EventHandler.groupName()>}, by default
 * the simple name of the handler's bean class, whatever order the beans come in.
 */
@ApplicationScoped
public class InboxConsumers {

    private final Instance<EventHandler> handlers;
    private final KafkaClients kafka;
    private final EventsConfig events;
    private final InboxConfig config;
    private final Tracing tracing;
    private final InboxStore inbox;
    private final DeadLetters deadLetters;
    private final DeadLetterWriter deadLetterWriter;
    private final List<InfrastructureProbe> probes;
    private final InboxMetrics metrics;
    private final Instance<EntityManager> entityManagers;

    private final Map<String, InboxConsumer> consumers = new ConcurrentHashMap<>();
    private final Map<String, InboxApplier> appliers = new ConcurrentHashMap<>();

    InboxConsumers(@Any Instance<EventHandler> handlers, KafkaClients kafka, EventsConfig events, InboxConfig config,
            Tracing tracing, InboxStore inbox, DeadLetters deadLetters, DeadLetterWriter deadLetterWriter, InboxMetrics metrics,
            DatabaseProbe database, BrokerProbe broker, Instance<EntityManager> entityManagers) {
        this.handlers = handlers;
        this.kafka = kafka;
        this.events = events;
        this.config = config;
        this.tracing = tracing;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.deadLetterWriter = deadLetterWriter;
        this.probes = List.of(database, broker); // asked in this order
        this.metrics = metrics;
        this.entityManagers = entityManagers;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("Event consumers disabled (partnerhub.inbox.enabled=false)");
            return;
        }
        if (!handlers.iterator().hasNext()) {
            return;
        }
        if (!inbox.available()) {
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
            InboxApplier applier = applier(handler, name);
            InboxConsumer consumer = consumer(applier, name, handler.topic(), group, config, handler.gatherFor());
            appliers.put(name, applier);
            consumers.put(name, consumer);
            metrics.register(consumer);
            consumer.start();
        }
    }

    /** A consumer of {@code handler} built as this instance builds its own (not started, not registered). */
    InboxConsumer create(EventHandler handler, String name, String group) {
        return create(handler, name, group, config);
    }

    /** As {@link #create(EventHandler, String, String)}, with other {@code partnerhub.inbox.*} settings (benchmarks). */
    InboxConsumer create(EventHandler handler, String name, String group, InboxConfig settings) {
        return consumer(applier(handler, name), name, handler.topic(), group, settings, handler.gatherFor());
    }

    private InboxApplier applier(EventHandler handler, String name) {
        return new InboxApplier(name, handler.topic(), handler, inbox, deadLetters, tracing, this::endOfEvent);
    }

    /**
     * Between two events applied in one transaction: Hibernate's pending writes flushed and its persistence context
     * cleared (when the service has one), so the next handler call reads the rows, not entities cached by the one before.
     */
    private void endOfEvent() {
        if (entityManagers.isResolvable()) {
            EntityManager entityManager = entityManagers.get();
            entityManager.flush();
            entityManager.clear();
        }
    }

    private InboxConsumer consumer(InboxApplier applier, String name, String topic, String group, InboxConfig settings,
            Duration gatherFor) {
        RecordProcessor processor = new RecordProcessor(name, applier, probes, deadLetterWriter, settings, metrics);
        return new InboxConsumer(name, topic, group, processor, kafka, settings, gatherFor);
    }

    void onStop(@Observes ShutdownEvent event) {
        consumers.values().forEach(InboxConsumer::requestStop);
        consumers.values().forEach(InboxConsumer::awaitStop);
        consumers.clear();
        deadLetterWriter.close();
    }

    /** Deletes inbox rows older than {@code partnerhub.inbox.retention}. */
    @Scheduled(every = "${partnerhub.inbox.cleanup-every:1h}", delayed = "${partnerhub.inbox.cleanup-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanup() {
        if (consumers.isEmpty()) {
            return;
        }
        int deleted = QuarkusTransaction.requiringNew()
                .call(() -> inbox.deleteProcessedBefore(Instant.now().minus(config.retention())));
        if (deleted > 0) {
            Log.infof("Inbox cleanup deleted %d processed event id(s) older than %s", deleted, config.retention());
        }
    }

    /** Applies a dead letter again through its consumer's inbox path. */
    InboxApplier.Outcome redrive(DeadLetters.DeadLetter letter) {
        InboxApplier applier = appliers.get(letter.consumer());
        if (applier == null) {
            throw new IllegalStateException("no running consumer " + letter.consumer() + " in this service");
        }
        InboxApplier.Outcome outcome = applier.redrive(letter);
        metrics.redriven(letter.consumer());
        return outcome;
    }

    Optional<InboxConsumer> consumer(String name) {
        return Optional.ofNullable(consumers.get(name));
    }

    Collection<InboxConsumer> consumers() {
        return consumers.values();
    }
}
