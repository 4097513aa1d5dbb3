package io.partnerhub.certification.share;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ShareCodeRepository implements PanacheRepositoryBase<ShareCode, String> {

    public List<ShareCode> ofCandidate(String candidateId, int page, int size) {
        return find("candidateId", Sort.by("createdAt").and("code"), candidateId).page(Page.of(page, size)).list();
    }

    public long countOfCandidate(String candidateId) {
        return count("candidateId", candidateId);
    }

    public long usable(String candidateId, Instant now) {
        return count("candidateId = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2)", candidateId, now);
    }

    /** Serialises share-code creation per candidate (the cap of usable codes), until the transaction ends. */
    public void lockCandidate(String candidateId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('share-code-candidate'), hashtext(:candidate))")
                .setParameter("candidate", candidateId)
                .getSingleResult();
    }
}
