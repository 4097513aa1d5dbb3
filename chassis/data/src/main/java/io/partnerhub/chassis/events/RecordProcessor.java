package io.partnerhub.chassis.events;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.quarkus.logging.Log;

/**
 * What one consumer does with one record: parse it, apply it ({@link InboxApplier}), and on failure decide by
 * {@link FailureClassifier#toWaitOut} whether to wait it out (uncounted) or count the attempt; after
 * {@code max-attempts} counted attempts, or at once for an unparseable record, dead-letter it ({@link DeadLetterWriter}).
 */
record RecordProcessor(String consumer, InboxApplier applier, List<InfrastructureProbe> probes,
        DeadLetterWriter deadLetters, InboxConfig config) {

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
