package io.partnerhub.competency.events;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.competency.events.InboundEvents.AssessmentDefined;
import io.partnerhub.competency.events.InboundEvents.AssessmentPassed;
import io.partnerhub.competency.events.InboundEvents.CertificationDefined;
import io.partnerhub.competency.events.InboundEvents.CertificationEarned;
import io.partnerhub.competency.events.InboundEvents.CertificationEnded;
import io.partnerhub.competency.events.InboundEvents.CertificationRenewed;
import io.partnerhub.competency.designation.DesignationHooks;
import io.partnerhub.competency.status.CredentialFacts;

/**
 * certification-events: a candidate's active certifications and passed assessments, and the catalogue's certification
 * and assessment ids, applied by {@link CredentialFacts}; then, in the same transaction, the candidate's organisation
 * marked for its designation evaluation after the commit ({@link DesignationHooks}).
 */
@ApplicationScoped
public class CertificationEventsHandler extends FactsEventHandler {

    public static final String TOPIC = "certification-events";

    public CertificationEventsHandler(CredentialFacts facts, DesignationHooks designations) {
        super(TOPIC, Map.of(
                CertificationDefined.TYPE, route(CertificationDefined.class, (data, cause) -> {
                    facts.certificationDefined(data, cause);
                    designations.certificationDefined(data);
                }),
                AssessmentDefined.TYPE, route(AssessmentDefined.class, facts::assessmentDefined),
                // the candidate's organisation as the facts read it under the candidate lock (no second read)
                CertificationEarned.TYPE, route(CertificationEarned.class,
                        (data, cause) -> designations.credentialChanged(facts.earned(data, cause).organization())),
                CertificationRenewed.TYPE, route(CertificationRenewed.class,
                        (data, cause) -> designations.credentialChanged(facts.renewed(data, cause).organization())),
                CertificationEnded.EXPIRED_TYPE, route(CertificationEnded.class,
                        (data, cause) -> designations.credentialChanged(facts.ended(data, cause).organization())),
                CertificationEnded.REVOKED_TYPE, route(CertificationEnded.class,
                        (data, cause) -> designations.credentialChanged(facts.ended(data, cause).organization())),
                AssessmentPassed.TYPE, route(AssessmentPassed.class, facts::assessmentPassed)));
    }
}
