package io.partnerhub.certification.snapshot;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.partnerhub.chassis.events.EventPublisher;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * #26 Publishes a snapshot through the outbox, part after part ({@link SnapshotParts}), a page of
 * {@value #PAGE} rows per transaction (each row read and its event written in the same transaction, so the event
 * carries the row as committed), then the completion event with the total. One snapshot at a time per instance (a
 * single worker thread: requests queue).
 */
@ApplicationScoped
public class SnapshotWriter {

    static final int PAGE = 1000;

    private final SnapshotParts parts;
    private final SnapshotRuns runs;
    private final EventPublisher events;
    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "snapshot-writer");
        thread.setDaemon(true);
        return thread;
    });

    public SnapshotWriter(SnapshotParts parts, SnapshotRuns runs, EventPublisher events, AgroalDataSource dataSource,
            Clock clock) {
        this.parts = parts;
        this.runs = runs;
        this.events = events;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        if (runs.abandonRunning(clock.instant()) > 0) {
            Log.warn("A snapshot was being published when the service stopped: marked FAILED");
        }
    }

    /** Records the request and publishes the snapshot in the background; {@code reference} null: the snapshot's id. */
    public SnapshotRuns.Run request(String reference) {
        UUID id = UUID.randomUUID();
        SnapshotRuns.Run run = runs.start(id, reference == null ? id.toString() : reference, clock.instant());
        worker.submit(() -> publish(run));
        return run;
    }

    private void publish(SnapshotRuns.Run run) {
        String snapshotId = run.id().toString();
        AtomicLong sequence = new AtomicLong();
        try {
            for (SnapshotPart part : parts.all()) {
                String lastKey = "";
                int read;
                do {
                    String after = lastKey;
                    List<String> keys = QuarkusTransaction.requiringNew().call(() -> page(part, after, snapshotId, run.reference(), sequence));
                    read = keys.size();
                    if (read > 0) {
                        lastKey = keys.get(read - 1);
                    }
                    runs.progress(run.id(), sequence.get());
                } while (read == PAGE);
            }
            long total = sequence.get();
            QuarkusTransaction.requiringNew().run(() -> events.publish(parts.completed(snapshotId, run.reference(), total + 1,
                    total, clock.instant())));
            runs.done(run.id(), total + 1, clock.instant());
            Log.infof("Snapshot %s (reference %s) published: %d events", snapshotId, run.reference(), total + 1);
        } catch (Exception e) {
            Log.errorf(e, "Snapshot %s failed", snapshotId);
            runs.failed(run.id(), e.toString(), clock.instant());
        }
    }

    /** One page of a part in the caller's transaction: its events written to the outbox; the keys read, in order. */
    private List<String> page(SnapshotPart part, String after, String snapshotId, String reference, AtomicLong sequence)
            throws java.sql.SQLException {
        List<String> keys = new java.util.ArrayList<>();
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(part.pageSql())) {
            select.setString(1, after);
            select.setInt(2, PAGE);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                    events.publish(part.event().of(rows, new SnapshotPart.Marker(snapshotId, reference, sequence.incrementAndGet())));
                }
            }
        }
        return keys;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
