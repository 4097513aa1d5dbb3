package io.partnerhub.certification.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.certification.config.CertificationConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Issue 21: an attempt past its time limit is scored as submitted at its deadline (unanswered questions wrong), without
 * anyone asking. Runs with the expiry sweep's interval and batch size; FOR UPDATE SKIP LOCKED shares the work between
 * instances, and a candidate's own submission of the same attempt waits for the row (scored once).
 */
@ApplicationScoped
public class AttemptSweep {

    private final AttemptService attempts;
    private final CertificationConfig config;

    public AttemptSweep(AttemptService attempts, CertificationConfig config) {
        this.attempts = attempts;
        this.config = config;
    }

    @Scheduled(identity = "assessment-attempt-deadline", every = "${partnerhub.certification.sweep-interval:60s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int batchSize = Math.max(1, config.sweepBatchSize());
        try {
            int total = 0;
            int scored;
            do {
                scored = attempts.scoreDue(batchSize);
                total += scored;
            } while (scored == batchSize);
            if (total > 0) {
                Log.infof("Attempt sweep: %d attempts past their deadline scored", total);
            }
        } catch (RuntimeException e) {
            Log.warnf("Attempt sweep failed, will retry: %s", e.toString());
        }
    }
}
