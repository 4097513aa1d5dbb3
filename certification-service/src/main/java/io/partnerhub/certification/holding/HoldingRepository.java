package io.partnerhub.certification.holding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.partnerhub.certification.domain.HoldingStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class HoldingRepository implements PanacheRepositoryBase<CertificationHolding, UUID> {

    public List<CertificationHolding> ofCandidate(String candidateId) {
        return list("candidateId", Sort.by("earnedAt").and("id"), candidateId);
    }

    public List<CertificationHolding> ofCandidate(String candidateId, int page, int size) {
        return find("candidateId", Sort.by("earnedAt").and("id"), candidateId).page(Page.of(page, size)).list();
    }

    public long countOfCandidate(String candidateId) {
        return count("candidateId", candidateId);
    }

    /** The holding, locked for the rest of the transaction (renewal and revocation serialise on it). */
    public CertificationHolding lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Up to {@code limit} ACTIVE holdings whose expiry has been reached, locked; rows another sweep holds are skipped,
     * so two instances sweeping at once take different holdings.
     */
    @SuppressWarnings("unchecked")
    public List<CertificationHolding> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM certification_holding WHERE status = :status"
                + " AND expires_at <= :now ORDER BY expires_at, id LIMIT :limit FOR UPDATE SKIP LOCKED", CertificationHolding.class)
                .setParameter("status", HoldingStatus.ACTIVE.name())
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }
}
