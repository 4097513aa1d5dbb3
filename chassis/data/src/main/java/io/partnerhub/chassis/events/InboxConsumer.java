package io.partnerhub.chassis.events;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One consumer thread for one {@link EventHandler}: poll, de-duplicate through the inbox, apply in a transaction,
 * commit offsets after the database commit.
 * <p>
 * Failures are classified ({@link FailureClassifier}). A transient one, and an unknown one met while the database does
 * not answer {@link DatabaseProbe}, is waited out without limit and the attempt does not count:
 * the partition is sought back to the failed record and paused for a back-off (doubling, capped), so nothing later on
 * that partition is applied before it, and the consumer reports itself retrying (readiness DOWN). A deterministic
 * failure, or an unknown one while the database answers, counts: after {@code max-attempts} such attempts the record
 * is dead-lettered ({@code dead_letter} row and {@code <topic>.dlq} record) and the partition moves on.
 */
final class InboxConsumer {

    static final String DLQ_SUFFIX = ".dlq";
    private static final String INBOX_INSERT = "INSERT INTO inbox_event (consumer, event_id, processed_at)"
            + " VALUES (?, ?, now()) ON CONFLICT DO NOTHING";

    enum Outcome { APPLIED, DUPLICATE }

    private final InboxConsumers owner;
    private final DatabaseProbe probe;
    private final EventHandler handler;
    private final String name;
    private final String topic;
    private final String groupId;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Map<TopicPartition, Long> pausedUntil = new HashMap<>();
    private final Map<TopicPartition, Integer> transientStreak = new HashMap<>();
    /** Partitions waiting out a transient failure, with the reason (read by the readiness check). */
    private final Map<TopicPartition, String> retrying = new ConcurrentHashMap<>();
    private final AtomicLong lag = new AtomicLong();
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    InboxConsumer(InboxConsumers owner, DatabaseProbe probe, EventHandler handler, String name, String topic,
            String groupId) {
        this.owner = owner;
        this.probe = probe;
        this.handler = handler;
        this.name = name;
        this.topic = topic;
        this.groupId = groupId;
    }

    String name() {
        return name;
    }

    String topic() {
        return topic;
    }

    String groupId() {
        return groupId;
    }

    /** Records behind the end of the assigned partitions, as of the last poll. */
    long lag() {
        return lag.get();
    }

    boolean alive() {
        return thread != null && thread.isAlive();
    }

    /** Why the consumer is waiting out a transient failure, or null when it is not. */
    String retryingReason() {
        return retrying.isEmpty() ? null : retrying.entrySet().iterator().next().getValue();
    }

    void start() {
        running = true;
        thread = new Thread(this::loop, "inbox-" + topic + "-" + handlerSimpleName());
        thread.setDaemon(true);
        thread.start();
    }

