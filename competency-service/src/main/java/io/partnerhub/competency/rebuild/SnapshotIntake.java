package io.partnerhub.competency.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.Config;

import io.partnerhub.chassis.events.CloudEvent;
import io.quarkus.logging.Log;

/**
 * A rebuild's own reader of certification-events and membership-events (no consumer group, nothing committed): it takes
 * every partition's end offset when the rebuild starts, so that it sees every snapshot event published after, and reads
 * large batches (the live consumers read on as always: they skip the snapshot types). Returns the snapshot events of
 * the rebuild's reference, in the order read (per partition, so per subject).
 */
final class SnapshotIntake implements AutoCloseable {

    static final List<String> TOPICS = List.of("certification-events", "membership-events");

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String reference;

    SnapshotIntake(Config config, String reference) {
        this.reference = reference;
        Map<String, Object> properties = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.") && !name.startsWith("kafka.devservices")) {
                config.getOptionalValue(name, String.class).ifPresent(v -> properties.put(name.substring("kafka.".length()), v));
            }
        }
        config.getOptionalValue("kafka.bootstrap.servers", String.class).ifPresent(v -> properties.put("bootstrap.servers", v));
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "competency-projection-rebuild");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(10))); // fixes the start now, not at the first poll
    }

    /** The next snapshot events of this rebuild (possibly none), waiting at most {@code wait}. */
    List<CloudEvent> next(Duration wait) {
        List<CloudEvent> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(wait)) {
            CloudEvent event;
            try {
                event = CloudEvent.parse(record.value());
            } catch (RuntimeException unreadable) {
                continue; // the live consumer dead-letters it
            }
            if (event.type() == null || !SnapshotEvents.TYPES.contains(event.type()) || event.data() == null
                    || !reference.equals(event.data().path("reference").asText(null))) {
                continue;
            }
            events.add(event);
        }
        return events;
    }

    @Override
    public void close() {
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            Log.debugf("Rebuild consumer closed: %s", e.toString());
        }
    }
}
