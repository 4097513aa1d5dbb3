package io.partnerhub.exam.holding;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.partnerhub.exam.events.CertificationEarned;
import io.partnerhub.exam.events.CertificationEnded;
import io.partnerhub.exam.events.CertificationRenewed;
import io.quarkus.logging.Log;

/**
 * Keeps the certification holdings learnt from certification-events, so that E3 can block retakes of an exam while a
 * certification earned with it is active. Events may arrive in any order (a holding is created by whichever comes
 * first) and replays are harmless (the chassis inbox drops duplicate ids; the updates are idempotent anyway). Each
 * method runs in the consumer's transaction.
 */
@ApplicationScoped
public class HoldingService {

    private final CertificationHoldingRepository holdings;
    private final Clock clock;

    public HoldingService(CertificationHoldingRepository holdings, Clock clock) {
        this.holdings = holdings;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void earned(CertificationEarned earned) {
        Instant now = clock.instant();
        holding(earned.holdingId(), earned.candidateId(), earned.certificationId(), now)
                .earned(earned.certificationId(), earned.examCodes(), earned.earnedAt(), earned.expiresAt(), now);
        Log.infof("holding %s earned (certification %s, exams %s)", earned.holdingId(), earned.certificationId(), earned.examCodes());
    }

    @Transactional(TxType.MANDATORY)
    public void renewed(CertificationRenewed renewed) {
        Instant now = clock.instant();
        holding(renewed.holdingId(), renewed.candidateId(), renewed.certificationId(), now).renewed(renewed.expiresAt(), now);
        Log.infof("holding %s renewed until %s", renewed.holdingId(), renewed.expiresAt());
    }

    @Transactional(TxType.MANDATORY)
    public void expired(CertificationEnded ended) {
        end(ended, HoldingStatus.EXPIRED);
    }

    @Transactional(TxType.MANDATORY)
    public void revoked(CertificationEnded ended) {
        end(ended, HoldingStatus.REVOKED);
    }

    private void end(CertificationEnded ended, HoldingStatus status) {
        Instant now = clock.instant();
        holding(ended.holdingId(), ended.candidateId(), ended.certificationId(), now).ended(status, now);
        Log.infof("holding %s %s", ended.holdingId(), status);
    }

    private CertificationHolding holding(String holdingId, String candidateId, String certificationId, Instant now) {
        CertificationHolding holding = holdings.findById(holdingId);
        if (holding == null) {
            holding = new CertificationHolding();
            holding.holdingId = holdingId;
            holding.candidateId = candidateId;
            holding.certificationId = certificationId;
            holding.status = HoldingStatus.ACTIVE;
            holding.updatedAt = now;
            holdings.persist(holding);
        }
        return holding;
    }
}