    private String handlerSimpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    void requestStop() {
        running = false;
        stopping.countDown();
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    void awaitStop() {
        if (thread != null) {
            try {
                thread.join(5_000);
                if (thread.isAlive()) { // sleeping in a backoff: cut it short
                    thread.interrupt();
                    thread.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        Log.infof("Consuming %s for %s (group %s)", topic, name, groupId);
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                if (!backoff.isZero() && stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
                if (consumer == null) {
                    consumer = owner.kafka().consumer(groupId, groupId + "-" + UUID.randomUUID(),
                            owner.config().sessionTimeout());
                    consumer.subscribe(List.of(topic));
                    pausedUntil.clear();
                    if (!running) {
                        break; // a stop request raced the creation
                    }
                }
                resumeDue();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(owner.config().pollTimeout());
                if (!records.isEmpty()) {
                    processAndCommit(records);
                }
                updateLag();
                backoff = Duration.ZERO;
            } catch (WakeupException | InterruptedException e) {
                if (running) {
                    Log.debugf("Consumer of %s woken up while running", topic);
                }
            } catch (Throwable e) {
                if (!running) {
                    break;
                }
                backoff = backoff.isZero() ? Duration.ofMillis(500) : min(backoff.multipliedBy(2), Duration.ofSeconds(10));
                Log.warnf("Consumer of %s failed, restarting in %s: %s", topic, backoff, OutboxRelay.describe(e));
                closeConsumer();
            }
        }
        closeConsumer();
        Log.infof("Stopped consuming %s for %s", topic, name);
    }

    private void resumeDue() {
        if (pausedUntil.isEmpty()) {
            return;
        }
        Set<TopicPartition> assigned = consumer.assignment();
        pausedUntil.keySet().removeIf(tp -> !assigned.contains(tp));
        retrying.keySet().removeIf(tp -> !assigned.contains(tp));
        long now = System.nanoTime();
        List<TopicPartition> due = pausedUntil.entrySet().stream().filter(e -> e.getValue() - now <= 0)
                .map(Map.Entry::getKey).toList();
        if (!due.isEmpty()) {
            consumer.resume(due);
            due.forEach(pausedUntil::remove);
        }
    }

    private void updateLag() {
        long total = 0;
        for (TopicPartition tp : consumer.assignment()) {
            OptionalLong partitionLag = consumer.currentLag(tp);
            if (partitionLag.isPresent()) {
                total += partitionLag.getAsLong();
            }
        }
        lag.set(total);
    }

    private void processAndCommit(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try {
            for (TopicPartition tp : records.partitions()) {
                for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
                    if (!running) {
                        return;
                    }
                    Throwable toWaitOut = process(record);
                    if (toWaitOut != null) {
                        holdBack(tp, record, toWaitOut);
                        break; // the rest of this partition waits behind the failed record
                    }
                    done.put(tp, new OffsetAndMetadata(record.offset() + 1));
                    if (transientStreak.remove(tp) != null) {
                        retrying.remove(tp);
                        Log.infof("Consumer %s recovered on %s", name, tp);
                    }
                }
            }
        } finally {
            if (!done.isEmpty()) {
                commit(done); // after the database commits (or the dead-lettering) of these records
            }
        }
    }

    /**
     * Commits the offsets of applied records. When the group is rebalancing (another instance joined or left) the
     * commit is refused; that is no reason to restart the consumer (which would rebalance the group once more): the
     * records are applied and their inbox rows committed, so whichever instance reads them again skips them.
     */
    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        try {
            consumer.commitSync(done);
        } catch (RebalanceInProgressException | CommitFailedException e) {
            Log.infof("Consumer %s: offsets %s not committed, the group is rebalancing (the records are applied; a"
                    + " re-read skips them): %s", name, done, e.getMessage());
        }
    }

    /** Seek back to the failed record and pause its partition for a capped, doubling back-off. */
    private void holdBack(TopicPartition tp, ConsumerRecord<byte[], byte[]> record, Throwable failure) {
        int streak = transientStreak.merge(tp, 1, Integer::sum);
        Duration wait = min(owner.config().retryBackoff().multipliedBy(1L << Math.min(streak - 1, 16)),
                owner.config().maxRetryBackoff());
        String reason = "transient failure on " + tp + "@" + record.offset() + " (retry " + streak + ", next in "
                + wait + "): " + OutboxRelay.describe(failure);
        retrying.put(tp, reason);
        Log.warnf("Consumer %s: %s", name, reason);
        consumer.seek(tp, record.offset());
        consumer.pause(List.of(tp));
        pausedUntil.put(tp, System.nanoTime() + wait.toNanos());
    }

    /**
     * Applies one record or dead-letters it. Returns null when the partition may move on, or the failure to wait out
     * before the record is tried again (it was neither applied nor dead-lettered): a transient one, or one met while
     * the database does not answer. Only the other attempts count towards {@code max-attempts}.
     */
    Throwable process(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        CloudEvent event;
        try {
            event = CloudEvent.parse(record.value() == null ? new byte[0] : record.value());
        } catch (IllegalArgumentException e) {
            Log.warnf("Unparseable record %s-%d@%d, dead-lettering it: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return deadLetter(record, null, e);
        }
        Throwable last = null;
        int maxAttempts = Math.max(1, owner.config().maxAttempts());
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                apply(event, record.headers());
                return null;
            } catch (Throwable e) {
                Throwable toWaitOut = toWaitOut(e, probe);
                if (toWaitOut != null) {
                    return toWaitOut;
                }
                last = e;
                Log.warnf("Attempt %d/%d to apply %s %s failed: %s", attempt, maxAttempts, event.type(), event.id(),
                        OutboxRelay.describe(e));
                if (attempt < maxAttempts
                        && stopping.await(owner.config().retryBackoff().toMillis() * attempt, TimeUnit.MILLISECONDS)) {
                    throw new InterruptedException("stopping"); // not applied, offset not committed
                }
            }
        }
        Log.errorf("Giving up on %s %s after %d attempts, dead-lettering it", event.type(), event.id(), maxAttempts);
        return deadLetter(record, event, last);
    }

