package io.partnerhub.certification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AttemptRepository implements PanacheRepositoryBase<AssessmentAttempt, UUID> {

    /** The attempt, locked for the rest of the transaction: a submission, the sweep and a provider serialise here. */
    public AssessmentAttempt lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<AssessmentAttempt> openOf(String candidateId, String bank) {
        return find("candidateId = ?1 and bank = ?2 and status <> ?3", candidateId, bank, AssessmentAttempt.Status.SCORED)
                .firstResultOptional();
    }

    public List<AssessmentAttempt> ofCandidate(String candidateId, int page, int size) {
        return find("candidateId", Sort.by("startedAt").descending().and("id"), candidateId).page(Page.of(page, size)).list();
    }

    public long countOfCandidate(String candidateId) {
        return count("candidateId", candidateId);
    }

    /** Up to {@code limit} delivered attempts past their deadline, locked; rows another sweep holds are skipped. */
    @SuppressWarnings("unchecked")
    public List<AssessmentAttempt> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM assessment_attempt WHERE status = 'IN_PROGRESS'"
                + " AND deadline <= :now ORDER BY deadline, id LIMIT :limit FOR UPDATE SKIP LOCKED", AssessmentAttempt.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }
}
