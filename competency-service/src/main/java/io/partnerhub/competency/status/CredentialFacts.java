package io.partnerhub.competency.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.partnerhub.competency.events.InboundEvents.AssessmentDefined;
import io.partnerhub.competency.events.InboundEvents.AssessmentPassed;
import io.partnerhub.competency.events.InboundEvents.CertificationDefined;
import io.partnerhub.competency.events.InboundEvents.CertificationEarned;
import io.partnerhub.competency.events.InboundEvents.CertificationEnded;
import io.partnerhub.competency.events.InboundEvents.CertificationRenewed;
import io.partnerhub.competency.projection.KnownCredentials;
import io.partnerhub.competency.projection.Projections;
import io.partnerhub.competency.projection.SkillIndex;

/**
 * certification-events applied (in the consumer's transaction): a candidate's active certifications and passed
 * assessments. A change adjusts the holder counts of the skill sets that list the credential and recomputes only the
 * candidate's organisation (if any), and there only the competencies whose version in effect lists the credential, from
 * bounded facts. An expired/revoked event for an unknown holding is remembered (a tombstone), so an earned event of that
 * holding arriving later does not make it active. certification.defined / assessment.defined (and every credential seen
 * in a holding or passed assessment event) make the credential known (K1c), which a requirement version listing it
 * needs. Events of one candidate are serialised with the membership consumer's by a candidate lock, so a join and a
 * certification applied at the same moment never miss each other.
 */
@ApplicationScoped
public class CredentialFacts {

    private final Projections projections;
    private final KnownCredentials known;
    private final SkillIndex skills;
    private final StatusRecompute status;
    private final Clock clock;

    public CredentialFacts(Projections projections, KnownCredentials known, SkillIndex skills, StatusRecompute status,
            Clock clock) {
        this.projections = projections;
        this.known = known;
        this.skills = skills;
        this.status = status;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void certificationDefined(CertificationDefined data, Cause cause) {
        known.defined(data.certificationId(), data.name(), cause.eventType(), at(cause));
    }

    @Transactional(TxType.MANDATORY)
    public void assessmentDefined(AssessmentDefined data, Cause cause) {
        known.defined("assessment:" + data.assessmentId(), data.name(), cause.eventType(), at(cause));
    }

    @Transactional(TxType.MANDATORY)
    public void earned(CertificationEarned data, Cause cause) {
        Instant at = at(cause);
        changed(data.candidateId(), data.certificationId(), cause, at, true,
                credential -> projections.earned(data.holdingId(), data.candidateId(), credential, data.expiresAt(), at));
    }

    @Transactional(TxType.MANDATORY)
    public void renewed(CertificationRenewed data, Cause cause) {
        Instant at = at(cause);
        changed(data.candidateId(), data.certificationId(), cause, at, true,
                credential -> projections.renewed(data.holdingId(), data.candidateId(), credential, data.expiresAt(), at));
    }

    /** certification.expired.v1 or certification.revoked.v1. */
    @Transactional(TxType.MANDATORY)
    public void ended(CertificationEnded data, Cause cause) {
        Instant at = at(cause);
        changed(data.candidateId(), data.certificationId(), cause, at, false,
                credential -> projections.ended(data.holdingId(), data.candidateId(), credential, at));
    }

    @Transactional(TxType.MANDATORY)
    public void assessmentPassed(AssessmentPassed data, Cause cause) {
        Instant at = at(cause);
        changed(data.candidateId(), "assessment:" + data.assessmentId(), cause, at, true,
                credential -> projections.assessmentPassed(data.candidateId(), data.assessmentId(), at));
    }

    /**
     * Under the candidate's lock (and its organisation's), applies the change of the credential to the projection; when
     * it changed anything and the candidate is associated, adjusts the holder counts and recomputes the organisation.
     * {@code adds}: a change that happened leaves the credential active (earned, renewed, passed), so the active
     * credentials after it are known without reading them again (under the candidate lock nothing else changes them).
     */
    private void changed(String candidateId, String credential, Cause cause, Instant at, boolean adds, Predicate<String> change) {
        status.lockCandidate(candidateId);
        Optional<String> organization = projections.organizationOf(candidateId);
        organization.ifPresent(o -> status.lock(List.of(o)));
        Set<String> before = projections.activeCredentials(candidateId);
        known.seen(credential, cause.eventType(), at); // a holding of it exists, so it does (data older than the defined events)
        if (!change.test(credential) || organization.isEmpty()) {
            return;
        }
        // the candidate lock keeps the association still until the commit
        Set<String> after;
        if (adds) {
            after = new java.util.HashSet<>(before);
            after.add(credential);
        } else {
            after = projections.activeCredentials(candidateId);
        }
        skills.adjust(organization.get(), before, organization.get(), after);
        status.recompute(organization.get(), v -> v.mentions(credential), cause);
    }

    /** When the fact became true: the event's time, or now for an event without one. */
    private Instant at(Cause cause) {
        return cause.time() != null ? cause.time() : clock.instant();
    }
}
