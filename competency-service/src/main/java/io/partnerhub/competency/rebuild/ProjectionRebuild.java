package io.partnerhub.competency.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.competency.rebuild.RebuildStore.Producer;
import io.quarkus.logging.Log;

/**
 * #26 A rebuild of the projections from the producers' snapshots plus the live stream: {@link #start} drops the
 * projections (the gate closes first: no status is recomputed from them meanwhile) and fixes where its reader starts;
 * a worker then applies the snapshot events of this rebuild in batches ({@link SnapshotBatch}) until every producer's
 * last event has come and all its events are in, then {@link RebuildFinish} recounts and recomputes each organisation
 * once. The live consumers go on applying live events to the projections throughout (merged, never lost).
 */
@ApplicationScoped
public class ProjectionRebuild {

    /** The producers a rebuild waits for (CloudEvent sources). */
    static final List<String> PRODUCERS = List.of("/certification-service", "/membership-service");
    static final Duration IDLE_LIMIT = Duration.ofMinutes(15);

    private final RebuildStore store;
    private final RebuildGate gate;
    private final SnapshotBatch batch;
    private final RebuildFinish finish;
    private final Config config;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionRebuild(RebuildStore store, RebuildGate gate, SnapshotBatch batch, RebuildFinish finish, Config config,
            Clock clock) {
        this.store = store;
        this.gate = gate;
        this.batch = batch;
        this.finish = finish;
        this.config = config;
        this.clock = clock;
    }

    /** Starts a rebuild (409 when one is under way); its id is the reference the snapshots must be requested with. */
    public RebuildStore.Row start() {
        UUID id = UUID.randomUUID();
        RebuildStore.Row row = store.start(id, clock.instant()).orElseThrow(() -> new Conflict("rebuild-running",
                "Rebuild under way", "A projection rebuild is under way: "
                        + store.latest().map(r -> r.id().toString()).orElse("?")));
        gate.set(true);
        SnapshotIntake intake;
        try {
            finish.dropProjections();
            intake = new SnapshotIntake(config, id.toString());
        } catch (RuntimeException e) {
            store.failed(id, clock.instant(), e.toString());
            throw e;
        }
        Log.infof("Projection rebuild %s started: projections dropped, waiting for the snapshots of %s", id, PRODUCERS);
        worker.submit(() -> run(id, intake));
        return row;
    }

    public Optional<RebuildStore.Row> find(UUID id) {
        return store.find(id);
    }

    private void run(UUID id, SnapshotIntake intake) {
        try (intake) {
            Map<String, long[]> received = new TreeMap<>(); // producer → received, total (-1: not yet announced)
            PRODUCERS.forEach(p -> received.put(p, new long[] { 0, -1 }));
            long events = 0;
            long duplicates = 0;
            Instant lastEvent = clock.instant();
            while (!complete(received)) {
                List<CloudEvent> read = intake.next(Duration.ofMillis(500));
                if (read.isEmpty()) {
                    if (Duration.between(lastEvent, clock.instant()).compareTo(IDLE_LIMIT) > 0) {
                        throw new IllegalStateException("no snapshot event for " + IDLE_LIMIT.toMinutes() + " minutes: "
                                + progress(received));
                    }
                    continue;
                }
                lastEvent = clock.instant();
                SnapshotBatch.Outcome outcome = batch.apply(read);
                for (CloudEvent event : outcome.applied()) {
                    long[] count = received.computeIfAbsent(SnapshotEvents.PRODUCERS.get(event.type()), p -> new long[] { 0, -1 });
                    if (SnapshotEvents.completion(event.type())) {
                        count[1] = event.data().path("total").asLong(-1);
                    } else {
                        count[0]++;
                    }
                }
                events += outcome.applied().size();
                duplicates += outcome.duplicates();
                store.progress(id, progress(received), events, duplicates);
            }
            Log.infof("Projection rebuild %s: %d snapshot events applied, finishing", id, events);
            finish.finish(id);
        } catch (Exception e) {
            Log.errorf(e, "Projection rebuild %s failed", id);
            store.failed(id, clock.instant(), e.toString());
        }
    }

    private static boolean complete(Map<String, long[]> received) {
        return PRODUCERS.stream().allMatch(p -> received.get(p)[1] >= 0 && received.get(p)[0] >= received.get(p)[1]);
    }

    private static Map<String, Producer> progress(Map<String, long[]> received) {
        Map<String, Producer> progress = new TreeMap<>();
        received.forEach((producer, count) -> progress.put(producer, new Producer(count[0], count[1] < 0 ? null : count[1])));
        return progress;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
