package io.partnerhub.competency.events;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.competency.events.InboundEvents.AssessmentDefined;
import io.partnerhub.competency.events.InboundEvents.AssessmentPassed;
import io.partnerhub.competency.events.InboundEvents.CertificationDefined;
import io.partnerhub.competency.events.InboundEvents.CertificationEarned;
import io.partnerhub.competency.events.InboundEvents.CertificationEnded;
import io.partnerhub.competency.events.InboundEvents.CertificationRenewed;
import io.partnerhub.competency.status.CredentialFacts;

/**
 * certification-events: a candidate's active certifications and passed assessments, and the catalogue's certification
 * and assessment ids, applied by {@link CredentialFacts}.
 */
@ApplicationScoped
public class CertificationEventsHandler extends FactsEventHandler {

    public static final String TOPIC = "certification-events";

    public CertificationEventsHandler(CredentialFacts facts) {
        super(TOPIC, Map.of(
                CertificationDefined.TYPE, route(CertificationDefined.class, facts::certificationDefined),
                AssessmentDefined.TYPE, route(AssessmentDefined.class, facts::assessmentDefined),
                CertificationEarned.TYPE, route(CertificationEarned.class, facts::earned),
                CertificationRenewed.TYPE, route(CertificationRenewed.class, facts::renewed),
                CertificationEnded.EXPIRED_TYPE, route(CertificationEnded.class, facts::ended),
                CertificationEnded.REVOKED_TYPE, route(CertificationEnded.class, facts::ended),
                AssessmentPassed.TYPE, route(AssessmentPassed.class, facts::assessmentPassed)));
    }
}
