package io.partnerhub.chassis.events;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Dead-letters a record the consumers could not apply: a {@code dead_letter} row (for listing and redrive, in a
 * transaction of its own) and the original record on {@code <topic>.dlq} ({@link KafkaRecords#deadLetter}), with one
 * byte-array producer shared by this service's consumers.
 */
@ApplicationScoped
class DeadLetterWriter {

    private final DeadLetters deadLetters;
    private final KafkaClients kafka;
    private final EventsConfig events;
    private final InboxMetrics metrics;
    private KafkaProducer<byte[], byte[]> producer;

    DeadLetterWriter(DeadLetters deadLetters, KafkaClients kafka, EventsConfig events, InboxMetrics metrics) {
        this.deadLetters = deadLetters;
        this.kafka = kafka;
        this.events = events;
        this.metrics = metrics;
    }

    /**
     * Records the dead letter of {@code consumer} ({@code event} is null when the record was unparseable). Returns null
     * when both the row and the {@code .dlq} record are written, else the failure (the record is then waited out like a
     * transient failure and dead-lettered again later; the row is kept once).
     */
    Throwable write(String consumer, ConsumerRecord<byte[], byte[]> record, CloudEvent event, Throwable error) {
        Throwable cause = FailureClassifier.rootCause(error);
        ProducerRecord<byte[], byte[]> dlq = KafkaRecords.deadLetter(record, consumer, cause);
        try {
            QuarkusTransaction.requiringNew().call(() -> {
                deadLetters.record(consumer, record, KafkaRecords.text(dlq.headers()), event == null ? null : event.id(),
                        event == null ? null : event.type(), String.valueOf(cause.getMessage()), cause.getClass().getName());
                return null;
            });
        } catch (RuntimeException e) {
            Log.warnf("Cannot record the dead letter %s-%d@%d yet: %s", record.topic(), record.partition(),
                    record.offset(), FailureClassifier.describe(e));
            return e;
        }
        try {
            producer().send(dlq).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            reset();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new IllegalStateException("cannot write to " + dlq.topic(), e);
        }
        metrics.deadLettered(consumer);
        return null;
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = kafka.rawProducer("dlq-" + events.consumerGroup() + "-" + UUID.randomUUID());
        }
        return producer;
    }

    private synchronized void reset() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    /** Closes the producer (after the consumers stopped). */
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }
}
