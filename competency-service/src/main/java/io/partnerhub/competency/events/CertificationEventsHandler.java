package io.partnerhub.competency.events;

import static io.partnerhub.competency.events.InboundEvents.require;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;
import io.partnerhub.competency.events.InboundEvents.AssessmentDefined;
import io.partnerhub.competency.events.InboundEvents.AssessmentPassed;
import io.partnerhub.competency.events.InboundEvents.CertificationDefined;
import io.partnerhub.competency.events.InboundEvents.HoldingChanged;
import io.partnerhub.competency.projection.KnownCredentials;
import io.partnerhub.competency.projection.Projections;
import io.partnerhub.competency.projection.SkillIndex;
import io.partnerhub.competency.status.StatusService;
import io.partnerhub.competency.status.StatusService.Cause;
import io.quarkus.logging.Log;

/**
 * certification-events: a candidate's active certifications and passed assessments. A change adjusts the holder counts
 * of the skill sets that list the credential and recomputes only the candidate's organisation (if any), and there only
 * the competencies whose version in effect lists the credential, from bounded facts.
 * An expired/revoked event for an unknown holding is remembered (a tombstone), so an earned event of that holding
 * arriving later does not make it active. certification.defined / assessment.defined (and every credential seen in a
 * holding or passed assessment event) make the credential known (K1c), which a requirement version listing it needs.
 * Events of one candidate are serialised with the membership consumer's by a candidate lock, so a join and a
 * certification applied at the same moment never miss each other.
 */
@ApplicationScoped
public class CertificationEventsHandler implements EventHandler {

    public static final String TOPIC = "certification-events";

    private final Projections projections;
    private final KnownCredentials known;
    private final SkillIndex skills;
    private final StatusService status;
    private final Clock clock;

    public CertificationEventsHandler(Projections projections, KnownCredentials known, SkillIndex skills, StatusService status,
            Clock clock) {
        this.projections = projections;
        this.known = known;
        this.skills = skills;
        this.status = status;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        Instant at = event.time() != null ? event.time() : clock.instant();
        String type = event.type();
        if (InboundEvents.CERTIFICATION_DEFINED.equals(type)) {
            CertificationDefined data = event.dataAs(CertificationDefined.class);
            known.defined(require(data.certificationId(), "certificationId", type), data.name(), type, at);
            return;
        }
        if (InboundEvents.ASSESSMENT_DEFINED.equals(type)) {
            AssessmentDefined data = event.dataAs(AssessmentDefined.class);
            known.defined("assessment:" + require(data.assessmentId(), "assessmentId", type), data.name(), type, at);
            return;
        }
        String candidateId;
        String credential;
        boolean changed;
        Optional<String> organization;
        Set<String> before;
        switch (type) {
            case InboundEvents.CERTIFICATION_EARNED, InboundEvents.CERTIFICATION_RENEWED, InboundEvents.CERTIFICATION_EXPIRED,
                    InboundEvents.CERTIFICATION_REVOKED -> {
                HoldingChanged data = event.dataAs(HoldingChanged.class);
                candidateId = require(data.candidateId(), "candidateId", type);
                credential = require(data.certificationId(), "certificationId", type);
                String holdingId = require(data.holdingId(), "holdingId", type);
                status.lockCandidate(candidateId);
                organization = projections.organizationOf(candidateId);
                organization.ifPresent(o -> status.lock(List.of(o)));
                before = projections.activeCredentials(candidateId);
                known.seen(credential, type, at); // a holding of it exists, so it does (data older than the defined events)
                changed = switch (type) {
                    case InboundEvents.CERTIFICATION_EARNED -> projections.earned(holdingId, candidateId, credential, data.expiresAt(), at);
                    case InboundEvents.CERTIFICATION_RENEWED -> projections.renewed(holdingId, candidateId, credential, data.expiresAt(), at);
                    default -> projections.ended(holdingId, candidateId, credential, at);
                };
            }
            case InboundEvents.ASSESSMENT_PASSED -> {
                AssessmentPassed data = event.dataAs(AssessmentPassed.class);
                candidateId = require(data.candidateId(), "candidateId", type);
                String assessmentId = require(data.assessmentId(), "assessmentId", type);
                status.lockCandidate(candidateId);
                organization = projections.organizationOf(candidateId);
                organization.ifPresent(o -> status.lock(List.of(o)));
                before = projections.activeCredentials(candidateId);
                credential = "assessment:" + assessmentId;
                known.seen(credential, type, at);
                changed = projections.assessmentPassed(candidateId, assessmentId, at);
            }
            default -> {
                Log.debugf("certification event %s of type %s not used", event.id(), type);
                return;
            }
        }
        if (!changed || organization.isEmpty()) {
            return;
        }
        // the candidate lock keeps the association still until the commit
        skills.adjust(organization.get(), before, organization.get(), projections.activeCredentials(candidateId));
        status.recompute(organization.get(), v -> v.mentions(credential), Cause.of(event));
    }
}
