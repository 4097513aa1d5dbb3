package io.partnerhub.certification.holding;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.certification.config.CertificationConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * C4: expiry happens on time without anyone asking. Every partnerhub.certification.sweep-interval (1s in %test) the
 * sweep reads the clock and expires every overdue holding in batches of sweep-batch-size, one transaction each, until
 * none is left (so catching up after downtime or a clock jump is bounded per transaction, complete per run). Two
 * instances may sweep at once: FOR UPDATE SKIP LOCKED gives each batch to one of them.
 */
@ApplicationScoped
public class ExpirySweep {

    private final HoldingService holdings;
    private final CertificationConfig config;

    public ExpirySweep(HoldingService holdings, CertificationConfig config) {
        this.holdings = holdings;
        this.config = config;
    }

    @Scheduled(identity = "certification-expiry", every = "${partnerhub.certification.sweep-interval:60s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int batchSize = Math.max(1, config.sweepBatchSize());
        try {
            int total = 0;
            int expired;
            do {
                expired = holdings.expireDue(batchSize);
                total += expired;
            } while (expired == batchSize);
            if (total > 0) {
                Log.infof("Expiry sweep: %d holdings expired", total);
            }
        } catch (RuntimeException e) {
            Log.warnf("Expiry sweep failed, will retry: %s", e.toString());
        }
    }
}
