package io.partnerhub.exam.holding;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CertificationHoldingRepository implements PanacheRepositoryBase<CertificationHolding, String> {

    /** Holdings of the candidate earned with the exam (any status). */
    public List<CertificationHolding> earnedWith(String candidateId, String examCode) {
        return list("select distinct h from CertificationHolding h join h.examCodes c where h.candidateId = ?1 and c = ?2",
                candidateId, examCode);
    }
}
