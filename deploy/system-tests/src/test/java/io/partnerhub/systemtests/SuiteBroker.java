package io.partnerhub.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import io.partnerhub.devstack.test.Topics;

/**
 * Raw kafka-clients access to the running suite's broker, as the broker itself would behave: read what a service
 * published for one subject, and deliver a record again exactly as it was (key, value, headers) — what an
 * at-least-once broker does after a consumer crash or a rebalance.
 */
final class SuiteBroker {

    private SuiteBroker() {
    }

    static String bootstrapServers() {
        return RunningSuite.stack().kafkaBootstrapServers();
    }

    /** Every record on {@code topic} keyed {@code key} (one partition: in order), from the beginning to the end as it is now. */
    static List<ConsumerRecord<String, String>> records(String topic, String key) {
        return Topics.toEnd(bootstrapServers(), topic, Duration.ofSeconds(20)).stream()
                .filter(record -> key.equals(record.key())).toList();
    }

    /** The CloudEvent type a record carries (header {@code ce_type}). */
    static String type(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_type");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The CloudEvent id a record carries (header {@code ce_id}). */
    static String id(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_id");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Publishes the record again, unchanged, to its topic (the same key lands on the same partition). */
    static void redeliver(ConsumerRecord<String, String> record) {
        Topics.send(bootstrapServers(), new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
    }

    static KafkaProducer<String, String> producer() {
        return Topics.producer(bootstrapServers());
    }
}
