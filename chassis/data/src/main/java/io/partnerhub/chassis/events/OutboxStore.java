package io.partnerhub.chassis.events;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.InjectableInstance;

/**
 * The {@code outbox_event} table as the relay uses it: the pass's advisory lock and idle bound with the unsent rows in
 * {@code seq} order (one round trip) (none behind a failed row of their subject), marking rows sent (alone, or with the
 * next rows of a pass that goes on, one round trip) or failed, and the cleanup. Every
 * method but {@link #deleteSentBefore} runs on the pass's connection, in its transaction.
 */
@ApplicationScoped
class OutboxStore {

    /** {@code pg_try_advisory_xact_lock} key shared by every relay instance of one database. */
    static final long ADVISORY_LOCK_KEY = 0x5061727448756231L; // "PartHub1"

    /** Transaction-local setting that says whether this transaction took the advisory lock ({@link #lockAndSelect}). */
    static final String LOCKED = "partnerhub.relay_locked";

    private static final String SENDABLE_ROWS = "SELECT o.id, o.topic, o.event_key, o.event_type, o.payload, o.created_at,"
            + " o.traceparent FROM outbox_event o"
            + " WHERE current_setting('" + LOCKED + "') = 'true'"
            + " AND o.sent_at IS NULL AND o.failed_at IS NULL AND NOT EXISTS (SELECT 1 FROM outbox_event f"
            + "   WHERE f.sent_at IS NULL AND f.failed_at IS NOT NULL AND f.topic = o.topic AND f.event_key = o.event_key"
            + "   AND f.seq < o.seq)"
            + " ORDER BY o.seq LIMIT ? FOR UPDATE OF o SKIP LOCKED";
    private static final String LOCK_AND_SELECT = "SELECT set_config('idle_in_transaction_session_timeout', ?, true),"
            + " set_config('" + LOCKED + "', pg_try_advisory_xact_lock(?)::text, true)::boolean; " + SENDABLE_ROWS;
    private static final String MARK = "UPDATE outbox_event SET sent_at = ? WHERE id = ANY (?)";
    private static final String MARK_AND_SELECT = MARK + "; " + SENDABLE_ROWS;
    private static final String MARK_FAILED = "UPDATE outbox_event SET failed_at = ?, failure = ? WHERE id = ?";
    private static final String CLEANUP = "DELETE FROM outbox_event WHERE sent_at < ?";

    private final InjectableInstance<DataSource> dataSources;

    OutboxStore(InjectableInstance<DataSource> dataSources) {
        this.dataSources = dataSources;
    }

    /** Is there a datasource to publish from (a service without one publishes nothing)? */
    boolean available() {
        return dataSources.isResolvable() && !dataSources.listActive().isEmpty();
    }

    Connection connection() throws SQLException {
        return dataSources.get().getConnection();
    }

    /**
     * Should this instance lose its network in the middle of a pass, PostgreSQL would keep the session, and with it the
     * advisory lock, until TCP keep-alive notices (hours by default): no other instance could publish. A pass is never
     * idle in its transaction for longer than its deadline (awaiting acks), so PostgreSQL may end a session idle for
     * the transaction timeout. (A killed process closes its socket: its lock is free at once.)
     * <p>
     * So, in ONE round trip (issue #25: a committed row is on its way after one exchange with the database): bounds
     * the idle time of this transaction to {@code transactionTimeout} and tries the relay's transaction-scoped advisory
     * lock (first statement, which also records the outcome in the transaction-local setting {@value #LOCKED}), then
     * locks up to {@code batchSize} sendable rows in {@code seq} order (second statement, which selects nothing unless
     * that setting says the lock is held). The driver sends both statements before reading any answer; each gets its
     * own snapshot (READ COMMITTED), so the rows are read as of after the lock was taken, exactly as with two round
     * trips: the pass that held the lock before has committed, and its marks (sent, failed) are seen.
     *
     * @return the rows (possibly none) when the lock is held, {@code null} when another instance's pass holds it
     */
    List<OutboxRow> lockAndSelect(Connection connection, Duration transactionTimeout, int batchSize) throws SQLException {
        try (PreparedStatement pass = connection.prepareStatement(LOCK_AND_SELECT)) {
            pass.setString(1, Long.toString(Math.max(1000, transactionTimeout.toMillis())));
            pass.setLong(2, ADVISORY_LOCK_KEY);
            pass.setInt(3, batchSize);
            boolean locked;
            pass.execute();
            try (ResultSet rs = pass.getResultSet()) {
                locked = rs.next() && rs.getBoolean(2);
            }
            List<OutboxRow> rows = nextRows(pass);
            if (!locked && !rows.isEmpty()) { // cannot happen: the select is gated on the lock
                throw new SQLException("the relay selected rows without holding its lock");
            }
            return locked ? rows : null;
        }
    }

    /**
     * Marks {@code sent} sent at {@code at} and locks up to {@code batchSize} further sendable rows, in ONE round trip,
     * for a pass that goes on in the same transaction (it still holds the lock {@link #lockAndSelect} took): the select
     * sees the marks (same transaction), so it returns none of {@code sent}.
     */
    List<OutboxRow> markSentAndSelect(Connection connection, List<OutboxRow> sent, Instant at, int batchSize)
            throws SQLException {
        try (PreparedStatement pass = connection.prepareStatement(MARK_AND_SELECT)) {
            pass.setTimestamp(1, Timestamp.from(at));
            pass.setArray(2, ids(connection, sent));
            pass.setInt(3, batchSize);
            pass.execute();
            return nextRows(pass);
        }
    }

    /** The rows of the next result of {@code statement}, a {@link #SENDABLE_ROWS} select. */
    private static List<OutboxRow> nextRows(PreparedStatement statement) throws SQLException {
        if (!statement.getMoreResults()) {
            throw new SQLException("the relay's select returned no result set");
        }
        List<OutboxRow> rows = new ArrayList<>();
        try (ResultSet rs = statement.getResultSet()) {
            while (rs.next()) {
                rows.add(new OutboxRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)));
            }
        }
        return rows;
    }

    /** Marks {@code rows} sent at {@code at} (when Kafka had acknowledged them). */
    void markSent(Connection connection, List<OutboxRow> rows, Instant at) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(MARK)) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setArray(2, ids(connection, rows));
            update.executeUpdate();
        }
    }

    private static Array ids(Connection connection, List<OutboxRow> rows) throws SQLException {
        return connection.createArrayOf("uuid", rows.stream().map(OutboxRow::id).toArray());
    }

    void markFailed(Connection connection, OutboxRow row, Throwable cause) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            update.setString(2, cause.getClass().getName() + ": " + cause.getMessage());
            update.setObject(3, row.id());
            update.executeUpdate();
        }
    }

    /** Deletes rows sent before {@code cutoff}, in a connection of its own. */
    int deleteSentBefore(Instant cutoff) throws SQLException {
        try (Connection connection = connection(); PreparedStatement delete = connection.prepareStatement(CLEANUP)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        }
    }
}
