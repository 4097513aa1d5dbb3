package io.partnerhub.competency.projection;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.partnerhub.competency.domain.Metric;
import io.partnerhub.competency.domain.OrganizationFacts;
import io.partnerhub.competency.domain.OrganizationFacts.Credential;
import io.partnerhub.competency.domain.OrganizationFacts.Figure;
import io.partnerhub.competency.domain.OrganizationFacts.Member;

/**
 * The projections built from membership and certification events (tables organization, employee, credential,
 * performance_figure). Every write is an idempotent upsert guarded by the event time where order matters, so a
 * duplicate or a late, older event changes nothing.
 */
@ApplicationScoped
public class Projections {

    private final EntityManager em;

    public Projections(EntityManager em) {
        this.em = em;
    }

    public void organizationRegistered(String organizationId, String mpnId, String name, Instant at) {
        em.createNativeQuery("INSERT INTO organization (id, mpn_id, name, registered_at) VALUES (?1, ?2, ?3, ?4)"
                + " ON CONFLICT (id) DO UPDATE SET mpn_id = excluded.mpn_id, name = excluded.name")
                .setParameter(1, organizationId).setParameter(2, mpnId).setParameter(3, name).setParameter(4, ts(at))
                .executeUpdate();
    }

    public boolean organizationKnown(String organizationId) {
        return !em.createNativeQuery("SELECT 1 FROM organization WHERE id = ?1 UNION ALL"
                + " SELECT 1 FROM competency_status WHERE organization_id = ?1 LIMIT 1")
                .setParameter(1, organizationId).getResultList().isEmpty();
    }

    /** The outcome of a membership event: whether it changed the association, and the organisation before. */
    public record Move(boolean changed, Optional<String> before) {
    }

    /**
     * employee.joined: the candidate now belongs to this organisation (and to no other: one at a time). Ignored when a
     * newer membership event of the candidate was applied already. Their holdings move with them (issue 25: in the same
     * statement).
     *
     * @param previous the organisation the candidate belongs to now, as read under the candidate's lock
     */
    public Move joined(String candidateId, String organizationId, String userId, Instant at, Optional<String> previous) {
        int changed = ((Number) em.createNativeQuery("WITH e AS (INSERT INTO employee (candidate_id, organization_id, user_id, since)"
                + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (candidate_id) DO UPDATE SET organization_id = excluded.organization_id,"
                + " user_id = excluded.user_id, since = excluded.since WHERE employee.since <= excluded.since RETURNING 1),"
                + " m AS (UPDATE credential SET organization_id = ?2 WHERE candidate_id = ?1 AND organization_id IS DISTINCT FROM ?2"
                + " AND EXISTS (SELECT 1 FROM e) RETURNING 1) SELECT count(*) FROM e")
                .setParameter(1, candidateId).setParameter(2, organizationId).setParameter(3, userId).setParameter(4, ts(at))
                .getSingleResult()).intValue();
        return new Move(changed == 1, previous);
    }

    /**
     * employee.left: the candidate stops counting for this organisation, unless they already belong to another one
     * (a newer association) or a newer event was applied. Returns whether anything changed. Their holdings leave with
     * them (issue 25: in the same statement).
     */
    public boolean left(String candidateId, String organizationId, Instant at) {
        return ((Number) em.createNativeQuery("WITH e AS (INSERT INTO employee (candidate_id, organization_id, user_id, since)"
                + " VALUES (?1, NULL, NULL, ?3) ON CONFLICT (candidate_id) DO UPDATE SET organization_id = NULL, user_id = NULL,"
                + " since = excluded.since WHERE employee.organization_id = ?2 AND employee.since <= excluded.since RETURNING 1),"
                + " m AS (UPDATE credential SET organization_id = NULL WHERE candidate_id = ?1 AND organization_id IS NOT NULL"
                + " AND EXISTS (SELECT 1 FROM e) RETURNING 1) SELECT count(*) FROM e")
                .setParameter(1, candidateId).setParameter(2, organizationId).setParameter(3, ts(at)).getSingleResult()).intValue() == 1;
    }

    /** certification.earned: a new active holding; nothing when the holding is known (active, or ended: a tombstone). */
    public boolean earned(String holdingId, String candidateId, String certificationId, Instant expiresAt, Instant at) {
        return withInstant(em.createNativeQuery("INSERT INTO credential (id, candidate_id, credential, expires_at, active, updated_at, organization_id)"
                + " VALUES (?1, ?2, ?3, ?4, true, ?5, (SELECT organization_id FROM employee WHERE candidate_id = ?2)) ON CONFLICT (id) DO NOTHING"), 4, expiresAt)
                .setParameter(1, holdingId).setParameter(2, candidateId).setParameter(3, certificationId)
                .setParameter(5, ts(at)).executeUpdate() == 1;
    }

