package io.partnerhub.competency.status;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The organisation a candidate's credential change concerned (the candidate's, under its lock: empty when it belongs
     * to none) and whether the change changed anything (a duplicate or late event does not).
     */
    public record Applied(Optional<String> organization, boolean changed) {
    }

    @Transactional(TxType.MANDATORY)
    public Applied earned(CertificationEarned data, Cause cause) {
        return changed(data.candidateId(), data.certificationId(), cause, Projections.HoldingEvent.EARNED, data.holdingId(),
                data.expiresAt());
    }

    @Transactional(TxType.MANDATORY)
    public Applied renewed(CertificationRenewed data, Cause cause) {
        return changed(data.candidateId(), data.certificationId(), cause, Projections.HoldingEvent.RENEWED, data.holdingId(),
                data.expiresAt());
    }

    /** certification.expired.v1 or certification.revoked.v1. */
    @Transactional(TxType.MANDATORY)
    public Applied ended(CertificationEnded data, Cause cause) {
        return changed(data.candidateId(), data.certificationId(), cause, Projections.HoldingEvent.ENDED, data.holdingId(), null);
    }

    @Transactional(TxType.MANDATORY)
    public Applied assessmentPassed(AssessmentPassed data, Cause cause) {
        return changed(data.candidateId(), "assessment:" + data.assessmentId(), cause, Projections.HoldingEvent.PASSED,
                "assessment:" + data.candidateId() + ":" + data.assessmentId(), null);
    }

    /**
     * Under the candidate's lock (and its organisation's), applies the change of the credential to the projection; when
     * it changed anything and the candidate is associated, adjusts the holder counts and recomputes the organisation.
     * Issue 25: the locks and the candidate's organisation and active credentials are one round trip, the holding and
     * the credential made known another; the credentials after the change are those before with the credential added
     * or (no other active holding of it) removed: under the candidate lock nothing else changes them.
     */
    private Applied changed(String candidateId, String credential, Cause cause, Projections.HoldingEvent event, String holdingId,
            Instant expiresAt) {
        StatusRepository.Candidate candidate = status.lockCandidate(candidateId, null, true);
        Optional<String> organization = candidate.organization();
        // a holding of it exists, so it does (data older than the defined events)
        Optional<Boolean> held = projections.holding(event, holdingId, candidateId, credential, expiresAt, at(cause),
                cause.eventType());
        if (held.isEmpty() || organization.isEmpty()) {
            return new Applied(organization, held.isPresent());
        }
        Set<String> before = candidate.credentials();
        Set<String> after = new HashSet<>(before);
        if (held.get()) {
            after.add(credential);
        } else {
            after.remove(credential);
        }
        status.recompute(organization.get(), v -> v.mentions(credential), cause,
                skills.adjustment(organization.get(), before, organization.get(), after)); // with the reads: one round trip
        return new Applied(organization, true);
    }

    /** When the fact became true: the event's time, or now for an event without one. */
    private Instant at(Cause cause) {
        return cause.time() != null ? cause.time() : clock.instant();
    }
}
