package io.partnerhub.chassis.events;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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
 * Offsets are committed asynchronously and at most every {@code partnerhub.inbox.commit-interval} (issue #25: a
 * synchronous commit after every record was a broker request and a blocking round trip per record and consumer group,
 * while a result's chain is CPU-bound on 2 cores): the applied offsets wait in {@code pending} and go with the next
 * commit that is due, checked after every poll (so an idle consumer commits within the interval plus a poll timeout),
 * when partitions are revoked and when the consumer stops (synchronously, bounded). Offsets are only a place to resume
 * reading, not the record of what was applied: the inbox is. A commit that is lost (a crash, a failed async commit, a
 * consumer rebuilt after a failure) only means records are read again, and the inbox skips them.
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
    private final Duration gatherFor;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong lag = new AtomicLong();
    /** Offsets applied but not committed yet (consumer thread only). */
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private long lastCommit; // System.nanoTime() of the last commit sent
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    InboxConsumer(String name, String topic, String groupId, RecordProcessor processor, KafkaClients kafka,
            InboxConfig config, Duration gatherFor) {
        this.gatherFor = gatherFor == null ? Duration.ZERO : gatherFor;
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
                    consumer = kafka.consumer(groupId, groupId + "-" + UUID.randomUUID(), config.sessionTimeout(), gatherFor);
                    consumer.subscribe(List.of(topic), new CommitOnRevoke());
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
                commitIfDue();
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
                closeConsumer(false);
            }
        }
        closeConsumer(true);
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
            pending.putAll(done); // after the database commits (or the dead-lettering) of these records
        }
    }

    /**
     * Sends the pending offsets when the last commit is at least {@code commit-interval} ago, without waiting for the
     * answer. When the group is rebalancing (another instance joined or left) a commit is refused; that is no reason to
     * restart the consumer (which would rebalance the group once more): the records are applied and their inbox rows
     * committed, so whichever instance reads them again skips them. A commit that fails otherwise puts its offsets back
     * unless newer ones are pending (the callback runs on this thread, in a later poll).
     */
    private void commitIfDue() {
        long now = System.nanoTime();
        if (pending.isEmpty() || now - lastCommit < config.commitInterval().toNanos()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(pending);
        pending.clear();
        lastCommit = now;
        consumer.commitAsync(offsets, (committed, failure) -> {
            if (failure instanceof RebalanceInProgressException || failure instanceof CommitFailedException) {
                Log.infof("Consumer %s: offsets %s not committed, the group is rebalancing (the records are applied; a"
                        + " re-read skips them): %s", name, offsets, failure.getMessage());
            } else if (failure != null) {
                Log.debugf("Consumer %s: offsets %s not committed, trying with the next commit: %s", name, offsets,
                        FailureClassifier.describe(failure));
                offsets.forEach(pending::putIfAbsent);
            }
        });
    }

    /** Commits what is pending now and waits (bounded): before partitions go to another member, and at a clean stop. */
    private void commitPendingNow(KafkaConsumer<byte[], byte[]> c) {
        if (pending.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(pending);
        pending.clear();
        try {
            c.commitSync(offsets, Duration.ofSeconds(2));
        } catch (RuntimeException e) { // rebalancing, broker away, woken up: a re-read is skipped by the inbox
            Log.infof("Consumer %s: offsets %s not committed (the records are applied; a re-read skips them): %s", name,
                    offsets, FailureClassifier.describe(e));
        }
    }

    /** Commits the pending offsets of the partitions this member is about to lose (on the consumer thread, in poll). */
    private final class CommitOnRevoke implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            KafkaConsumer<byte[], byte[]> c = consumer;
            if (c != null && partitions.stream().anyMatch(pending::containsKey)) {
                commitPendingNow(c);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }
    }

    /** Closes the consumer; {@code commitPending}: a clean stop commits what is pending first (else it is re-read). */
    private void closeConsumer(boolean commitPending) {
        KafkaConsumer<byte[], byte[]> c = consumer;
        consumer = null;
        if (c != null && commitPending) {
            commitPendingNow(c);
        }
        pending.clear();
        if (c != null) {
            try {
                c.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                Log.debug("Closing consumer failed", e);
            }
        }
    }
}
