package io.partnerhub.exam.events;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;
import io.partnerhub.exam.holding.CertificationHolding;
import io.partnerhub.exam.holding.CertificationHoldingRepository;
import io.partnerhub.exam.holding.HoldingStatus;
import io.quarkus.logging.Log;

/**
 * Learns certification holdings from certification-events so that E3 can block retakes of an exam while a
 * certification earned with it is active. Tolerant: unknown types and fields are ignored, events may arrive in any
 * order, replays are harmless (the chassis inbox drops duplicate ids; the updates are idempotent anyway).
 */
@ApplicationScoped
public class CertificationEventsHandler implements EventHandler {

    static final String TOPIC = "certification-events";

    private final CertificationHoldingRepository holdings;
    private final Clock clock;

    public CertificationEventsHandler(CertificationHoldingRepository holdings, Clock clock) {
        this.holdings = holdings;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        String type = event.type() == null ? "" : event.type();
        Instant now = clock.instant();
        switch (type) {
            case CertificationEarned.TYPE -> {
                CertificationEarned earned = event.dataAs(CertificationEarned.class);
                CertificationHolding holding = holding(earned.holdingId(), earned.candidateId(), earned.certificationId(), now);
                holding.earned(earned.certificationId(), earned.examCodes(), earned.earnedAt(), earned.expiresAt(), now);
                Log.infof("holding %s earned (certification %s, exams %s)", earned.holdingId(), earned.certificationId(), earned.examCodes());
            }
            case CertificationRenewed.TYPE -> {
                CertificationRenewed renewed = event.dataAs(CertificationRenewed.class);
                holding(renewed.holdingId(), renewed.candidateId(), renewed.certificationId(), now).renewed(renewed.expiresAt(), now);
                Log.infof("holding %s renewed until %s", renewed.holdingId(), renewed.expiresAt());
            }
            case CertificationEnded.EXPIRED_TYPE, CertificationEnded.REVOKED_TYPE -> {
                CertificationEnded ended = event.dataAs(CertificationEnded.class);
                HoldingStatus status = type.equals(CertificationEnded.EXPIRED_TYPE) ? HoldingStatus.EXPIRED : HoldingStatus.REVOKED;
                holding(ended.holdingId(), ended.candidateId(), ended.certificationId(), now).ended(status, now);
                Log.infof("holding %s %s", ended.holdingId(), status);
            }
            default -> Log.debugf("ignoring %s event %s", type, event.id());
        }
    }

    private CertificationHolding holding(String holdingId, String candidateId, String certificationId, Instant now) {
        if (holdingId == null || holdingId.isBlank() || candidateId == null || candidateId.isBlank()) {
            throw new IllegalArgumentException("certification event without holdingId or candidateId");
        }
        CertificationHolding holding = holdings.findById(holdingId);
        if (holding == null) {
            holding = new CertificationHolding(holdingId, candidateId, certificationId, now);
            holdings.persist(holding);
        }
        return holding;
    }
}
