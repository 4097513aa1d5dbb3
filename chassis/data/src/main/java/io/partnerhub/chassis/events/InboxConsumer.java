package io.partnerhub.chassis.events;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One consumer thread for one {@link EventHandler}: poll, de-duplicate through the inbox, apply in a transaction,
 * retry a bounded number of times, dead-letter what cannot be applied, commit offsets after the database commit.
 */
final class InboxConsumer {

    static final String DLQ_SUFFIX = ".dlq";
    private static final String INBOX_INSERT = "INSERT INTO inbox_event (consumer, event_id, processed_at)"
            + " VALUES (?, ?, now()) ON CONFLICT DO NOTHING";

    private final InboxConsumers owner;
    private final EventHandler handler;
    private final String name;
    private final String topic;
    private final String groupId;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    InboxConsumer(InboxConsumers owner, EventHandler handler, String name, String topic, String groupId) {
        this.owner = owner;
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

    void start() {
        running = true;
        thread = new Thread(this::loop, "inbox-" + topic);
        thread.setDaemon(true);
        thread.start();
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
                    consumer = owner.kafka().consumer(groupId, groupId + "-" + topic + "-" + UUID.randomUUID());
                    consumer.subscribe(List.of(topic));
                    if (!running) {
                        break; // a stop request raced the creation
                    }
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(owner.pollTimeout());
                if (!records.isEmpty()) {
                    processAndCommit(records);
                }
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

    private void processAndCommit(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (!running) {
                    break;
                }
                process(record);
                done.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
        } finally {
            if (!done.isEmpty()) {
                consumer.commitSync(done);
            }
        }
    }

    /** Applies one record or dead-letters it; throws only when even the dead-letter queue cannot take it. */
    void process(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        CloudEvent event;
        try {
            event = CloudEvent.parse(record.value() == null ? new byte[0] : record.value());
        } catch (IllegalArgumentException e) {
            Log.warnf("Unparseable record %s-%d@%d, sending to %s%s: %s", record.topic(), record.partition(),
                    record.offset(), record.topic(), DLQ_SUFFIX, e.getMessage());
            deadLetter(record, e);
            return;
        }
        Throwable last = null;
        for (int attempt = 1; attempt <= owner.maxAttempts(); attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!recordInInbox(event.id())) {
                        return false;
                    }
                    handler.handle(event);
                    return true;
                });
                if (applied) {
                    Log.debugf("Applied %s %s (subject %s)", event.type(), event.id(), event.subject());
                } else {
                    Log.debugf("Skipped duplicate %s %s", event.type(), event.id());
                }
                return;
            } catch (Throwable e) {
                last = e;
                Log.warnf("Attempt %d/%d to apply %s %s failed: %s", attempt, owner.maxAttempts(), event.type(),
                        event.id(), OutboxRelay.describe(e));
                if (attempt < owner.maxAttempts()) {
                    if (stopping.await(owner.retryBackoff().toMillis() * attempt, TimeUnit.MILLISECONDS)) {
                        throw new InterruptedException("stopping"); // not applied, offset not committed
                    }
                }
            }
        }
        Log.errorf("Giving up on %s %s after %d attempts, sending to %s%s", event.type(), event.id(),
                owner.maxAttempts(), record.topic(), DLQ_SUFFIX);
        deadLetter(record, last);
    }

    private boolean recordInInbox(String eventId) throws SQLException {
        try (Connection connection = owner.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(INBOX_INSERT)) {
            insert.setString(1, name);
            insert.setString(2, eventId);
            return insert.executeUpdate() == 1;
        }
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, Throwable error) {
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
            owner.dlqProducer().send(dlq).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            owner.resetDlqProducer();
            throw new IllegalStateException("cannot write to " + dlq.topic(), e);
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
