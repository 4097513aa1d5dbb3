package io.partnerhub.certification.holding;

import java.util.function.IntUnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import io.partnerhub.certification.config.CertificationConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * C4: expiry happens on time without anyone asking. Every partnerhub.certification.sweep-interval (1s in %test) the
 * sweep reads the clock and expires every overdue holding in batches of sweep-batch-size, one transaction each, until
 * none is left (so catching up after downtime or a clock jump is bounded per transaction, complete per run). Two
 * instances may sweep at once: FOR UPDATE SKIP LOCKED gives each batch to one of them. The same sweep drains every
 * other {@link DueWork} (attempts past their deadline, issue 21).
 */
@ApplicationScoped
public class ExpirySweep {

    private final HoldingService holdings;
    private final Instance<DueWork> otherWork;
    private final CertificationConfig config;

    public ExpirySweep(HoldingService holdings, @Any Instance<DueWork> otherWork, CertificationConfig config) {
        this.holdings = holdings;
        this.otherWork = otherWork;
        this.config = config;
    }

    @Scheduled(identity = "certification-expiry", every = "${partnerhub.certification.sweep-interval:60s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        run("holdings expired", holdings::expireDue);
        otherWork.forEach(work -> run(work.done(), work::handleDue));
    }

    /** One kind of due work, drained; a failure is logged and retried at the next sweep, the other kinds still run. */
    private void run(String done, IntUnaryOperator batch) {
        try {
            int total = drain(config.sweepBatchSize(), batch);
            if (total > 0) {
                Log.infof("Sweep: %d %s", total, done);
            }
        } catch (RuntimeException e) {
            Log.warnf("Sweep (%s) failed, will retry: %s", done, e.toString());
        }
    }

    /**
     * Runs {@code batch} (each call one transaction handling up to the size it is given) until a batch handles fewer:
     * the whole backlog, bounded per transaction. Shared by the sweeps of this service.
     *
     * @return how many were handled in all
     */
    public static int drain(int batchSize, IntUnaryOperator batch) {
        int size = Math.max(1, batchSize);
        int total = 0;
        int handled;
        do {
            handled = batch.applyAsInt(size);
            total += handled;
        } while (handled == size);
        return total;
    }
}
