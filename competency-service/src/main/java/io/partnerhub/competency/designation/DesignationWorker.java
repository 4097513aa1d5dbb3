package io.partnerhub.competency.designation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.partnerhub.competency.config.CompetencyConfig;
import io.partnerhub.competency.rebuild.RebuildGate;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Issue 25 stage 8: the designation evaluation off the competency status's transaction. The consumers mark the
 * organisations they touch ({@link DesignationPending#mark}, in their transaction); after the commit this worker's one
 * thread evaluates each marked organisation in its own transaction: its lock (the consumers' lock, so one organisation is
 * evaluated by one transaction at a time, on any instance) and its marker read (one round trip), {@link DesignationEvaluation#refresh},
 * its writes and the marker's delete (one round trip), one commit. It first lets {@code partnerhub.competency.designation-worker-delay} (50 ms) pass after
 * the wake-up, so the status's readers get the CPU first and several events of one organisation are evaluated once. A
 * crash at any point leaves the marker; a marker whose transaction failed (database down)
 * is tried again after a backoff; the sweep (at start-up and every {@code partnerhub.competency.designation-worker-sweep})
 * evaluates every marker left. An organisation another instance evaluated meanwhile has no marker any more: skipped.
 * While the projections are rebuilt ({@link RebuildGate}) nothing is evaluated: the markers wait (the rebuild's end
 * evaluates every organisation, the markers then find nothing new).
 */
@ApplicationScoped
public class DesignationWorker {

    static final int SWEEP_PAGE = 500;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    @Inject
    DesignationPending pending;
    @Inject
    DesignationEvaluation evaluation;
    @Inject
    DesignationStore store;
    @Inject
    RebuildGate rebuild;
    @Inject
    CompetencyConfig config;

    /** Organisations handed over by committed transactions, not evaluated yet (guarded by itself). */
    private final Set<String> woken = new LinkedHashSet<>();
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean sweepDue;
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private volatile Thread thread;
    private volatile Consumer<String> beforeDelete;

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the worker's thread (at start-up; idempotent). */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        sweepDue = true; // the markers a crash (or a stop) left
        stopping = new CountDownLatch(1);
        Thread t = new Thread(this::loop, "designation-worker");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops the worker's thread (at shutdown; a benchmark that evaluates on its own thread); the markers stay. */
    public synchronized void stop() {
        running = false;
        stopping.countDown();
        synchronized (woken) {
            woken.clear();
        }
        Thread t = thread;
        thread = null;
        if (t != null) {
            signal.release();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Hands over organisations marked by a transaction that committed (called after its commit). */
    void wake(Collection<String> organizationIds) {
        if (!running) {
            return; // the markers stay: the sweep at start finds them
        }
        synchronized (woken) {
            woken.addAll(organizationIds);
        }
        signal.release();
    }

    /**
     * Test seam: {@code seam} runs after an evaluation, before its writes and its marker's delete are sent; throwing from it is a crash at that
     * point (the transaction rolls back, the marker stays). {@code null} clears it.
     */
    void beforeDelete(Consumer<String> seam) {
        beforeDelete = seam;
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                if (failures == 0) {
                    if (!signal.tryAcquire(config.designationWorkerSweep().toMillis(), TimeUnit.MILLISECONDS)) {
                        sweepDue = true;
                    } else if (!config.designationWorkerDelay().isZero()) { // the status's readers first; marks gather
                        stopping.await(config.designationWorkerDelay().toMillis(), TimeUnit.MILLISECONDS);
                    }
                } else { // a commit does not cut a backoff short
                    stopping.await(Math.min(MAX_BACKOFF.toMillis(), 100L << Math.min(failures - 1, 6)), TimeUnit.MILLISECONDS);
                }
                signal.drainPermits();
                if (!running) {
                    break;
                }
                if (rebuild.deferring()) { // the markers wait for the rebuild's end
                    continue;
                }
                pass();
                failures = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                failures++;
                sweepDue = true; // what failed is still marked: the sweep after the backoff finds it
                Log.warnf("Designation evaluation failed, retrying in a moment: %s", e.toString());
            }
        }
    }

    /** The organisations handed over, then (when due) every marker: each evaluated in its own transaction. */
    private void pass() {
        List<String> organizations;
        synchronized (woken) {
            organizations = new ArrayList<>(woken);
            woken.clear();
        }
        boolean sweep = sweepDue;
        sweepDue = false;
        RuntimeException failed = null;
        for (String organizationId : organizations) {
            try {
                evaluate(organizationId);
            } catch (RuntimeException e) { // still marked: the sweep after the backoff tries it again; the others go on
                failed = failed == null ? e : failed;
            }
        }
        if (sweep || failed != null) {
            int evaluated = sweep();
            if (evaluated > 0) {
                Log.infof("Designation worker: %d organisations evaluated from markers left", evaluated);
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * Evaluates every marked organisation now, one transaction each, on the calling thread (the worker's sweep; tests);
     * returns how many were evaluated. An organisation whose evaluation fails keeps its marker and does not stop the
     * others; the first failure is thrown at the end (the worker backs off, then sweeps again).
     */
    public int sweep() {
        int evaluated = 0;
        RuntimeException failed = null;
        String after = null;
        List<String> page;
        do {
            String from = after;
            page = QuarkusTransaction.requiringNew().call(() -> pending.marked(from, SWEEP_PAGE));
            for (String organizationId : page) {
                try {
                    if (evaluate(organizationId)) {
                        evaluated++;
                    }
                } catch (RuntimeException e) { // one organisation that fails must not hold up the markers after it
                    failed = failed == null ? e : failed;
                }
                after = organizationId;
            }
        } while (page.size() == SWEEP_PAGE && running);
        if (failed != null) {
            throw failed;
        }
        return evaluated;
    }

    /**
     * The organisation's designations, in a transaction of their own: its lock, its marker (none: evaluated meanwhile,
     * nothing to do), the evaluation, the marker deleted. Returns whether it was evaluated (not while the projections
     * are rebuilt: the marker waits).
     */
    public boolean evaluate(String organizationId) {
        if (rebuild.deferring()) {
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            var marker = pending.lockAndFind(organizationId); // issue #25: the lock and the read, one round trip
            if (marker.isEmpty()) {
                return false;
            }
            DesignationStore.Writes writes = new DesignationStore.Writes();
            evaluation.refresh(organizationId, marker.get().factsChanged(), writes);
            Consumer<String> seam = beforeDelete;
            if (seam != null) {
                seam.accept(organizationId);
            }
            pending.delete(writes, marker.get()); // with the evaluation's writes: one round trip
            store.write(writes);
            return true;
        });
    }
}
