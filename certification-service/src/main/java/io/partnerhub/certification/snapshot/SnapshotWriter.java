package io.partnerhub.certification.snapshot;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.chassis.snapshot.SnapshotPublisher;
import io.partnerhub.chassis.snapshot.SnapshotRuns;
import io.quarkus.runtime.StartupEvent;

/** #26 certification-service's snapshot ({@link SnapshotParts}), published by the chassis {@link SnapshotPublisher}. */
@ApplicationScoped
public class SnapshotWriter {

    private final SnapshotRuns runs;
    private final SnapshotPublisher publisher;

    public SnapshotWriter(SnapshotParts parts, EventPublisher events, AgroalDataSource dataSource, Clock clock) {
        this.runs = new SnapshotRuns(dataSource);
        this.publisher = new SnapshotPublisher(parts::all, parts::completed, runs, events, dataSource, clock);
    }

    void onStart(@Observes StartupEvent start) {
        publisher.abandonRunning();
    }

    /** Records the request and publishes the snapshot in the background; {@code reference} null: the snapshot's id. */
    public SnapshotRuns.Run request(String reference) {
        return publisher.request(reference);
    }

    public Optional<SnapshotRuns.Run> find(UUID id) {
        return runs.find(id);
    }

    @PreDestroy
    void stop() {
        publisher.stop();
    }
}
