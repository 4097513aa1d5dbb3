package io.partnerhub.exam.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.devstack.test.PartnerHubTestResource;

/** Reads exam-events and writes certification-events with raw kafka-clients, as another service would. */
final class ExamEvents {

    static final String TOPIC = "exam-events";
    static final ObjectMapper JSON = new ObjectMapper();

    private ExamEvents() {
    }

    /** CloudEvents on exam-events whose key is {@code key}, read from the beginning for {@code period}, or until {@code enough} are seen. */
    static List<JsonNode> read(String key, Duration period, int enough) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PartnerHubTestResource.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "exam-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonNode> events = new ArrayList<>();
        long deadline = System.nanoTime() + period.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                List<PartitionInfo> infos = consumer.partitionsFor(TOPIC, Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline && events.size() < enough) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        events.add(JSON.readTree(record.value()));
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    /** Waits up to 20 s for at least {@code count} events with the key, then keeps reading 2 s more to catch extras. */
    static List<JsonNode> await(String key, int count) {
        List<JsonNode> events = read(key, Duration.ofSeconds(20), count);
        if (events.size() < count) {
            return events;
        }
        return read(key, Duration.ofSeconds(2), Integer.MAX_VALUE);
    }

    /** What arrives with the key within {@code quiet} (to show that nothing was published). */
    static List<JsonNode> within(String key, Duration quiet) {
        return read(key, quiet, Integer.MAX_VALUE);
    }

    /** Publishes a certification event as certification-service would (structured CloudEvent, key = candidateId). */
    static void publishCertificationEvent(String type, String candidateId, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/certification-service");
        event.put("type", type);
        event.put("subject", candidateId);
        event.put("time", java.time.Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PartnerHubTestResource.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>("certification-events", candidateId, event.toString())).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
