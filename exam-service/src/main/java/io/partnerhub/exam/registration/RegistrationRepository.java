package io.partnerhub.exam.registration;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    public List<Registration> ofCandidateAndExam(String candidateId, String examCode) {
        return list("candidateId = ?1 and examCode = ?2", candidateId, examCode);
    }

    /** Serialises bookings of one candidate for one exam (pending-registration and voucher checks) until commit. */
    public void lockCandidateExam(String candidateId, String examCode) {
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "exam-registration:" + candidateId + ":" + examCode)
                .getSingleResult();
    }
}
