package io.partnerhub.chassis.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.InjectableInstance;

/**
 * The outbox rows the relay gave up on (a record Kafka refused for good: too large, an unknown topic), each holding back
 * the later rows of its subject; ops list them and, once the cause is fixed, release one for the relay to send again,
 * or skip it so that its subject goes on without it.
 */
@ApplicationScoped
class FailedOutboxRows {

    private static final String COLUMNS = "id, seq, topic, event_key, event_type, created_at, failed_at, failure,"
            + " (SELECT count(*) FROM outbox_event b WHERE b.sent_at IS NULL AND b.topic = o.topic"
            + "  AND b.event_key = o.event_key AND b.seq > o.seq) AS held_back";

    record FailedRow(UUID id, long seq, String topic, String key, String type, Instant createdAt, Instant failedAt,
            String failure, long heldBack) {
    }

    private final InjectableInstance<DataSource> dataSources;

    FailedOutboxRows(InjectableInstance<DataSource> dataSources) {
        this.dataSources = dataSources;
    }

    List<FailedRow> page(int page, int size) throws SQLException {
        try (Connection connection = dataSources.get().getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM outbox_event o WHERE sent_at IS NULL AND failed_at IS NOT NULL"
                        + " ORDER BY seq LIMIT ? OFFSET ?")) {
            query.setInt(1, size);
            query.setLong(2, (long) page * size);
            return read(query);
        }
    }

    long count() throws SQLException {
        try (Connection connection = dataSources.get().getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND failed_at IS NOT NULL");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Clears the failure so that the relay sends the row (and the rows it held back) on its next pass. */
    boolean release(UUID id) throws SQLException {
        try (Connection connection = dataSources.get().getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET failed_at = NULL, failure = NULL WHERE id = ? AND sent_at IS NULL"
                        + " AND failed_at IS NOT NULL")) {
            update.setObject(1, id);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Gives the row up for good: it is marked sent (it stays in the outbox, with its failure, until the cleanup), so the
     * rows of its subject it held back go on without it.
     */
    boolean skip(UUID id) throws SQLException {
        try (Connection connection = dataSources.get().getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET sent_at = now(), failure = 'skipped by ops: ' || failure WHERE id = ?"
                        + " AND sent_at IS NULL AND failed_at IS NOT NULL")) {
            update.setObject(1, id);
            return update.executeUpdate() == 1;
        }
    }

    private static List<FailedRow> read(PreparedStatement query) throws SQLException {
        List<FailedRow> list = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                list.add(new FailedRow(rows.getObject("id", UUID.class), rows.getLong("seq"), rows.getString("topic"),
                        rows.getString("event_key"), rows.getString("event_type"),
                        rows.getTimestamp("created_at").toInstant(), rows.getTimestamp("failed_at").toInstant(),
                        rows.getString("failure"), rows.getLong("held_back")));
            }
        }
        return list;
    }
}
