package io.partnerhub.competency.status;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.competency.competency.RequirementCatalogue;
import io.partnerhub.competency.config.CompetencyConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * K4 time-driven changes: every partnerhub.competency.sweep-interval (1s in %test) the sweep reads the clock and
 * re-evaluates, in batches of sweep-batch-size (one transaction each, FOR UPDATE SKIP LOCKED), every status whose
 * valid-until is reached or whose counted expiry enters the at-risk horizon, and every status evaluated under a
 * version no longer in effect. After downtime or a clock jump it catches up: batches repeat until one comes back short.
 */
@ApplicationScoped
public class StatusSweep {

    private final StatusService status;
    private final RequirementCatalogue catalogue;
    private final CompetencyConfig config;

    public StatusSweep(StatusService status, RequirementCatalogue catalogue, CompetencyConfig config) {
        this.status = status;
        this.catalogue = catalogue;
        this.config = config;
    }

    @Scheduled(identity = "competency-status-sweep", every = "${partnerhub.competency.sweep-interval:60s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int batchSize = Math.max(1, config.sweepBatchSize());
        try {
            catalogue.indexSkillSets();
            int total = 0;
            int done;
            do {
                done = status.sweep(batchSize);
                total += done;
            } while (done == batchSize);
            if (total > 0) {
                Log.infof("Competency sweep: %d statuses re-evaluated", total);
            }
        } catch (RuntimeException e) {
            Log.warnf("Competency sweep failed, will retry: %s", e.toString());
        }
    }
}
