package io.partnerhub.competency.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.competency.domain.Metric;
import io.partnerhub.competency.domain.OrganizationFacts;
import io.partnerhub.competency.rebuild.SnapshotEvents.AssessmentPass;
import io.partnerhub.competency.rebuild.SnapshotEvents.Association;
import io.partnerhub.competency.rebuild.SnapshotEvents.CatalogueItem;
import io.partnerhub.competency.rebuild.SnapshotEvents.Figure;
import io.partnerhub.competency.rebuild.SnapshotEvents.Holding;
import io.partnerhub.competency.rebuild.SnapshotEvents.Organization;
import io.quarkus.logging.Log;

/**
 * Applies a batch of snapshot events in one transaction: the new ones (by event id, in the inbox of consumer
 * {@value #CONSUMER}: a retried snapshot event changes nothing) are upserted into the projections in JDBC batches, one
 * statement per kind. Each upsert merges with what the live stream wrote meanwhile, so neither order loses anything:
 * a holding stays ended once ended and keeps its latest expiry, an association and a figure keep the newest by time,
 * a passed assessment and an organisation are idempotent. No status is recomputed here (the rebuild's last step does
 * it once per organisation); the holdings' organisation is set there too, from the associations.
 */
@ApplicationScoped
public class SnapshotBatch {

    public static final String CONSUMER = "competency-service.projection-rebuild";

    private static final String HOLDING = "INSERT INTO credential (id, candidate_id, credential, expires_at, active, updated_at,"
            + " organization_id) VALUES (?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (id) DO UPDATE SET"
            + " active = credential.active AND excluded.active,"
            + " expires_at = CASE WHEN NOT (credential.active AND excluded.active) THEN credential.expires_at"
            + " WHEN credential.expires_at IS NULL OR excluded.expires_at IS NULL THEN NULL"
            + " ELSE greatest(credential.expires_at, excluded.expires_at) END,"
            + " updated_at = greatest(credential.updated_at, excluded.updated_at)";
    private static final String PASS = "INSERT INTO credential (id, candidate_id, credential, expires_at, active, updated_at,"
            + " organization_id) VALUES (?, ?, ?, NULL, true, ?, NULL) ON CONFLICT (id) DO NOTHING";
    private static final String ITEM = "INSERT INTO known_credential (credential, name, source, known_at, level) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (credential) DO UPDATE SET name = excluded.name, source = excluded.source, known_at = excluded.known_at,"
            + " level = coalesce(excluded.level, known_credential.level)"
            + " WHERE known_credential.name IS NULL OR known_credential.known_at <= excluded.known_at";
    private static final String ORGANIZATION = "INSERT INTO organization (id, mpn_id, name, registered_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET mpn_id = excluded.mpn_id, name = excluded.name";
    private static final String ASSOCIATION = "INSERT INTO employee (candidate_id, organization_id, user_id, since) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (candidate_id) DO UPDATE SET organization_id = excluded.organization_id, user_id = excluded.user_id,"
            + " since = excluded.since WHERE employee.since <= excluded.since";
    private static final String FIGURE = "INSERT INTO performance_figure (organization_id, metric, period_start, period_end, value,"
            + " reported_at, source) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (organization_id, metric, period_start, period_end, source)"
            + " DO UPDATE SET value = excluded.value, reported_at = excluded.reported_at"
            + " WHERE performance_figure.reported_at <= excluded.reported_at";

    private final AgroalDataSource dataSource;

    public SnapshotBatch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The outcome of a batch: the events applied (new), per producer (CloudEvent source). */
    public record Outcome(List<CloudEvent> applied, int duplicates) {
    }

