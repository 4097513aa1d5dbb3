package io.partnerhub.chassis.snapshot;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * The snapshot_run table of a producing service (its own migration creates it): one row per snapshot requested, its
 * state and the events published so far (autocommit).
 */
public class SnapshotRuns {

    public record Run(UUID id, String reference, String state, Instant requestedAt, Instant finishedAt, long events,
            String error) {
    }

    private final DataSource dataSource;

    public SnapshotRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Run start(UUID id, String reference, Instant now) {
        update("INSERT INTO snapshot_run (id, reference, state, requested_at) VALUES (?, ?, 'RUNNING', ?)", id, reference,
                Timestamp.from(now));
        return find(id).orElseThrow();
    }

    public void progress(UUID id, long events) {
        update("UPDATE snapshot_run SET events = ? WHERE id = ?", events, id);
    }

    public void done(UUID id, long events, Instant now) {
        update("UPDATE snapshot_run SET state = 'DONE', events = ?, finished_at = ? WHERE id = ?", events, Timestamp.from(now), id);
    }

    public void failed(UUID id, String error, Instant now) {
        update("UPDATE snapshot_run SET state = 'FAILED', error = ?, finished_at = ? WHERE id = ?",
                error.length() > 500 ? error.substring(0, 500) : error, Timestamp.from(now), id);
    }

    /** Snapshots left running by a stopped instance: failed (ask again; what was published stays valid). */
    public int abandonRunning(Instant now) {
        return update("UPDATE snapshot_run SET state = 'FAILED', error = 'interrupted: the service stopped', finished_at = ?"
                + " WHERE state = 'RUNNING'", Timestamp.from(now));
    }

    public Optional<Run> find(UUID id) {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(
                "SELECT id, reference, state, requested_at, finished_at, events, error FROM snapshot_run WHERE id = ?")) {
            select.setObject(1, id);
            List<Run> runs = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp finished = rows.getTimestamp(5);
                    runs.add(new Run(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), finished == null ? null : finished.toInstant(), rows.getLong(6),
                            rows.getString(7)));
                }
            }
            return runs.stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("snapshot_run: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("snapshot_run: " + e.getMessage(), e);
        }
    }
}
