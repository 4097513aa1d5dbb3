package io.partnerhub.chassis.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts one Kafka consumer thread per {@link EventHandler} bean (none when there is no handler) and owns the
 * shared dead-letter producer. Nothing here talks to Kafka during startup: an absent broker only delays consuming.
 */
@ApplicationScoped
public class InboxConsumers {

    private final Instance<EventHandler> handlers;
    private final KafkaClients kafka;
    private final InjectableInstance<DataSource> dataSources;
    private final String groupId;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final Duration pollTimeout;
    private final boolean enabled;

    private final List<InboxConsumer> consumers = new ArrayList<>();
    private KafkaProducer<byte[], byte[]> dlqProducer;

    public InboxConsumers(@Any Instance<EventHandler> handlers, KafkaClients kafka, InjectableInstance<DataSource> dataSources,
            @ConfigProperty(name = "partnerhub.events.consumer-group") Optional<String> groupId,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "partnerhub") String applicationName,
            @ConfigProperty(name = "partnerhub.inbox.max-attempts", defaultValue = "3") int maxAttempts,
            @ConfigProperty(name = "partnerhub.inbox.retry-backoff", defaultValue = "200ms") Duration retryBackoff,
            @ConfigProperty(name = "partnerhub.inbox.poll-timeout", defaultValue = "150ms") Duration pollTimeout,
            @ConfigProperty(name = "partnerhub.inbox.enabled", defaultValue = "true") boolean enabled) {
        this.handlers = handlers;
        this.kafka = kafka;
        this.dataSources = dataSources;
        this.groupId = groupId.orElse(applicationName);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.retryBackoff = retryBackoff;
        this.pollTimeout = pollTimeout;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            Log.info("Event consumers disabled (partnerhub.inbox.enabled=false)");
            return;
        }
        if (!handlers.iterator().hasNext()) {
            return;
        }
        if (!dataSources.isResolvable() || dataSources.listActive().isEmpty()) {
            Log.error("Event handlers exist but there is no active datasource for the inbox: no consumer started");
            return;
        }
        Map<String, Integer> perTopic = new HashMap<>();
        for (Instance.Handle<EventHandler> handle : handlers.handles()) {
            EventHandler handler = handle.get();
            String name = handle.getBean().getBeanClass().getName();
            String topic = handler.topic();
            int n = perTopic.merge(topic, 1, Integer::sum);
            // two handlers of one topic in one service must not share a group, or they would split the partitions
            String group = n == 1 ? groupId : groupId + "." + handle.getBean().getBeanClass().getSimpleName();
            InboxConsumer consumer = new InboxConsumer(this, handler, name, topic, group);
            consumers.add(consumer);
            consumer.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        consumers.forEach(InboxConsumer::requestStop);
        consumers.forEach(InboxConsumer::awaitStop);
        consumers.clear();
        synchronized (this) {
            if (dlqProducer != null) {
                dlqProducer.close(Duration.ofSeconds(2));
                dlqProducer = null;
            }
        }
    }

    /** The running consumers (for tests and diagnostics). */
    public List<String> consumerNames() {
        return consumers.stream().map(c -> c.name() + " <- " + c.topic()).toList();
    }

    synchronized KafkaProducer<byte[], byte[]> dlqProducer() {
        if (dlqProducer == null) {
            dlqProducer = kafka.rawProducer("dlq-" + groupId + "-" + UUID.randomUUID());
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

    int maxAttempts() {
        return maxAttempts;
    }

    Duration retryBackoff() {
        return retryBackoff;
    }

    Duration pollTimeout() {
        return pollTimeout;
    }
}
