package io.partnerhub.chassis.snapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.partnerhub.chassis.events.DomainEvent;
import io.partnerhub.chassis.events.EventPublisher;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * #26 Publishes a producing service's snapshot through the outbox, part after part, a page of {@value #PAGE} rows per
 * transaction (each row read and its event written in the same transaction, so the event carries the row as
 * committed), then the completion event with the total. One snapshot at a time per instance (a single worker thread:
 * requests queue). Not a bean: each producing service's own {@code SnapshotWriter} makes one with its parts.
 */
public final class SnapshotPublisher {

    /** Rows per page (and per transaction). */
    public static final int PAGE = 1000;

    /** The completion event: the snapshot's id, the caller's reference, its own sequence number, the total before it. */
    @FunctionalInterface
    public interface Completion {
        DomainEvent completed(String snapshotId, String reference, long sequence, long total, Instant now);
    }

    private final Supplier<List<SnapshotPart>> parts;
    private final Completion completion;
    private final SnapshotRuns runs;
    private final EventPublisher events;
    private final DataSource dataSource;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "snapshot-writer");
        thread.setDaemon(true);
        return thread;
    });

    public SnapshotPublisher(Supplier<List<SnapshotPart>> parts, Completion completion, SnapshotRuns runs,
            EventPublisher events, DataSource dataSource, Clock clock) {
        this.parts = parts;
        this.completion = completion;
        this.runs = runs;
        this.events = events;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** At start: snapshots a stopped instance left running are marked FAILED (ask again; what was published stays valid). */
    public void abandonRunning() {
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

    public void stop() {
        worker.shutdownNow();
    }

    private void publish(SnapshotRuns.Run run) {
        String snapshotId = run.id().toString();
        AtomicLong sequence = new AtomicLong();
        try {
            for (SnapshotPart part : parts.get()) {
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
            QuarkusTransaction.requiringNew().run(() -> events.publish(completion.completed(snapshotId, run.reference(), total + 1,
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
        List<String> keys = new ArrayList<>();
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
}