    /**
     * The failure to wait out, uncounted, or null when the attempt counts: transient failures are waited out without
     * asking, deterministic ones count without asking, and the probe decides for the others.
     */
    static Throwable toWaitOut(Throwable failure, DatabaseProbe probe) {
        return switch (FailureClassifier.classify(failure)) {
            case TRANSIENT -> failure;
            case DETERMINISTIC -> null;
            case UNKNOWN -> probe.notAnswering().<Throwable>map(why -> new DatabaseNotAnswering(why, failure)).orElse(null);
        };
    }

    /** Inbox insert and handler in one new transaction, inside a consumer span continuing the record's trace. */
    Outcome apply(CloudEvent event, Headers headers) {
        return owner.tracing().inConsumerSpan("consume " + topic + " " + event.type(), headers, () -> {
            Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
                if (!recordInInbox(event.id())) {
                    return Outcome.DUPLICATE;
                }
                handler.handle(event);
                return Outcome.APPLIED;
            });
            Log.debugf("%s %s %s (subject %s)", outcome == Outcome.APPLIED ? "Applied" : "Skipped duplicate",
                    event.type(), event.id(), event.subject()); // in the span: the line carries the traceId
            return outcome;
        });
    }

    /** Applies a dead letter again (ops redrive), marking it redriven in the same transaction. */
    Outcome redrive(DeadLetters.DeadLetter letter) {
        CloudEvent event = CloudEvent.parse(letter.value() == null ? new byte[0] : letter.value());
        Headers headers = new RecordHeaders();
        letter.headers().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return owner.tracing().inConsumerSpan("redrive " + topic + " " + event.type(), headers,
                () -> QuarkusTransaction.requiringNew().call(() -> {
                    owner.deadLetters().markRedriven(letter.id());
                    if (!recordInInbox(event.id())) {
                        return Outcome.DUPLICATE;
                    }
                    handler.handle(event);
                    return Outcome.APPLIED;
                }));
    }

    private boolean recordInInbox(String eventId) throws SQLException {
        try (Connection connection = owner.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(INBOX_INSERT)) {
            insert.setString(1, name);
            insert.setString(2, eventId);
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Records the dead letter (table, for listing and redrive) and copies the record to {@code <topic>.dlq}. Returns
     * null when both are done, else the failure (the record is retried later as a transient failure).
     */
    private Throwable deadLetter(ConsumerRecord<byte[], byte[]> record, CloudEvent event, Throwable error) {
        Throwable cause = rootCause(error);
        ProducerRecord<byte[], byte[]> dlq = new ProducerRecord<>(record.topic() + DLQ_SUFFIX, null, record.key(),
                record.value());
        for (Header header : record.headers()) {
            dlq.headers().add(header);
        }
        dlq.headers().add(header("dlq-error", String.valueOf(cause.getMessage())));
        dlq.headers().add(header("dlq-exception", cause.getClass().getName()));
        dlq.headers().add(header("dlq-original-topic", record.topic()));
        dlq.headers().add(header("dlq-original-partition", Integer.toString(record.partition())));
        dlq.headers().add(header("dlq-original-offset", Long.toString(record.offset())));
        dlq.headers().add(header("dlq-consumer", name));
        try {
            QuarkusTransaction.requiringNew().call(() -> {
                owner.deadLetters().record(name, record, dlq.headers(), event == null ? null : event.id(),
                        event == null ? null : event.type(), String.valueOf(cause.getMessage()), cause.getClass().getName());
                return null;
            });
        } catch (RuntimeException e) {
            Log.warnf("Cannot record the dead letter %s-%d@%d yet: %s", record.topic(), record.partition(),
                    record.offset(), OutboxRelay.describe(e));
            return e;
        }
        try {
            owner.dlqProducer().send(dlq).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            owner.resetDlqProducer();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new IllegalStateException("cannot write to " + dlq.topic(), e);
        }
        owner.deadLettered(name);
        return null;
    }

    /** A failure met while the database did not answer the probe: waited out like a transient one. */
    static final class DatabaseNotAnswering extends RuntimeException {
        DatabaseNotAnswering(String probe, Throwable failure) {
            super("database not answering (" + probe + ")", failure, false, false);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private void closeConsumer() {
        KafkaConsumer<byte[], byte[]> c = consumer;
        consumer = null;
        if (c != null) {
            try {
                c.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                Log.debug("Closing consumer failed", e);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