    /** Applies the new events of {@code events} (snapshot events of the running rebuild) in one transaction. */
    @Transactional
    public Outcome apply(List<CloudEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return new Outcome(List.of(), 0);
        }
        try (Connection connection = dataSource.getConnection()) {
            Set<String> fresh = record(connection, events);
            List<CloudEvent> applied = new ArrayList<>();
            try (Statements statements = new Statements(connection)) {
                for (CloudEvent event : events) {
                    if (!fresh.remove(event.id())) {
                        continue; // a duplicate, or the same id twice in this batch
                    }
                    try {
                        add(statements, event);
                        applied.add(event);
                    } catch (IllegalArgumentException | NullPointerException invalid) {
                        Log.warnf("Snapshot event %s (%s) skipped: %s", event.id(), event.type(), invalid.getMessage());
                        applied.add(event); // counted: it is part of the snapshot's total
                    }
                }
                statements.execute();
            }
            return new Outcome(applied, events.size() - applied.size());
        }
    }

    private static Set<String> record(Connection connection, List<CloudEvent> events) throws SQLException {
        Set<String> fresh = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inbox_event (consumer, event_id, processed_at)"
                + " SELECT ?, unnest(?::text[]), now() ON CONFLICT DO NOTHING RETURNING event_id")) {
            insert.setString(1, CONSUMER);
            insert.setArray(2, connection.createArrayOf("text", events.stream().map(CloudEvent::id).toArray()));
            try (var rows = insert.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getString(1));
                }
            }
        }
        return fresh;
    }

    private static void add(Statements s, CloudEvent event) throws SQLException {
        Instant at = event.time() != null ? event.time() : Instant.now();
        switch (event.type()) {
            case SnapshotEvents.HOLDING -> {
                Holding h = event.dataAs(Holding.class);
                PreparedStatement p = s.get(HOLDING);
                p.setString(1, id(h.holdingId(), "holdingId"));
                p.setString(2, id(h.candidateId(), "candidateId"));
                p.setString(3, id(h.certificationId(), "certificationId"));
                if (h.expiresAt() == null) {
                    p.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    p.setTimestamp(4, Timestamp.from(h.expiresAt()));
                }
                p.setBoolean(5, h.active());
                p.setTimestamp(6, Timestamp.from(at));
                p.addBatch();
            }
            case SnapshotEvents.ASSESSMENT_PASS -> {
                AssessmentPass a = event.dataAs(AssessmentPass.class);
                PreparedStatement p = s.get(PASS);
                String candidate = id(a.candidateId(), "candidateId");
                String assessment = id(a.assessmentId(), "assessmentId");
                p.setString(1, "assessment:" + candidate + ":" + assessment);
                p.setString(2, candidate);
                p.setString(3, "assessment:" + assessment);
                p.setTimestamp(4, Timestamp.from(a.passedAt() != null ? a.passedAt() : at));
                p.addBatch();
            }
            case SnapshotEvents.CATALOGUE_ITEM -> {
                CatalogueItem c = event.dataAs(CatalogueItem.class);
                id(c.id(), "id");
                PreparedStatement p = s.get(ITEM);
                p.setString(1, c.credential());
                p.setString(2, c.name());
                p.setString(3, event.type());
                p.setTimestamp(4, Timestamp.from(c.definedAt() != null ? c.definedAt() : at));
                p.setString(5, c.level() != null && c.level().length() <= 40 ? c.level() : null);
                p.addBatch();
            }
            case SnapshotEvents.ORGANIZATION -> {
                Organization o = event.dataAs(Organization.class);
                PreparedStatement p = s.get(ORGANIZATION);
                p.setString(1, id(o.organizationId(), "organizationId"));
                p.setString(2, o.mpnId());
                p.setString(3, o.name());
                p.setTimestamp(4, Timestamp.from(o.registeredAt() != null ? o.registeredAt() : at));
                p.addBatch();
            }
            case SnapshotEvents.ASSOCIATION -> {
                Association a = event.dataAs(Association.class);
                PreparedStatement p = s.get(ASSOCIATION);
                p.setString(1, id(a.candidateId(), "candidateId"));
                p.setString(2, a.organizationId() == null ? null : id(a.organizationId(), "organizationId"));
                p.setString(3, a.organizationId() == null ? null : a.userId());
                p.setTimestamp(4, Timestamp.from(a.since() != null ? a.since() : at));
                p.addBatch();
            }
            case SnapshotEvents.FIGURE -> {
                Figure f = event.dataAs(Figure.class);
                Metric metric = Metric.parse(f.metric()).orElseThrow(() -> new IllegalArgumentException("unknown metric"));
                if (f.value() == null || f.periodStart() == null || f.periodEnd() == null) {
                    throw new IllegalArgumentException("incomplete figure");
                }
                PreparedStatement p = s.get(FIGURE);
                p.setString(1, id(f.organizationId(), "organizationId"));
                p.setString(2, metric.name());
                p.setObject(3, f.periodStart());
                p.setObject(4, f.periodEnd());
                p.setBigDecimal(5, f.value());
                p.setTimestamp(6, Timestamp.from(f.reportedAt() != null ? f.reportedAt() : at));
                p.setString(7, f.source() == null ? OrganizationFacts.UNKNOWN_SOURCE : f.source());
                p.addBatch();
            }
            case SnapshotEvents.CERTIFICATION_COMPLETED, SnapshotEvents.MEMBERSHIP_COMPLETED -> {
                // the rebuild counts it (ProjectionRebuild): nothing to store
            }
            default -> throw new IllegalArgumentException("not a snapshot event");
        }
    }

    static String id(String value, String field) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("missing or over-long " + field);
        }
        return value;
    }

    /** One prepared statement per kind, executed as JDBC batches in a fixed order (organisations first). */
    static final class Statements implements AutoCloseable {

        private static final List<String> ORDER = List.of(ORGANIZATION, ASSOCIATION, ITEM, HOLDING, PASS, FIGURE);

        private final Connection connection;
        private final Map<String, PreparedStatement> prepared = new java.util.HashMap<>();

        Statements(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement get(String sql) throws SQLException {
            PreparedStatement statement = prepared.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                prepared.put(sql, statement);
            }
            return statement;
        }

        void execute() throws SQLException {
            for (String sql : ORDER) {
                PreparedStatement statement = prepared.get(sql);
                if (statement != null) {
                    statement.executeBatch();
                }
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : prepared.values()) {
                statement.close();
            }
        }
    }
}
