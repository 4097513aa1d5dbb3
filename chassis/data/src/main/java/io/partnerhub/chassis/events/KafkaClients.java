package io.partnerhub.chassis.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

/**
 * Builds raw kafka-clients producers and consumers from the {@code kafka.*} configuration (the same keys the
 * Quarkus Kafka health check uses: {@code kafka.bootstrap.servers}, plus any {@code kafka.security.protocol} …).
 */
@ApplicationScoped
class KafkaClients {

    private static final List<String> EXPLICIT = List.of("bootstrap.servers", "security.protocol", "sasl.mechanism",
            "sasl.jaas.config", "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type",
            "ssl.keystore.location", "ssl.keystore.password", "ssl.keystore.type");

    private final Config config;

    KafkaClients(Config config) {
        this.config = config;
    }

    Map<String, Object> common() {
        Map<String, Object> properties = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.") && !name.startsWith("kafka.devservices")) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> properties.put(name.substring("kafka.".length()), value));
            }
        }
        // environment variables (KAFKA_BOOTSTRAP_SERVERS …) are not always listed by name: ask for the usual keys
        for (String key : EXPLICIT) {
            config.getOptionalValue("kafka." + key, String.class).ifPresent(value -> properties.put(key, value));
        }
        properties.putIfAbsent("bootstrap.servers", "localhost:9092");
        return properties;
    }

    /**
     * Idempotent, acks=all, no batching delay; bounded timeouts so an absent broker fails fast instead of hanging: a
     * send blocks at most 3 s for metadata, an unacknowledged record fails after 10 s (the relay's pass deadline and
     * transaction timeout are above that).
     */
    KafkaProducer<String, String> producer(String clientId) {
        Map<String, Object> properties = producerProperties(clientId, StringSerializer.class);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        return new KafkaProducer<>(properties);
    }

    /** Byte-array producer for the dead-letter queue: the original record is copied unchanged. */
    KafkaProducer<byte[], byte[]> rawProducer(String clientId) {
        return new KafkaProducer<>(producerProperties(clientId, ByteArraySerializer.class));
    }

    /** What both producers share: idempotent, acks=all, no linger, the bounded timeouts above. */
    private Map<String, Object> producerProperties(String clientId, Class<?> serializer) {
        Map<String, Object> properties = common();
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, serializer.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, serializer.getName());
        return properties;
    }

    KafkaConsumer<byte[], byte[]> consumer(String groupId, String clientId) {
        return consumer(groupId, clientId, null, java.time.Duration.ZERO);
    }

    /**
     * A consumer of the group; {@code sessionTimeout} (null: Kafka's default) bounds how long the partitions of a dead
     * member stay unread before the group rebalances, heartbeats go every third of it. {@code gatherFor} above zero lets
     * the broker hold a fetch that long to gather records ({@link EventHandler#gatherFor}).
     */
    KafkaConsumer<byte[], byte[]> consumer(String groupId, String clientId, java.time.Duration sessionTimeout,
            java.time.Duration gatherFor) {
        Map<String, Object> properties = common();
        if (sessionTimeout != null) {
            properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
            properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(100, sessionTimeout.toMillis() / 3));
        }
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        // latency (issue #25, chassis/README "Latency"): the broker answers a fetch as soon as one byte is there; the
        // max wait only bounds an empty fetch (lower would add empty round trips, not speed); poll returns at once
        properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
        if (gatherFor != null && !gatherFor.isZero() && !gatherFor.isNegative()) { // a handler nobody waits for: batches
            properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20); // more than a burst of events: the wait decides
            properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) Math.min(gatherFor.toMillis(), 5_000));
        }
        properties.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }
}
