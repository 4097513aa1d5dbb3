package io.partnerhub.exam.result;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.exam.domain.ExamProvider;
import io.partnerhub.exam.domain.PastAttempt;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AttemptRepository implements PanacheRepositoryBase<Attempt, UUID> {

    /** The idempotency key of a result (E5): a provider's result id is unique for that provider only. */
    public Optional<Attempt> byProviderResult(ExamProvider provider, String providerResultId) {
        return find("provider = ?1 and providerResultId = ?2", provider, providerResultId).firstResultOptional();
    }

    public Optional<Attempt> byRegistration(UUID registrationId) {
        return find("registrationId", registrationId).firstResultOptional();
    }

    /**
     * The candidate's attempts of the exam as the retake policy sees them (taken at, outcome), read as values, not as
     * entities: nothing to hydrate, keep a snapshot of or dirty-check at the flush (issue #26, a result's CPU).
     */
    public List<PastAttempt> pastAttempts(String candidateId, String examCode) {
        return getEntityManager().createQuery("select a.takenAt, a.status, a.passed from Attempt a"
                        + " where a.candidateId = ?1 and a.examCode = ?2", Object[].class)
                .setParameter(1, candidateId).setParameter(2, examCode)
                .getResultStream()
                .map(row -> new PastAttempt((Instant) row[0], Attempt.outcome((AttemptStatus) row[1], (Boolean) row[2])))
                .toList();
    }

    public List<Attempt> ofCandidate(String candidateId, String examCode, int page, int size) {
        Sort order = Sort.by("takenAt", Sort.Direction.Descending).and("id");
        var query = examCode == null
                ? find("candidateId", order, candidateId)
                : find("candidateId = ?1 and examCode = ?2", order, candidateId, examCode);
        return query.page(Page.of(page, size)).list();
    }

    public long countOfCandidate(String candidateId, String examCode) {
        return examCode == null ? count("candidateId", candidateId)
                : count("candidateId = ?1 and examCode = ?2", candidateId, examCode);
    }

    /** Withheld attempts of exams that went live on or before {@code liveOnOrBefore}. */
    public List<Attempt> withheldOfExamsLiveBy(LocalDate liveOnOrBefore, int limit) {
        return getEntityManager().createQuery("select a from Attempt a, Exam e where a.examCode = e.code"
                        + " and a.status = :withheld and (e.liveOn is null or e.liveOn <= :liveOn) order by a.recordedAt, a.id", Attempt.class)
                .setParameter("withheld", AttemptStatus.WITHHELD)
                .setParameter("liveOn", liveOnOrBefore)
                .setMaxResults(limit)
                .getResultList();
    }
}