    /** certification.renewed: the later expiry of an active holding (an unknown one is taken as active). */
    public boolean renewed(String holdingId, String candidateId, String certificationId, Instant expiresAt, Instant at) {
        return withInstant(em.createNativeQuery("INSERT INTO credential (id, candidate_id, credential, expires_at, active, updated_at, organization_id)"
                + " VALUES (?1, ?2, ?3, ?4, true, ?5, (SELECT organization_id FROM employee WHERE candidate_id = ?2)) ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at,"
                + " updated_at = excluded.updated_at WHERE credential.active"
                + " AND credential.expires_at IS NOT NULL AND (excluded.expires_at IS NULL OR credential.expires_at < excluded.expires_at)"),
                4, expiresAt)
                .setParameter(1, holdingId).setParameter(2, candidateId).setParameter(3, certificationId)
                .setParameter(5, ts(at)).executeUpdate() == 1;
    }

    /** certification.expired/revoked: the holding ends; an unknown one is remembered ended (a tombstone). */
    public boolean ended(String holdingId, String candidateId, String certificationId, Instant at) {
        return em.createNativeQuery("INSERT INTO credential (id, candidate_id, credential, expires_at, active, updated_at, organization_id)"
                + " VALUES (?1, ?2, ?3, NULL, false, ?4, (SELECT organization_id FROM employee WHERE candidate_id = ?2)) ON CONFLICT (id) DO UPDATE SET active = false,"
                + " updated_at = excluded.updated_at WHERE credential.active")
                .setParameter(1, holdingId).setParameter(2, candidateId).setParameter(3, certificationId)
                .setParameter(4, ts(at)).executeUpdate() == 1;
    }

