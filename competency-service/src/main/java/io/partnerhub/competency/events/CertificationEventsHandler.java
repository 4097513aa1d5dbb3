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
 * and assessment ids, applied by {@link CredentialFacts}; then, in the same transaction, the candidate's organisation's
 * designations ({@link DesignationHooks}).
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
                CertificationEarned.TYPE, route(CertificationEarned.class, (data, cause) -> {
                    var before = designations.organizationOf(data.candidateId());
                    facts.earned(data, cause);
                    designations.credentialChanged(before);
                }),
                CertificationRenewed.TYPE, route(CertificationRenewed.class, (data, cause) -> {
                    var before = designations.organizationOf(data.candidateId());
                    facts.renewed(data, cause);
                    designations.credentialChanged(before);
                }),
                CertificationEnded.EXPIRED_TYPE, route(CertificationEnded.class, (data, cause) -> ended(facts, designations, data, cause)),
                CertificationEnded.REVOKED_TYPE, route(CertificationEnded.class, (data, cause) -> ended(facts, designations, data, cause)),
                AssessmentPassed.TYPE, route(AssessmentPassed.class, facts::assessmentPassed)));
    }

    private static void ended(CredentialFacts facts, DesignationHooks designations, CertificationEnded data,
            io.partnerhub.competency.status.Cause cause) {
        var before = designations.organizationOf(data.candidateId());
        facts.ended(data, cause);
        designations.credentialChanged(before);
    }
}
