package io.partnerhub.competency.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Issue 25: the status rows a recomputation or a sweep batch changed, written in one JDBC batch per kind (an insert for
 * the new ones, an update for the others, each checking and advancing {@code version} as Hibernate's optimistic lock
 * did). The rows are read read-only ({@link StatusRows#statuses}, {@link StatusRepository#of}): Hibernate
 * neither keeps a snapshot of their jsonb columns nor compares them at every flush, which cost most of the CPU of a
 * recomputation.
 */
@ApplicationScoped
public class StatusWrites {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS); // as Quarkus' own mapper writes them (ISO dates)

    private static final String COLUMNS = "level = ?, path = ?, at_risk = ?, reasons = CAST(? AS jsonb), attained_at = ?,"
            + " valid_until = ?, as_of = ?, requirement_version = ?, requirement_effective_from = ?,"
            + " requirements = CAST(? AS jsonb), next_check_at = ?, updated_at = ?";

    private final EntityManager em;

    public StatusWrites(EntityManager em) {
        this.em = em;
    }

    /** Inserts {@code created} (version 0) and updates {@code changed} (version checked, then advanced here too). */
    public void write(Collection<CompetencyStatus> created, Collection<CompetencyStatus> changed) {
        write(created, changed, List.of());
    }

    /**
     * As {@link #write(Collection, Collection)}, and appends {@code history} (issue #25: plain JDBC as the statuses, not
     * a persisted entity whose insert made a later native statement flush the persistence context).
     */
    public void write(Collection<CompetencyStatus> created, Collection<CompetencyStatus> changed, Collection<StatusChange> history) {
        if (created.isEmpty() && changed.isEmpty() && history.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            insert(connection, created);
            update(connection, changed);
            append(connection, history);
        });
    }

    private static void append(Connection connection, Collection<StatusChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO competency_status_change (id, organization_id,"
                + " competency_id, change, level, at_risk, reasons, requirements, valid_until, occurred_at, cause_event_id,"
                + " cause_event_type, published_event_id) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?, ?)")) {
            for (StatusChange change : changes) { // in the order of the transitions: seq keeps it
                insert.setObject(1, change.id);
                insert.setString(2, change.organizationId);
                insert.setString(3, change.competencyId);
                insert.setString(4, change.change.name());
                insert.setString(5, change.level.name());
                insert.setBoolean(6, change.atRisk);
                insert.setString(7, json(change.reasons));
                insert.setString(8, change.requirements == null ? null : json(change.requirements));
                insert.setObject(9, time(change.validUntil));
                insert.setObject(10, time(change.occurredAt));
                insert.setString(11, change.causeEventId);
                insert.setString(12, change.causeEventType);
                insert.setString(13, change.publishedEventId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insert(Connection connection, Collection<CompetencyStatus> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO competency_status (level, path, at_risk, reasons,"
                + " attained_at, valid_until, as_of, requirement_version, requirement_effective_from, requirements, next_check_at,"
                + " updated_at, organization_id, competency_id, version) VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?,"
                + " CAST(? AS jsonb), ?, ?, ?, ?, 0)")) {
            for (CompetencyStatus row : rows) {
                int next = bind(insert, row);
                insert.setString(next, row.organizationId);
                insert.setString(next + 1, row.competencyId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void update(Connection connection, Collection<CompetencyStatus> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE competency_status SET " + COLUMNS
                + ", version = version + 1 WHERE organization_id = ? AND competency_id = ? AND version = ?")) {
            for (CompetencyStatus row : rows) {
                int next = bind(update, row);
                update.setString(next, row.organizationId);
                update.setString(next + 1, row.competencyId);
                update.setLong(next + 2, row.version);
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            int i = 0;
            for (CompetencyStatus row : rows) {
                if (counts[i++] == 0) {
                    throw new OptimisticLockException("competency_status " + row.organizationId + "/" + row.competencyId
                            + " changed since it was read (version " + row.version + ")");
                }
                row.version++;
            }
        }
    }

    /** Binds the columns of {@link #COLUMNS}; returns the next parameter index. */
    private static int bind(PreparedStatement statement, CompetencyStatus row) throws SQLException {
        statement.setString(1, row.level.name());
        if (row.path == null) {
            statement.setNull(2, Types.INTEGER);
        } else {
            statement.setInt(2, row.path);
        }
        statement.setBoolean(3, row.atRisk);
        statement.setString(4, json(row.reasons));
        statement.setObject(5, time(row.attainedAt));
        statement.setObject(6, time(row.validUntil));
        statement.setObject(7, time(row.asOf));
        statement.setString(8, row.requirementVersion);
        statement.setObject(9, row.requirementEffectiveFrom);
        statement.setString(10, json(row.requirements));
        statement.setObject(11, time(row.nextCheckAt));
        statement.setObject(12, time(row.updatedAt));
        return 13;
    }

    private static java.time.OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status column not written as JSON", e);
        }
    }
}
