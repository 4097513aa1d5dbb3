package io.partnerhub.chassis.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;

import io.quarkus.logging.Log;

/**
 * One consumer thread for one {@link EventHandler}: poll, process the records of each partition in offset order
 * ({@link RecordProcessor}: de-duplicate through the inbox, apply up to {@code batch-size} of them in one transaction,
 * record by record when that fails, or dead-letter), commit offsets after the database commit.
 * <p>
 * A failure the processor says to wait out (transient, or met while the database or the broker does not answer) holds
 * the partition back ({@link HeldPartitions}): sought back to the failed record and paused for a doubling, capped
 * back-off, so nothing later on that partition is applied before it, and the consumer reports itself retrying
 * (readiness DOWN). A consumer whose poll or commit fails is closed and built again after a back-off (500 ms doubling
 * to 10 s).
 */
final class InboxConsumer {

    private static final Backoff RESTART = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));

    private final String name;
    private final String topic;
    private final String groupId;
    private final RecordProcessor processor;
    private final KafkaClients kafka;
    private final InboxConfig config;
    private final HeldPartitions held;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong lag = new AtomicLong();
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    InboxConsumer(String name, String topic, String groupId, RecordProcessor processor, KafkaClients kafka,
            InboxConfig config) {
        this.name = name;
        this.topic = topic;
        this.groupId = groupId;
        this.processor = processor;
        this.kafka = kafka;
        this.config = config;
        this.held = new HeldPartitions(name, new Backoff(config.retryBackoff(), config.maxRetryBackoff()));
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
        return held.retryingReason();
    }

    void start() {
        running = true;
        thread = new Thread(this::loop, "inbox-" + topic + "-" + name.substring(name.lastIndexOf('.') + 1));
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
        int failures = 0;
        while (running) {
            try {
                if (failures > 0 && stopping.await(RESTART.after(failures).toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
                if (consumer == null) {
                    consumer = kafka.consumer(groupId, groupId + "-" + UUID.randomUUID(), config.sessionTimeout());
                    consumer.subscribe(List.of(topic));
                    held.newConsumer();
                    if (!running) {
                        break; // a stop request raced the creation
                    }
                }
                held.resumeDue(consumer);
                ConsumerRecords<byte[], byte[]> records = consumer.poll(config.pollTimeout());
                if (!records.isEmpty()) {
                    processAndCommit(records);
                }
                updateLag();
                failures = 0;
            } catch (WakeupException | InterruptedException e) {
                if (running) {
                    Log.debugf("Consumer of %s woken up while running", topic);
                }
            } catch (Throwable e) {
                if (!running) {
                    break;
                }
                failures++;
                Log.warnf("Consumer of %s failed, restarting in %s: %s", topic, RESTART.after(failures),
                        FailureClassifier.describe(e));
                closeConsumer();
            }
        }
        closeConsumer();
        Log.infof("Stopped consuming %s for %s", topic, name);
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
        int batchSize = Math.max(1, config.batchSize());
        try {
            for (TopicPartition tp : records.partitions()) {
                List<ConsumerRecord<byte[], byte[]>> partition = records.records(tp);
                for (int from = 0; from < partition.size(); from += batchSize) {
                    if (!running) {
                        return;
                    }
                    List<ConsumerRecord<byte[], byte[]>> batch = partition.subList(from,
                            Math.min(partition.size(), from + batchSize));
                    RecordProcessor.Progress progress = processor.processAll(batch, stopping);
                    if (progress.done() > 0) {
                        done.put(tp, new OffsetAndMetadata(batch.get(progress.done() - 1).offset() + 1));
                        held.moved(tp);
                    }
                    if (progress.toWaitOut() != null) {
                        held.holdBack(consumer, tp, batch.get(progress.done()).offset(), progress.toWaitOut());
                        break; // the rest of this partition waits behind the failed record
                    }
                    if (progress.done() < batch.size()) {
                        return; // stopping
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
}
