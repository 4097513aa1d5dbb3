package io.partnerhub.exam.registration;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    public List<Registration> ofCandidateAndExam(String candidateId, String examCode) {
        return list("candidateId = ?1 and examCode = ?2", candidateId, examCode);
    }

    /** A candidate's registrations, latest appointment first (the index on candidate_id, exam_code serves it). */
    public List<Registration> ofCandidate(String candidateId, int page, int size) {
        return find("candidateId", Sort.by("scheduledAt", Sort.Direction.Descending).and("id"), candidateId)
                .page(Page.of(page, size)).list();
    }

    public long countOfCandidate(String candidateId) {
        return count("candidateId", candidateId);
    }

    /** Serialises bookings of one candidate for one exam (pending-registration and voucher checks) until commit. */
    public void lockCandidateExam(String candidateId, String examCode) {
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "exam-registration:" + candidateId + ":" + examCode)
                .getSingleResult();
    }
}
