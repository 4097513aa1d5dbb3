package io.partnerhub.competency.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.competency.competency.RequirementCatalogue;
import io.partnerhub.competency.config.CompetencyConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * K4 time-driven changes: every partnerhub.competency.sweep-interval (1s in %test) the sweep reads the clock and
 * re-evaluates, in batches of sweep-batch-size (one transaction each, FOR UPDATE SKIP LOCKED plus organisation
 * try-locks), every status whose valid-until is reached or whose counted expiry enters the at-risk horizon, every
 * status evaluated under a version no longer in effect, and organisations with facts but no status for a version that
 * took effect. sweep-threads workers share the batches (as several instances would). After downtime or a clock jump it
 * catches up: each worker repeats batches ({@link SweepBatch}) until one comes back short.
 */
@ApplicationScoped
public class StatusSweep {

    private final SweepBatch batch;
    private final RequirementCatalogue catalogue;
    private final CompetencyConfig config;
    private final ExecutorService workers;

    public StatusSweep(SweepBatch batch, RequirementCatalogue catalogue, CompetencyConfig config) {
        this.batch = batch;
        this.catalogue = catalogue;
        this.config = config;
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.sweepThreads()), r -> {
            Thread thread = new Thread(r, "competency-sweep");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(identity = "competency-status-sweep", every = "${partnerhub.competency.sweep-interval:60s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = io.partnerhub.competency.rebuild.RebuildGate.SweepsWait.class) // #26
    void sweep() {
        try {
            int total = sweepNow();
            if (total > 0) {
                Log.infof("Competency sweep: %d statuses re-evaluated", total);
            }
        } catch (RuntimeException e) {
            Log.warnf("Competency sweep failed, will retry: %s", e.toString());
        }
    }

    /** One pass of every worker, each until a batch comes back short; returns how many statuses were re-evaluated. */
    public int sweepNow() {
        catalogue.indexSkillSets();
        int batchSize = Math.max(1, config.sweepBatchSize());
        List<Future<Integer>> running = new ArrayList<>();
        for (int i = 0; i < Math.max(1, config.sweepThreads()); i++) {
            running.add(workers.submit(() -> {
                int total = 0;
                int done;
                do {
                    done = batch.run(batchSize);
                    total += done;
                } while (done == batchSize);
                return total;
            }));
        }
        int total = 0;
        for (Future<Integer> worker : running) {
            try {
                total += worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return total;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
