package io.partnerhub.competency.rebuild;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * The projection_rebuild table: one row per rebuild, its state and progress. Plain JDBC in its own short transactions
 * (autocommit), so progress shows while the batches run.
 */
@ApplicationScoped
public class RebuildStore {

    /** Per producer: events received and the total its last snapshot event announced (null until then). */
    public record Producer(long received, Long total) {

        boolean complete() {
            return total != null && received >= total;
        }
    }

    public record Row(UUID id, String state, Instant startedAt, Instant appliedAt, Instant finishedAt,
            Map<String, Producer> snapshots, long events, long duplicates, int organizations, int recomputed, String error) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, state, started_at, applied_at, finished_at, snapshots::text, events, duplicates,"
            + " organizations, recomputed, error";

    private final AgroalDataSource dataSource;

    public RebuildStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The latest rebuild did not complete (it runs, failed, or was cut short). */
    boolean projectionsIncomplete() {
        return latest().map(r -> r.state().equals("APPLYING") || r.state().equals("FAILED")).orElse(false);
    }

    /** Starts a rebuild; empty when one is under way (the unique index). */
    Optional<Row> start(UUID id, Instant now) {
        int inserted = update("INSERT INTO projection_rebuild (id, state, started_at) VALUES (?, 'APPLYING', ?)"
                + " ON CONFLICT DO NOTHING", id, Timestamp.from(now));
        return inserted == 1 ? find(id) : Optional.empty();
    }

    void progress(UUID id, Map<String, Producer> snapshots, long events, long duplicates) {
        update("UPDATE projection_rebuild SET snapshots = ?::jsonb, events = ?, duplicates = ?, last_event_at = now(),"
                + " first_event_at = coalesce(first_event_at, now()) WHERE id = ?", json(snapshots), events, duplicates, id);
    }

    void applied(UUID id, Instant now, int organizations) {
        update("UPDATE projection_rebuild SET state = 'FINISHING', applied_at = ?, organizations = ? WHERE id = ?",
                Timestamp.from(now), organizations, id);
    }

    void recomputed(UUID id, int recomputed) {
        update("UPDATE projection_rebuild SET recomputed = ? WHERE id = ?", recomputed, id);
    }

    void finished(UUID id, Instant now) {
        update("UPDATE projection_rebuild SET state = 'DONE', finished_at = ? WHERE id = ?", Timestamp.from(now), id);
    }

    void failed(UUID id, Instant now, String error) {
        update("UPDATE projection_rebuild SET state = 'FAILED', finished_at = ?, error = ? WHERE id = ?", Timestamp.from(now),
                error.length() > 500 ? error.substring(0, 500) : error, id);
    }

    /** A rebuild left under way by a stopped instance: failed (the projections stay incomplete until the next one). */
    int abandonRunning(Instant now) {
        return update("UPDATE projection_rebuild SET state = 'FAILED', finished_at = ?, error = 'interrupted: the service"
                + " stopped during the rebuild; run it again' WHERE state IN ('APPLYING', 'FINISHING')", Timestamp.from(now));
    }

    public Optional<Row> find(UUID id) {
        List<Row> rows = query("SELECT " + COLUMNS + " FROM projection_rebuild WHERE id = ?", id);
        return rows.stream().findFirst();
    }

    public Optional<Row> latest() {
        return query("SELECT " + COLUMNS + " FROM projection_rebuild ORDER BY started_at DESC LIMIT 1").stream().findFirst();
    }

    private int update(String sql, Object... parameters) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("projection_rebuild: " + e.getMessage(), e);
        }
    }

    private List<Row> query(String sql, Object... parameters) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Row> rows = new java.util.ArrayList<>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getObject(1, UUID.class), result.getString(2), instant(result.getTimestamp(3)),
                            instant(result.getTimestamp(4)), instant(result.getTimestamp(5)), snapshots(result.getString(6)),
                            result.getLong(7), result.getLong(8), result.getInt(9), result.getInt(10), result.getString(11)));
                }
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("projection_rebuild: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Map<String, Producer> snapshots(String json) {
        try {
            return JSON.readValue(json, JSON.getTypeFactory().constructMapType(java.util.TreeMap.class, String.class, Producer.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Producer> snapshots) {
        try {
            return JSON.writeValueAsString(snapshots);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