    /** assessment.passed: a passed assessment counts for good, as credential assessment:<id>. */
    public boolean assessmentPassed(String candidateId, String assessmentId, Instant at) {
        return em.createNativeQuery("INSERT INTO credential (id, candidate_id, credential, expires_at, active, updated_at, organization_id)"
                + " VALUES (?1, ?2, ?3, NULL, true, ?4, (SELECT organization_id FROM employee WHERE candidate_id = ?2)) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, "assessment:" + candidateId + ":" + assessmentId).setParameter(2, candidateId)
                .setParameter(3, "assessment:" + assessmentId).setParameter(4, ts(at)).executeUpdate() == 1;
    }

    /** A holding event as {@link #holding} applies it. */
    public enum HoldingEvent {
        /** As {@link #earned}. */
        EARNED(" ON CONFLICT (id) DO NOTHING"),
        /** As {@link #renewed}. */
        RENEWED(" ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at, updated_at = excluded.updated_at"
                + " WHERE credential.active AND credential.expires_at IS NOT NULL"
                + " AND (excluded.expires_at IS NULL OR credential.expires_at < excluded.expires_at)"),
        /** As {@link #ended}. */
        ENDED(" ON CONFLICT (id) DO UPDATE SET active = false, updated_at = excluded.updated_at WHERE credential.active"),
        /** As {@link #assessmentPassed} (the holding id and credential as it names them). */
        PASSED(" ON CONFLICT (id) DO NOTHING");

        private final String onConflict;

        HoldingEvent(String onConflict) {
            this.onConflict = onConflict;
        }
    }

    /**
     * Issue 25: a holding event applied as {@link #earned}, {@link #renewed}, {@link #ended} or {@link #assessmentPassed}
     * apply it, with the credential made known as {@link KnownCredentials#seen} does, in one round trip. Returns empty
     * when the event changed nothing, else whether the candidate holds the credential after it (by this holding or
     * another active one), so that the caller knows the candidate's credentials after it without reading them again.
     *
     * @param expiresAt null for ended and passed (and a holding that never expires)
     */
    public Optional<Boolean> holding(HoldingEvent event, String holdingId, String candidateId, String credential,
            Instant expiresAt, Instant at, String source) {
        boolean active = event != HoldingEvent.ENDED;
        return em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement("INSERT INTO known_credential"
                    + " (credential, source, known_at) VALUES (?, ?, ?) ON CONFLICT (credential) DO NOTHING;"
                    + " INSERT INTO credential (id, candidate_id, credential, expires_at, active, updated_at, organization_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, (SELECT organization_id FROM employee WHERE candidate_id = ?))" + event.onConflict
                    + " RETURNING credential.active OR EXISTS (SELECT 1 FROM credential other WHERE other.candidate_id = ?"
                    + " AND other.credential = ? AND other.active AND other.id <> ?)")) {
                statement.setString(1, credential);
                statement.setString(2, source);
                statement.setTimestamp(3, ts(at));
                statement.setString(4, holdingId);
                statement.setString(5, candidateId);
                statement.setString(6, credential);
                if (expiresAt == null) {
                    statement.setNull(7, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    statement.setTimestamp(7, ts(expiresAt));
                }
                statement.setBoolean(8, active);
                statement.setTimestamp(9, ts(at));
                statement.setString(10, candidateId);
                statement.setString(11, candidateId);
                statement.setString(12, credential);
                statement.setString(13, holdingId);
                statement.execute();
                statement.getMoreResults();
                try (java.sql.ResultSet row = statement.getResultSet()) {
                    return row.next() ? Optional.of(row.getBoolean(1)) : Optional.<Boolean>empty();
                }
            }
        });
    }

    /**
     * performance.reported: one figure per organisation, metric, period and reporting source; a newer report of it
     * replaces it (K2b reads the sources and the overlaps).
     */
    public boolean performanceReported(String organizationId, Metric metric, BigDecimal value, LocalDate periodStart,
            LocalDate periodEnd, String source, Instant at) {
        return em.createNativeQuery("INSERT INTO performance_figure (organization_id, metric, period_start, period_end, value,"
                + " reported_at, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                + " ON CONFLICT (organization_id, metric, period_start, period_end, source)"
                + " DO UPDATE SET value = excluded.value, reported_at = excluded.reported_at"
                + " WHERE performance_figure.reported_at <= excluded.reported_at")
                .setParameter(1, organizationId).setParameter(2, metric.name()).setParameter(3, periodStart)
                .setParameter(4, periodEnd).setParameter(5, value).setParameter(6, ts(at))
                .setParameter(7, source == null ? OrganizationFacts.UNKNOWN_SOURCE : source).executeUpdate() == 1;
    }

    /** One row of a member's active credentials: credential null for a member holding none. */
    public record MemberCredential(String candidateId, String credential, Instant expiresAt) {
    }

    /** One stored performance figure; a metric this version of the service does not know is skipped. */
    public record FigureRow(String metric, BigDecimal value, LocalDate periodStart, LocalDate periodEnd, String source,
            Instant reportedAt) {
    }

    /** The organisation's members with their active credentials, and its figures of the last 13 months. */
    public OrganizationFacts facts(String organizationId, LocalDate today) {
        Map<String, List<Credential>> members = new LinkedHashMap<>();
        List<MemberCredential> rows = TypedRows.query(em, "SELECT e.candidate_id, c.credential, c.expires_at FROM employee e"
                + " LEFT JOIN credential c ON c.candidate_id = e.candidate_id AND c.active"
                + " WHERE e.organization_id = ?1 ORDER BY e.candidate_id", MemberCredential.class,
                "candidate_id", "credential", "expires_at")
                .setParameter(1, organizationId).getResultList();
        for (MemberCredential row : rows) {
            List<Credential> credentials = members.computeIfAbsent(row.candidateId(), c -> new ArrayList<>());
            if (row.credential() != null) {
                credentials.add(new Credential(row.credential(), row.expiresAt()));
            }
        }
        List<Figure> figures = new ArrayList<>();
        List<FigureRow> figureRows = TypedRows.query(em, "SELECT metric, value, period_start, period_end, source, reported_at"
                + " FROM performance_figure WHERE organization_id = ?1 AND period_end > ?2", FigureRow.class, "metric", "value",
                "period_start", "period_end", "source", "reported_at")
                .setParameter(1, organizationId).setParameter(2, today.minusMonths(13)).getResultList();
        for (FigureRow row : figureRows) {
            Metric.parse(row.metric()).ifPresent(m -> figures.add(new Figure(m, row.value(), row.periodStart(), row.periodEnd(),
                    row.source(), row.reportedAt())));
        }
        List<Member> list = new ArrayList<>();
        members.forEach((candidate, credentials) -> list.add(new Member(candidate, credentials)));
        return new OrganizationFacts(list, figures);
    }

    /** Binds a nullable instant with its type, so that PostgreSQL gets a typed null. */
    @SuppressWarnings("unchecked")
    private static jakarta.persistence.Query withInstant(jakarta.persistence.Query query, int position, Instant value) {
        query.unwrap(org.hibernate.query.NativeQuery.class).setParameter(position, value, org.hibernate.type.StandardBasicTypes.INSTANT);
        return query;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
