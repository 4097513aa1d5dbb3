package io.partnerhub.competency.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.query.NativeQuery;

import io.partnerhub.competency.domain.Metric;
import io.partnerhub.competency.projection.TypedRows;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class StatusRepository implements PanacheRepositoryBase<CompetencyStatus, CompetencyStatus.Key> {

    public List<CompetencyStatus> ofOrganization(String organizationId, int page, int size) {
        return find("organizationId", Sort.by("competencyId"), organizationId).page(Page.of(page, size)).list();
    }

    public long countOfOrganization(String organizationId) {
        return count("organizationId", organizationId);
    }

    /**
     * Up to {@code limit} statuses due for a time-driven look (next_check_at reached), locked FOR UPDATE SKIP LOCKED so
     * that two instances sweeping at once take different rows.
     */
    public List<Due> lockDue(Instant now, int limit) {
        return TypedRows.query(getEntityManager(), "SELECT organization_id, competency_id FROM competency_status"
                + " WHERE next_check_at <= ?1 ORDER BY next_check_at LIMIT ?2 FOR UPDATE SKIP LOCKED", Due.class,
                "organization_id", "competency_id")
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    /** A status due for a time-driven look. */
    public record Due(String organizationId, String competencyId) {
    }

    /** A position in competency_status_by_version: the outdated rows of a competency after it are still to do. */
    public record Position(LocalDate effectiveFrom, String organizationId) {
        public static final Position START = new Position(LocalDate.of(1, 1, 1), "");
    }

    /**
     * Whether any status of the competency was evaluated under another version than the one effective from
     * {@code effectiveFrom}, locked or not: {@link #lockOutdated} skips rows another sweeper holds, so only this says
     * that a roll-out is finished (the other sweeper may still fail to re-evaluate what it locked).
     */
    public boolean anyOutdated(String competencyId, LocalDate effectiveFrom) {
        return !getEntityManager().createNativeQuery("SELECT 1 FROM competency_status WHERE competency_id = ?1"
                + " AND requirement_effective_from <> ?2 LIMIT 1")
                .setParameter(1, competencyId).setParameter(2, effectiveFrom).getResultList().isEmpty();
    }

    /**
     * Up to {@code limit} statuses of the competency after {@code after} (index order) still evaluated under a version
     * effective before (or, after the clock moved back, after) {@code effectiveFrom}, locked FOR UPDATE SKIP LOCKED: two
     * index ranges of competency_status_by_version, started at the position so that batch after batch never reads the
     * entries of the rows done before again.
     */
    public List<Position> lockOutdated(String competencyId, LocalDate effectiveFrom, Position after, int limit) {
        List<Position> rows = new ArrayList<>();
        if (after.effectiveFrom().isBefore(effectiveFrom)) {
            rows.addAll(positions("SELECT requirement_effective_from, organization_id"
                    + " FROM competency_status WHERE competency_id = ?1 AND (requirement_effective_from, organization_id) > (?3, ?4)"
                    + " AND requirement_effective_from < ?2"
                    + " ORDER BY competency_id, requirement_effective_from, organization_id LIMIT ?5 FOR UPDATE SKIP LOCKED")
                    .setParameter(1, competencyId).setParameter(2, effectiveFrom).setParameter(3, after.effectiveFrom())
                    .setParameter(4, after.organizationId()).setParameter(5, limit).getResultList());
        }
        if (rows.size() < limit && after.effectiveFrom().isAfter(effectiveFrom)) {
            rows.addAll(positions("SELECT requirement_effective_from, organization_id"
                    + " FROM competency_status WHERE competency_id = ?1 AND (requirement_effective_from, organization_id) > (?2, ?3)"
                    + " ORDER BY competency_id, requirement_effective_from, organization_id LIMIT ?4 FOR UPDATE SKIP LOCKED")
                    .setParameter(1, competencyId).setParameter(2, after.effectiveFrom()).setParameter(3, after.organizationId())
                    .setParameter(4, limit - rows.size()).getResultList());
        } else if (rows.size() < limit) {
            rows.addAll(positions("SELECT requirement_effective_from, organization_id"
                    + " FROM competency_status WHERE competency_id = ?1 AND requirement_effective_from > ?2"
                    + " ORDER BY competency_id, requirement_effective_from, organization_id LIMIT ?3 FOR UPDATE SKIP LOCKED")
                    .setParameter(1, competencyId).setParameter(2, effectiveFrom).setParameter(3, limit - rows.size())
                    .getResultList());
        }
        return rows;
    }

    private NativeQuery<Position> positions(String sql) {
        return TypedRows.query(getEntityManager(), sql, Position.class, "requirement_effective_from", "organization_id");
    }

    /**
     * Up to {@code limit} organisations with no status of the competency but facts for it: members holding a credential
     * of one of its skill sets, or figures of one of its metrics in the window (a version taking effect reaches them).
     */
    @SuppressWarnings("unchecked")
    public List<String> withFactsButNoStatus(String competencyId, List<String> skillSets, Set<Metric> metrics, LocalDate since,
            int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<String> organizations = new ArrayList<>();
        if (!skillSets.isEmpty()) {
            organizations.addAll(getEntityManager().createNativeQuery("SELECT DISTINCT h.organization_id FROM skill_holders h"
                    + " WHERE h.skill_set IN (:sets) AND h.holders > 0 AND NOT EXISTS (SELECT 1 FROM competency_status s"
                    + " WHERE s.organization_id = h.organization_id AND s.competency_id = :competency) LIMIT :limit")
                    .setParameter("sets", skillSets).setParameter("competency", competencyId).setParameter("limit", limit)
                    .getResultList());
        }
        if (!metrics.isEmpty() && organizations.size() < limit) {
            for (Object organization : getEntityManager().createNativeQuery("SELECT DISTINCT f.organization_id FROM performance_figure f"
                    + " WHERE f.metric IN (:metrics) AND f.period_end > :since AND NOT EXISTS (SELECT 1 FROM competency_status s"
                    + " WHERE s.organization_id = f.organization_id AND s.competency_id = :competency) LIMIT :limit")
                    .setParameter("metrics", metrics.stream().map(Metric::name).toList()).setParameter("since", since)
                    .setParameter("competency", competencyId).setParameter("limit", limit).getResultList()) {
                if (!organizations.contains(organization) && organizations.size() < limit) {
                    organizations.add((String) organization);
                }
            }
        }
        return organizations;
    }

    /** The statuses of the competency of these organisations, by organisation (one query; read-only, see {@link StatusWrites}). */
    public Map<String, CompetencyStatus> of(String competencyId, List<String> organizationIds) {
        Map<String, CompetencyStatus> rows = new HashMap<>();
        find("competencyId = ?1 and organizationId in ?2", competencyId, organizationIds)
                .withHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).list() // written by StatusWrites
                .forEach(s -> rows.put(s.organizationId, s));
        return rows;
    }

    /** The organisations of these whose advisory lock this transaction got (one statement; busy ones are left out). */
    @SuppressWarnings("unchecked")
    public List<String> tryLockOrganizations(List<String> organizationIds) {
        return getEntityManager().createNativeQuery("SELECT o FROM unnest(CAST(:ids AS text[])) AS o"
                + " WHERE pg_try_advisory_xact_lock(hashtext('competency-organization'), hashtext(o))")
                .setParameter("ids", organizationIds.toArray(new String[0])).getResultList();
    }

    /** Serialises recomputation per organisation until the transaction ends; the sweep only tries. */
    public void lockOrganization(String organizationId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('competency-organization'), hashtext(?1))")
                .setParameter(1, organizationId).getSingleResult();
    }

    /** A candidate as read under its lock and its organisation's: the organisation now (if any) and its active credentials. */
    public record Candidate(java.util.Optional<String> organization, Set<String> credentials) {
    }

    /**
     * Issue 25: the candidate's lock (it serialises one candidate's events across the two consumers, membership and
     * certification, so that of a join and a credential applied at the same time the second always sees the first), then the locks of {@code organizationId} (if not null) and, if
     * {@code itsOrganization}, of the organisation the candidate belongs to (sorted as {@link StatusRecompute#lock} sorts
     * them: byte order), then the candidate's organisation and active credentials: three statements in one round trip
     * (PostgreSQL runs them one after the other, each with its own snapshot: each read sees everything committed under
     * the locks taken before it).
     */
    public Candidate lockCandidate(String candidateId, String organizationId, boolean itsOrganization) {
        return getEntityManager().unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtext('competency-candidate'), hashtext(?));"
                    + " SELECT pg_advisory_xact_lock(hashtext('competency-organization'), hashtext(o)) FROM (SELECT o FROM"
                    + " (SELECT CAST(? AS text) AS o UNION SELECT organization_id FROM employee WHERE ? AND candidate_id = ?) x"
                    + " WHERE o IS NOT NULL ORDER BY o COLLATE \"C\") sorted;"
                    + " SELECT (SELECT organization_id FROM employee WHERE candidate_id = ?),"
                    + " ARRAY(SELECT credential FROM credential WHERE candidate_id = ? AND active)")) {
                statement.setString(1, candidateId);
                statement.setString(2, organizationId);
                statement.setBoolean(3, itsOrganization);
                statement.setString(4, candidateId);
                statement.setString(5, candidateId);
                statement.setString(6, candidateId);
                statement.execute();
                statement.getMoreResults();
                statement.getMoreResults();
                try (java.sql.ResultSet row = statement.getResultSet()) {
                    row.next();
                    Set<String> credentials = new java.util.HashSet<>(java.util.Arrays.asList((String[]) row.getArray(2).getArray()));
                    return new Candidate(java.util.Optional.ofNullable(row.getString(1)), credentials);
                }
            }
        });
    }

    /** #26 {@link #lockOrganization} of each, in the order given (sorted by the caller), in one statement. */
    public void lockOrganizations(List<String> organizationIds) {
        getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('competency-organization'),"
                    + " hashtext(o)) FROM unnest(?::text[]) WITH ORDINALITY AS l(o, n)")) {
                lock.setArray(1, connection.createArrayOf("text", organizationIds.toArray()));
                try (java.sql.ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        // one row per lock taken
                    }
                }
            }
        });
    }

    public boolean tryLockOrganization(String organizationId) {
        Object locked = getEntityManager().createNativeQuery(
                "SELECT pg_try_advisory_xact_lock(hashtext('competency-organization'), hashtext(?1))")
                .setParameter(1, organizationId).getSingleResult();
        return Boolean.TRUE.equals(locked);
    }
}
