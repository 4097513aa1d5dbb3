package io.partnerhub.chassis.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.InjectableInstance;

/** The {@code inbox_event} table: the event ids each consumer has applied, for de-duplication. */
@ApplicationScoped
class InboxStore {

    private static final String INSERT = "INSERT INTO inbox_event (consumer, event_id, processed_at)"
            + " VALUES (?, ?, now()) ON CONFLICT DO NOTHING";
    private static final String INSERT_ALL = "INSERT INTO inbox_event (consumer, event_id, processed_at)"
            + " SELECT ?, unnest(?::text[]), now() ON CONFLICT DO NOTHING RETURNING event_id";
    private static final String CLEANUP = "DELETE FROM inbox_event WHERE processed_at < ?";

    private final InjectableInstance<DataSource> dataSources;

    InboxStore(InjectableInstance<DataSource> dataSources) {
        this.dataSources = dataSources;
    }

    /** Is there a datasource for the inbox? */
    boolean available() {
        return dataSources.isResolvable() && !dataSources.listActive().isEmpty();
    }

    /**
     * In the caller's transaction: records that {@code consumer} applies {@code eventId}; false when it had already
     * (a second instance inserting the same row at once waits for the first one's commit).
     */
    boolean record(String consumer, String eventId) throws SQLException {
        try (Connection connection = dataSources.get().getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * In the caller's transaction, in one statement: records that {@code consumer} applies each of {@code eventIds}
     * (distinct); returns those it had not applied before (the rest were, or are being applied by another instance,
     * which this statement then waits for, as {@link #record} does).
     */
    Set<String> recordAll(String consumer, Collection<String> eventIds) throws SQLException {
        Set<String> fresh = new HashSet<>();
        try (Connection connection = dataSources.get().getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getString(1));
                }
            }
        }
        return fresh;
    }

    int deleteProcessedBefore(Instant cutoff) throws SQLException {
        try (Connection connection = dataSources.get().getConnection();
                PreparedStatement delete = connection.prepareStatement(CLEANUP)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        }
    }
}
