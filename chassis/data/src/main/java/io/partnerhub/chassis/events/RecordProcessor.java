package io.partnerhub.chassis.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

import io.quarkus.logging.Log;

/**
 * What one consumer does with one record: parse it, apply it ({@link InboxApplier}), and on failure decide by
 * {@link FailureClassifier#toWaitOut} whether to wait it out (uncounted) or count the attempt; after
 * {@code max-attempts} counted attempts, or at once for an unparseable record, dead-letter it ({@link DeadLetterWriter}).
 * Several records of one partition ({@link #processAll}) are first tried together in one transaction; when that fails
 * they take the one-record path above, one by one, so a batch never changes what becomes of a record.
 */
record RecordProcessor(String consumer, InboxApplier applier, List<InfrastructureProbe> probes,
        DeadLetterWriter deadLetters, InboxConfig config, InboxMetrics metrics) {

    /**
     * What became of records given to {@link #processAll}: the first {@code done} of them are applied (or
     * dead-lettered) and the partition moves past them; {@code toWaitOut} is the failure to wait out at the next one,
     * null when there is none (all done, or a stop was requested).
     */
    record Progress(int done, Throwable toWaitOut) {
    }

    /**
     * Applies records of one partition, in offset order. Several are applied in ONE transaction
     * ({@link InboxApplier#applyAll}); if it fails for any reason it is rolled back, and the records go through
     * {@link #process} one by one, each with its own counted attempts, dead-lettering and waits, as if the batch had
     * never been tried (its attempt is not counted). A single record goes straight to {@link #process}.
     *
     * @throws InterruptedException when {@code stopping} ends a wait between attempts (that record not applied)
     */
    Progress processAll(List<ConsumerRecord<byte[], byte[]>> records, CountDownLatch stopping)
            throws InterruptedException {
        if (records.size() > 1 && appliedTogether(records)) {
            return new Progress(records.size(), null);
        }
        for (int i = 0; i < records.size(); i++) {
            if (i > 0 && stopping.getCount() == 0) {
                return new Progress(i, null);
            }
            Throwable toWaitOut = process(records.get(i), stopping);
            if (toWaitOut != null) {
                return new Progress(i, toWaitOut);
            }
        }
        return new Progress(records.size(), null);
    }

    /** Whether the records were applied in one transaction; false (nothing applied) when one is unparseable or it failed. */
    private boolean appliedTogether(List<ConsumerRecord<byte[], byte[]>> records) {
        List<CloudEvent> events = new ArrayList<>(records.size());
        List<Headers> headers = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                events.add(KafkaRecords.event(record.value()));
            } catch (IllegalArgumentException e) {
                return false; // the one-record path dead-letters it
            }
            headers.add(record.headers());
        }
        ConsumerRecord<byte[], byte[]> first = records.get(0);
        try {
            applier.applyAll(events, headers);
            return true;
        } catch (Throwable e) {
            metrics.batchRolledBack(consumer);
            Log.infof("Batch of %d records %s-%d@%d..%d rolled back, applying them one by one: %s", records.size(),
                    first.topic(), first.partition(), first.offset(), records.get(records.size() - 1).offset(),
                    FailureClassifier.describe(e));
            return false;
        }
    }

    /**
     * Applies one record or dead-letters it. Returns null when the partition may move on, or the failure to wait out
     * before the record is tried again (it was neither applied nor dead-lettered): a transient one, or one met while
     * the database or the broker does not answer. Only the other attempts count towards {@code max-attempts}. A
     * dead-lettering that fails is waited out too, never dropped nor counted.
     *
     * @throws InterruptedException when {@code stopping} ends a wait between attempts (not applied, nothing committed)
     */
    Throwable process(ConsumerRecord<byte[], byte[]> record, CountDownLatch stopping) throws InterruptedException {
        CloudEvent event;
        try {
            event = KafkaRecords.event(record.value());
        } catch (IllegalArgumentException e) {
            Log.warnf("Unparseable record %s-%d@%d, dead-lettering it: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return deadLetter(record, null, e);
        }
        Throwable last = null;
        int maxAttempts = Math.max(1, config.maxAttempts());
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                applier.apply(event, record.headers());
                return null;
            } catch (Throwable e) {
                Throwable toWaitOut = FailureClassifier.toWaitOut(e, probes);
                if (toWaitOut != null) {
                    return toWaitOut;
                }
                last = e;
                Log.warnf("Attempt %d/%d to apply %s %s failed: %s", attempt, maxAttempts, event.type(), event.id(),
                        FailureClassifier.describe(e));
                if (attempt < maxAttempts
                        && stopping.await(config.retryBackoff().toMillis() * attempt, TimeUnit.MILLISECONDS)) {
                    throw new InterruptedException("stopping"); // not applied, offset not committed
                }
            }
        }
        Log.errorf("Giving up on %s %s after %d attempts, dead-lettering it", event.type(), event.id(), maxAttempts);
        return deadLetter(record, event, last);
    }

    /**
     * Null once dead-lettered, else the failure to wait out: the dead_letter row or the {@code .dlq} record could not
     * be written, said as met while the database or the broker does not answer when a probe says so.
     */
    private Throwable deadLetter(ConsumerRecord<byte[], byte[]> record, CloudEvent event, Throwable error) {
        Throwable failed = deadLetters.write(consumer, record, event, error);
        return failed == null ? null : FailureClassifier.notAnswering(failed, probes).orElse(failed);
    }
}
