package io.partnerhub.chassis.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import io.quarkus.logging.Log;

/**
 * The partitions of one consumer that wait out a transient failure: sought back to the failed record and paused for
 * a {@link Backoff} that grows with the failures in a row, resumed when it is over, forgotten once a record of theirs
 * applies. The reasons are what readiness reports. Used by the consumer's thread only (the reasons by any).
 */
final class HeldPartitions {

    private final String consumer;
    private final Backoff backoff;
    private final Map<TopicPartition, Long> pausedUntil = new HashMap<>();
    private final Map<TopicPartition, Integer> streak = new HashMap<>();
    /** Partitions waiting out a transient failure, with the reason (read by the readiness check). */
    private final Map<TopicPartition, String> retrying = new ConcurrentHashMap<>();

    HeldPartitions(String consumer, Backoff backoff) {
        this.consumer = consumer;
        this.backoff = backoff;
    }

    /** Why the consumer is waiting out a transient failure, or null when it is not. */
    String retryingReason() {
        return retrying.isEmpty() ? null : retrying.entrySet().iterator().next().getValue();
    }

    /** A new Kafka consumer has no paused partitions. */
    void newConsumer() {
        pausedUntil.clear();
    }

    /** Seek back to the failed record and pause its partition for the back-off of its failures in a row. */
    void holdBack(KafkaConsumer<byte[], byte[]> kafka, TopicPartition tp, long offset, Throwable failure) {
        int failures = streak.merge(tp, 1, Integer::sum);
        Duration wait = backoff.after(failures);
        String reason = "transient failure on " + tp + "@" + offset + " (retry " + failures + ", next in " + wait
                + "): " + FailureClassifier.describe(failure);
        retrying.put(tp, reason);
        Log.warnf("Consumer %s: %s", consumer, reason);
        kafka.seek(tp, offset);
        kafka.pause(List.of(tp));
        pausedUntil.put(tp, System.nanoTime() + wait.toNanos());
    }

    /** A record of the partition applied (or was dead-lettered): it no longer waits. */
    void moved(TopicPartition tp) {
        if (streak.remove(tp) != null) {
            retrying.remove(tp);
            Log.infof("Consumer %s recovered on %s", consumer, tp);
        }
    }

    /** Resumes the partitions whose back-off is over; forgets those no longer assigned. */
    void resumeDue(KafkaConsumer<byte[], byte[]> kafka) {
        if (pausedUntil.isEmpty()) {
            return;
        }
        Set<TopicPartition> assigned = kafka.assignment();
        pausedUntil.keySet().removeIf(tp -> !assigned.contains(tp));
        retrying.keySet().removeIf(tp -> !assigned.contains(tp));
        long now = System.nanoTime();
        List<TopicPartition> due = pausedUntil.entrySet().stream().filter(e -> e.getValue() - now <= 0)
                .map(Map.Entry::getKey).toList();
        if (!due.isEmpty()) {
            kafka.resume(due);
            due.forEach(pausedUntil::remove);
        }
    }
}
