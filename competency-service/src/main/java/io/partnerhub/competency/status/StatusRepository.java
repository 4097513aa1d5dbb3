package io.partnerhub.competency.status;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

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
    @SuppressWarnings("unchecked")
    public List<Object[]> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("SELECT organization_id, competency_id FROM competency_status"
                + " WHERE next_check_at <= ?1 ORDER BY next_check_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    /**
     * Up to {@code limit} statuses of the competency still evaluated under another version than {@code version} (a new
     * version took effect), locked FOR UPDATE SKIP LOCKED.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> lockOutdated(String competencyId, String version, int limit) {
        return getEntityManager().createNativeQuery("SELECT organization_id, competency_id FROM competency_status"
                + " WHERE competency_id = ?1 AND requirement_version <> ?2 LIMIT ?3 FOR UPDATE SKIP LOCKED")
                .setParameter(1, competencyId).setParameter(2, version).setParameter(3, limit).getResultList();
    }

    /** Serialises recomputation per organisation until the transaction ends; the sweep only tries. */
    public void lockOrganization(String organizationId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('competency-organization'), hashtext(?1))")
                .setParameter(1, organizationId).getSingleResult();
    }

    /**
     * Serialises the events of one candidate across the two consumers (membership and certification), so that of a
     * join and a credential applied at the same time the second one always sees the first.
     */
    public void lockCandidate(String candidateId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('competency-candidate'), hashtext(?1))")
                .setParameter(1, candidateId).getSingleResult();
    }

    public boolean tryLockOrganization(String organizationId) {
        Object locked = getEntityManager().createNativeQuery(
                "SELECT pg_try_advisory_xact_lock(hashtext('competency-organization'), hashtext(?1))")
                .setParameter(1, organizationId).getSingleResult();
        return Boolean.TRUE.equals(locked);
    }
}
