package io.partnerhub.competency.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;
import io.partnerhub.competency.events.InboundEvents.AssessmentDefined;
import io.partnerhub.competency.events.InboundEvents.AssessmentPassed;
import io.partnerhub.competency.events.InboundEvents.CertificationDefined;
import io.partnerhub.competency.events.InboundEvents.CertificationEarned;
import io.partnerhub.competency.events.InboundEvents.CertificationEnded;
import io.partnerhub.competency.events.InboundEvents.CertificationRenewed;
import io.partnerhub.competency.status.Cause;
import io.partnerhub.competency.status.CredentialFacts;
import io.quarkus.logging.Log;

/**
 * certification-events: a candidate's active certifications and passed assessments, and the catalogue's certification
 * and assessment ids, applied by {@link CredentialFacts}.
 */
@ApplicationScoped
public class CertificationEventsHandler implements EventHandler {

    public static final String TOPIC = "certification-events";

    private final CredentialFacts facts;

    public CertificationEventsHandler(CredentialFacts facts) {
        this.facts = facts;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        Cause cause = Cause.of(event);
        switch (event.type()) {
            case CertificationDefined.TYPE -> facts.certificationDefined(event.dataAs(CertificationDefined.class), cause);
            case AssessmentDefined.TYPE -> facts.assessmentDefined(event.dataAs(AssessmentDefined.class), cause);
            case CertificationEarned.TYPE -> facts.earned(event.dataAs(CertificationEarned.class), cause);
            case CertificationRenewed.TYPE -> facts.renewed(event.dataAs(CertificationRenewed.class), cause);
            case CertificationEnded.EXPIRED_TYPE, CertificationEnded.REVOKED_TYPE ->
                    facts.ended(event.dataAs(CertificationEnded.class), cause);
            case AssessmentPassed.TYPE -> facts.assessmentPassed(event.dataAs(AssessmentPassed.class), cause);
            default -> Log.debugf("certification event %s of type %s not used", event.id(), event.type());
        }
    }
}
