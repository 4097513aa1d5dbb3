package io.partnerhub.chassis.testapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads what {@link WidgetHandler} applied. */
@ApplicationScoped
public class Effects {

    private final DataSource dataSource;

    public Effects(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int appliedFor(String subject) {
        return count("SELECT count(*) FROM test_effect WHERE subject = ?", subject);
    }

    /** Names of the subject's applied events in the order they were applied. */
    public List<String> appliedNames(String subject) {
        return strings("SELECT name FROM test_effect WHERE subject = ? ORDER BY id", subject);
    }

    public int distinctEventsApplied(String subject) {
        return count("SELECT count(DISTINCT event_id) FROM test_effect WHERE subject = ?", subject);
    }

    /** Trace ids the handler ran in for the subject's events. */
    public List<String> traceIds(String subject) {
        return strings("SELECT trace_id FROM test_effect WHERE subject = ? ORDER BY id", subject);
    }

    /** Dead letters (open or redriven) whose record key is the subject. */
    public int deadLetters(String subject) {
        return count("SELECT count(*) FROM dead_letter WHERE record_key = ?", subject);
    }

    public int openDeadLetters(String subject) {
        return count("SELECT count(*) FROM dead_letter WHERE record_key = ? AND redriven_at IS NULL", subject);
    }

    public String deadLetterId(String subject) {
        List<String> ids = strings("SELECT id::text FROM dead_letter WHERE record_key = ? ORDER BY dead_lettered_at", subject);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private List<String> strings(String sql, String value) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The failure recorded on the subject's outbox rows Kafka refused (null when none failed). */
    public String outboxFailure(String subject) {
        List<String> failures = strings("SELECT failure FROM outbox_event WHERE event_key = ? AND failed_at IS NOT NULL", subject);
        return failures.isEmpty() ? null : failures.get(0);
    }

    /** What operations do to skip a failed outbox row: mark it sent. Returns the rows changed. */
    public int skipFailedOutboxRows(String subject) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET sent_at = now() WHERE event_key = ? AND failed_at IS NOT NULL AND sent_at IS NULL")) {
            update.setString(1, subject);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int outboxRows(String subject) {
        return count("SELECT count(*) FROM outbox_event WHERE event_key = ?", subject);
    }

    public int inboxRows(String eventId) {
        return count("SELECT count(*) FROM inbox_event WHERE event_id = ?", eventId);
    }

    /** sent_at - created_at of the subject's outbox row in ms (-1 while unsent): write → acknowledged by Kafka. */
    public long relayLatencyMillis(String subject) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT extract(epoch FROM (sent_at - created_at)) * 1000 FROM outbox_event WHERE event_key = ?")) {
            query.setString(1, subject);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return -1;
                }
                double millis = rs.getDouble(1);
                return rs.wasNull() ? -1 : Math.round(millis);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql, String value) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
