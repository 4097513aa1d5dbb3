package io.partnerhub.competency.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Whether the projections are being refilled (#26): from a rebuild's start until its snapshots are applied and the
 * holders recounted, and after a rebuild that failed or was cut short by a restart (the projections are incomplete
 * until a rebuild completes), the event-driven recompute and the time-driven sweeps wait, so that no status is judged
 * from half-built facts. The statuses stay as they were meanwhile; the rebuild's last step recomputes every organisation
 * once. Read from projection_rebuild at startup and every few seconds (another instance's rebuild), set at once by this
 * instance's own. One rebuild runs on one instance; an instance that starts marks a rebuild left under way FAILED (run
 * with one instance during a rebuild).
 */
@ApplicationScoped
public class RebuildGate {

    private final RebuildStore store;
    private volatile boolean deferring;

    public RebuildGate(RebuildStore store) {
        this.store = store;
    }

    /** After Flyway: a rebuild this instance ran before it stopped is failed; then the gate is read. */
    void onStart(@Observes StartupEvent start) {
        if (store.abandonRunning(java.time.Instant.now()) > 0) {
            Log.warn("A projection rebuild was under way when the service stopped: marked FAILED");
        }
        deferring = store.projectionsIncomplete();
        if (deferring) {
            Log.warn("Projections incomplete (a rebuild did not complete): statuses are not recomputed until one does"
                    + " (POST /admin/projections/rebuild)");
        }
    }

    /** True while statuses must not be recomputed from the projections. */
    public boolean deferring() {
        return deferring;
    }

    void set(boolean deferring) {
        this.deferring = deferring;
    }

    @Scheduled(identity = "projection-rebuild-gate", every = "5s", delayed = "5s")
    void refresh() {
        try {
            deferring = store.projectionsIncomplete();
        } catch (RuntimeException e) {
            Log.debugf("Rebuild gate not refreshed: %s", e.toString());
        }
    }

    /** {@code @Scheduled(skipExecutionIf = RebuildGate.SweepsWait.class)}: a sweep skips its run while deferring. */
    @Singleton
    public static class SweepsWait implements Scheduled.SkipPredicate {

        private final RebuildGate gate;

        public SweepsWait(RebuildGate gate) {
            this.gate = gate;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return gate.deferring();
        }
    }
}
