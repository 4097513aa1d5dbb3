package io.partnerhub.chassis.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;

import io.quarkus.logging.Log;

/**
 * Sends one pass's rows in order with one relay's idempotent producer and says what was acknowledged (the relay marks
 * it). The producer
 * (and its metadata) is kept across failed passes, so that a broker outage makes sends fail after the delivery timeout
 * in order, instead of each send of a fresh producer blocking for metadata while a returning broker takes later rows
 * first; it is replaced only when {@link FailureClassifier#producerUnusable}. Not a bean: each relay has its own.
 */
final class OutboxSender {

    private final KafkaClients kafka;
    private final OutboxStore store;
    private final Duration passDeadline; // for the messages
    private volatile KafkaProducer<String, String> producer;

    OutboxSender(KafkaClients kafka, OutboxStore store, Duration passDeadline) {
        this.kafka = kafka;
        this.store = store;
        this.passDeadline = passDeadline;
    }

    /**
     * What one send of a pass's rows came to: the rows Kafka acknowledged (in order, up to the first failure), when the
     * last acknowledgement was in ({@code sent_at}), the retriable failure that stopped it (null: none), and whether a
     * row was marked failed (later rows of its subject were held back: another pass should follow at once).
     */
    record Sent(List<OutboxRow> acknowledged, Instant at, Throwable failure, boolean again) {
    }

    /**
     * Sends {@code rows} in order, stopping at the first send or acknowledgement that fails (nothing after it counts as
     * acknowledged), or at {@code deadline} ({@link System#nanoTime()}); a row Kafka refuses for good is marked failed
     * and holds back only the later rows of its subject. Marking the acknowledged rows sent is the caller's.
     */
    Sent send(Connection connection, List<OutboxRow> rows, long deadline) throws SQLException {
        long started = System.nanoTime();
        KafkaProducer<String, String> p = producer();
        List<Future<?>> acks = new ArrayList<>(rows.size());
        List<OutboxRow> sent = new ArrayList<>(rows.size());
        Set<String> blockedSubjects = new HashSet<>();
        Throwable failure = null;
        for (OutboxRow row : rows) {
            if (blockedSubjects.contains(row.subjectKey())) {
                continue; // behind a row of its subject that can never be sent
            }
            if (System.nanoTime() > deadline) {
                failure = new TimeoutException("outbox pass deadline " + passDeadline + " reached while sending");
                break;
            }
            Future<?> ack;
            try {
                ack = p.send(KafkaRecords.outgoing(row));
            } catch (RuntimeException e) { // serialization and other errors thrown before the record is queued
                ack = CompletableFuture.failedFuture(e);
            }
            if (ack.isDone() && failedWith(ack) != null) { // refused at once: metadata timeout, too large …
                Throwable cause = failedWith(ack);
                if (FailureClassifier.refusedForGood(cause)) {
                    markFailed(connection, row, cause);
                    blockedSubjects.add(row.subjectKey());
                    continue;
                }
                failure = cause;
                break; // nothing after a failed send goes out in this pass
            }
            acks.add(ack);
            sent.add(row);
        }
        List<OutboxRow> acknowledged = new ArrayList<>(sent.size());
        boolean again = false;
        for (int i = 0; i < acks.size(); i++) {
            long left = deadline - System.nanoTime();
            try {
                acks.get(i).get(Math.max(0, left), TimeUnit.NANOSECONDS);
                acknowledged.add(sent.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            } catch (TimeoutException e) {
                failure = new TimeoutException("outbox pass deadline " + passDeadline + " reached awaiting acks");
                break;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (FailureClassifier.refusedForGood(cause)) { // refused by the broker: the next pass goes on after it
                    markFailed(connection, sent.get(i), cause);
                    again = true;
                } else {
                    failure = cause;
                }
                break; // stop at the first failed acknowledgement: nothing after it is marked
            }
        }
        Instant at = Instant.now();
        if (Log.isDebugEnabled() && !acknowledged.isEmpty()) {
            Log.debugf("Outbox relay sent %d event(s) in %d ms; the oldest was written %d ms ago", acknowledged.size(),
                    (System.nanoTime() - started) / 1_000_000, Duration.between(acknowledged.get(0).createdAt(), at).toMillis());
        }
        return new Sent(acknowledged, at, failure, again || !blockedSubjects.isEmpty());
    }

    private void markFailed(Connection connection, OutboxRow row, Throwable cause) throws SQLException {
        store.markFailed(connection, row, cause);
        Log.errorf("Outbox event %s (%s, subject %s) can never be sent and is marked failed; later events of the"
                + " subject wait behind it: %s", row.id(), row.type(), row.key(), FailureClassifier.describe(cause));
    }

    private static Throwable failedWith(Future<?> done) {
        try {
            done.get(0, TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (TimeoutException | RuntimeException e) {
            return e;
        }
    }

    /** The producer, created when first needed (no network I/O until the first send). */
    KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = kafka.producer("outbox-relay-" + UUID.randomUUID());
        }
        return producer;
    }

    /**
     * The producer's own mean time from a produce request sent to its response (kafka-clients' {@code producer-metrics}
     * {@code request-latency-avg}, ms, over its last 30 s windows): the broker's part of a send, without the relay and
     * sender threads' hand-offs. NaN without a producer or a request yet.
     */
    double requestLatencyAvgMillis() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            return Double.NaN;
        }
        for (var metric : p.metrics().entrySet()) {
            if (metric.getKey().name().equals("request-latency-avg") && metric.getKey().group().equals("producer-metrics")) {
                return metric.getValue().metricValue() instanceof Double value ? value : Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** After a failed pass: replaces the producer if the failure left it unusable. */
    void afterFailure(Throwable failure) {
        if (FailureClassifier.producerUnusable(failure)) {
            Log.warnf("Outbox producer is unusable, creating a new one: %s", FailureClassifier.describe(failure));
            close();
        }
    }

    void close() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                Log.debug("Closing the outbox producer failed", e);
            }
            producer = null;
        }
    }
}
