package io.partnerhub.exam.holding;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.exam.domain.CertificationCover;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CertificationHoldingRepository implements PanacheRepositoryBase<CertificationHolding, String> {

    /**
     * The candidate's holdings earned with the exam (any status), as the retake policy sees them, read as values in one
     * statement: no entity to snapshot and dirty-check at the flush, and no read of each holding's exam codes (an
     * eager collection: one more round trip per holding when read as entities; issue #25, a result's round trips).
     */
    public List<CertificationCover> coversEarnedWith(String candidateId, String examCode) {
        return getEntityManager().createQuery("select distinct h.holdingId, h.status, h.expiresAt from CertificationHolding h"
                        + " join h.examCodes c where h.candidateId = ?1 and c = ?2", Object[].class)
                .setParameter(1, candidateId).setParameter(2, examCode)
                .getResultStream()
                .map(row -> CertificationHolding.cover((String) row[0], (HoldingStatus) row[1], (Instant) row[2]))
                .toList();
    }
}
