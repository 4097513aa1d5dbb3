package io.partnerhub.certification.holding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.partnerhub.certification.certification.Certification;
import io.partnerhub.certification.certification.CertificationRepository;
import io.partnerhub.certification.domain.CertificationRule;
import io.partnerhub.certification.domain.CertificationStatus;
import io.partnerhub.certification.domain.Earned;
import io.partnerhub.certification.domain.Earning;
import io.partnerhub.certification.domain.Expiry;
import io.partnerhub.certification.domain.HeldCertification;
import io.partnerhub.certification.domain.HoldingStatus;
import io.partnerhub.certification.domain.RecipientIdentity;
import io.partnerhub.certification.domain.RenewalPolicy;
import io.partnerhub.certification.domain.RenewalRefusal;
import io.partnerhub.certification.events.CertificationEarned;
import io.partnerhub.certification.events.CertificationExpired;
import io.partnerhub.certification.events.CertificationRenewed;
import io.partnerhub.certification.events.CertificationRevoked;
import io.partnerhub.certification.events.ExamPassed;
import io.partnerhub.certification.holding.HoldingViews.HoldingView;
import io.partnerhub.certification.holding.HoldingViews.RenewalAttemptView;
import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.quarkus.logging.Log;

/** C2 earning, C3 renewal, C4 expiry, C9 revocation: load, ask the domain rule, store, publish (one transaction). */
@ApplicationScoped
public class HoldingService {

    public static final String EXPIRED_REASON = "EXPIRED";

    private final HoldingRepository holdings;
    private final RenewalAttemptRepository attempts;
    private final CertificationRepository certifications;
    private final EarningStore earning;
    private final EarningCatalogue catalogue;
    private final EventPublisher events;
    private final Clock clock;

    public HoldingService(HoldingRepository holdings, RenewalAttemptRepository attempts, CertificationRepository certifications,
            EarningStore earning, EarningCatalogue catalogue, EventPublisher events, Clock clock) {
        this.holdings = holdings;
        this.attempts = attempts;
        this.certifications = certifications;
        this.earning = earning;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
    }

    /**
     * C2: records the pass once per attempt (an attempt reported again under a new event id changes nothing; the inbox
     * already drops a redelivered event) and earns every certification the candidate's passes and active prerequisites
     * now satisfy, chains included, in the caller's transaction (the exam.passed.v1 consumer's). Holdings of the
     * candidate past their expiry are expired first, so that a new pass after the expiry earns again even before the
     * sweep runs. Round trips (issue #25 stage 4): the lock, the pass, the candidate's holdings and passes and the
     * catalogue's revision in one ({@link EarningStore}), the new holdings in one, then one outbox row per event; the
     * catalogue itself is read only when its revision changed ({@link EarningCatalogue}).
     */
    @Transactional(TxType.MANDATORY)
    public void earn(ExamPassed pass) {
        String candidateId = pass.candidateId();
        Instant now = now();
        EarningStore.Candidate candidate = earning.lockRecordAndRead(pass, clock.instant());
        if (candidate.passRecorded()) {
            Log.infof("Recorded pass of %s (attempt %s) for candidate %s", pass.examCode(), pass.attemptId(), candidateId);
        } else {
            Log.infof("Attempt %s already on the transcript of %s", pass.attemptId(), candidateId);
        }
        List<HeldCertification> held = new ArrayList<>(candidate.holdings().size());
        boolean expired = false;
        for (EarningStore.HoldingRow row : candidate.holdings()) {
            if (row.status() == HoldingStatus.ACTIVE && row.expiresAt() != null && !now.isBefore(row.expiresAt())) {
                // rare: overdue and not swept yet. The entity as committed now (the sweep may have expired it since the
                // read: then it is not expired twice); its @Version guards against a change from here to the flush
                CertificationHolding holding = holdings.findById(row.id());
                if (holding.status == HoldingStatus.ACTIVE) {
                    expire(holding);
                    expired = true;
                }
                held.add(holding.held(now));
            } else {
                held.add(CertificationHolding.held(row.certificationId(), row.status(), row.expiresAt(), row.endedAt(), now));
            }
        }
        if (expired) {
            holdings.flush(); // the expiry before the new holding: one ACTIVE holding per certification
        }
        List<CertificationRule> catalogue = this.catalogue.rules(candidate.catalogueRevision(), LocalDate.ofInstant(now, ZoneOffset.UTC));
        List<CertificationHolding> created = new ArrayList<>();
        for (Earned earned : Earning.newlyEarned(catalogue, candidate.passes(), held)) {
            CertificationHolding holding = new CertificationHolding();
            holding.id = UUID.randomUUID();
            holding.candidateId = candidateId;
            holding.certificationId = earned.certificationId();
            holding.level = earned.level();
            holding.examCodes = earned.examCodes();
            holding.status = HoldingStatus.ACTIVE;
            holding.earnedAt = now;
            holding.expiresAt = Expiry.expiresAt(earned.level(), now);
            holding.badgeSalt = RecipientIdentity.newSalt();
            created.add(holding);
        }
        earning.insert(created); // the unique index on one ACTIVE holding per certification decides here, not at commit
        for (CertificationHolding holding : created) {
            events.publish(new CertificationEarned(candidateId, holding.certificationId, holding.id.toString(), holding.level,
                    holding.examCodes, holding.earnedAt, holding.expiresAt));
            Log.infof("Holding %s: candidate %s earned %s with %s, expires %s", holding.id, candidateId,
                    holding.certificationId, holding.examCodes, holding.expiresAt);
        }
    }

    /**
     * C3: an ops support override (the holder takes the renewal assessment instead): records the attempt with its
     * reason; refused with a 409 problem that says why and when it is possible.
     */
    @Transactional
    public RenewalAttemptView renew(UUID holdingId, boolean passed, String supportReason, HoldingAccess access) {
        CertificationHolding holding = holdings.lock(holdingId);
        access.require(holding, holdingId);
        Instant now = now();
        requireRenewalOpen(holding);
        RenewalAttempt attempt = recordRenewal(holding, passed, now, supportReason, null);
        Log.infof("Holding %s: renewal attempt %s recorded by ops: %s", holding.id, attempt.id, supportReason);
        List<Instant> after = attempts.attemptsOf(holdingId);
        Instant opensAt = RenewalPolicy.opensAt(holding.expiresAt);
        int inWindow = (int) after.stream().filter(at -> !at.isBefore(opensAt)).count();
        RenewalPolicy.Decision next = RenewalPolicy.decide(holding.status, holding.expiresAt, retired(holding, now), after, now);
        Instant nextAttemptAt = next.allowed() ? now : next.possibleAt();
        return new RenewalAttemptView(attempt.id, holdingId, passed, now, holding.expiresAt, opensAt, inWindow, nextAttemptAt);
    }

    /** C3: 409 (window, wait, not active, never expires, retired) unless a renewal attempt may start now; the caller locked the holding. */
    @Transactional(TxType.MANDATORY)
    public void requireRenewalOpen(CertificationHolding holding) {
        Instant now = now();
        RenewalPolicy.Decision decision = RenewalPolicy.decide(holding.status, holding.expiresAt, retired(holding, now),
                attempts.attemptsOf(holding.id), now);
        if (!decision.allowed()) {
            throw refusal(decision, holding, certifications.findById(holding.certificationId));
        }
    }

    /** Whether the holding's certification is retired at {@code at} (C5: no renewal then). */
    public boolean retired(CertificationHolding holding, Instant at) {
        return certifications.findById(holding.certificationId).statusOn(LocalDate.ofInstant(at, ZoneOffset.UTC))
                == CertificationStatus.RETIRED;
    }

    /**
     * C3: records an attempt at {@code at} (what the 24 h wait counts from); a pass extends the expiry by 12 months from
     * the current one and publishes certification.renewed.v1 in the caller's transaction (the holding locked).
     */
    @Transactional(TxType.MANDATORY)
    public RenewalAttempt recordRenewal(CertificationHolding holding, boolean passed, Instant at, String supportReason,
            UUID assessmentAttemptId) {
        RenewalAttempt attempt = new RenewalAttempt();
        attempt.id = UUID.randomUUID();
        attempt.holdingId = holding.id;
        attempt.attemptedAt = at;
        attempt.passed = passed;
        attempt.expiresBefore = holding.expiresAt;
        attempt.expiresAfter = passed ? RenewalPolicy.renewedExpiry(holding.expiresAt) : holding.expiresAt;
        attempt.supportReason = supportReason;
        attempt.assessmentAttemptId = assessmentAttemptId;
        attempts.persist(attempt);
        if (passed) {
            holding.expiresAt = attempt.expiresAfter;
            events.publish(new CertificationRenewed(holding.candidateId, holding.certificationId, holding.id.toString(),
                    holding.expiresAt));
            Log.infof("Holding %s renewed until %s", holding.id, holding.expiresAt);
        } else {
            Log.infof("Holding %s: renewal attempt failed", holding.id);
        }
        holdings.flush();
        return attempt;
    }

    private static DomainException refusal(RenewalPolicy.Decision decision, CertificationHolding holding, Certification certification) {
        RenewalRefusal refusal = decision.refusal();
        return switch (refusal) {
            case WINDOW_NOT_OPEN -> new Conflict(refusal.problemSlug(), "Renewal window closed",
                    "Renewal opens 180 days before the expiry, on " + decision.possibleAt() + ".")
                    .with("renewalOpensAt", decision.possibleAt()).with("expiresAt", holding.expiresAt);
            case WAIT -> new Conflict(refusal.problemSlug(), "Wait before the next renewal attempt",
                    "After the second attempt, each renewal attempt waits 24 hours after the previous one.")
                    .with("nextAttemptAt", decision.possibleAt());
            case NEVER_EXPIRES -> new Conflict(refusal.problemSlug(), "Renewal not needed",
                    "A " + holding.level + " certification never expires.");
            case CERTIFICATION_RETIRED -> new Conflict(refusal.problemSlug(), "Certification retired",
                    "Certification " + certification.id + " retired on " + certification.retiresOn + " and can no longer be renewed.")
                    .with("retiresOn", certification.retiresOn).with("successor", certification.successor);
            case HOLDING_NOT_ACTIVE, HOLDING_EXPIRED -> new Conflict(refusal.problemSlug(), "Holding not active",
                    "The holding is " + (refusal == RenewalRefusal.HOLDING_EXPIRED ? "EXPIRED" : holding.status)
                            + "; it is earned again only through the exams.")
                    .with("holdingStatus", refusal == RenewalRefusal.HOLDING_EXPIRED ? HoldingStatus.EXPIRED : holding.status);
        };
    }

    /** C9: ops revoke an active holding with a reason. */
    @Transactional
    public HoldingView revoke(UUID holdingId, String reason) {
        CertificationHolding holding = holdings.lock(holdingId);
        if (holding == null) {
            throw new ResourceNotFound("certification holding", holdingId.toString());
        }
        if (holding.status != HoldingStatus.ACTIVE) {
            throw new Conflict("holding-not-active", "Holding not active", "The holding is " + holding.status + ".")
                    .with("holdingStatus", holding.status);
        }
        holding.revoke(reason.trim(), now());
        events.publish(new CertificationRevoked(holding.candidateId, holding.certificationId, holding.id.toString(), holding.endReason));
        holdings.flush();
        Log.infof("Holding %s revoked", holding.id);
        return views(List.of(holding), Audience.HOLDER_OR_OPS).get(0);
    }

    /**
     * C4: one batch of the expiry sweep, in its own transaction: ACTIVE holdings whose expiry has been reached become
     * EXPIRED and certification.expired.v1 is published. Rows another instance is sweeping are skipped.
     *
     * @return how many were expired (fewer than {@code batchSize}: nothing more is due)
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int expireDue(int batchSize) {
        List<CertificationHolding> due = holdings.lockDue(clock.instant(), batchSize);
        due.forEach(this::expire);
        holdings.flush();
        return due.size();
    }

    /** Instants are stored and published to the millisecond (PostgreSQL keeps microseconds, clients compare strings). */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void expire(CertificationHolding holding) {
        holding.expire();
        events.publish(new CertificationExpired(holding.candidateId, holding.certificationId, holding.id.toString(), EXPIRED_REASON));
        Log.infof("Holding %s expired at %s", holding.id, holding.expiresAt);
    }

    /** The candidate's holdings for the holder or ops (the caller checked), with their badge salts. */
    public List<HoldingView> ofCandidate(String candidateId, int page, int size) {
        return views(holdings.ofCandidate(candidateId, page, size), Audience.HOLDER_OR_OPS);
    }

    public long countOfCandidate(String candidateId) {
        return holdings.countOfCandidate(candidateId);
    }

    /** One holding; {@code access} lets only the holder and ops through, so the view carries the badge salt. */
    public HoldingView get(UUID id, HoldingAccess access) {
        CertificationHolding holding = holdings.findById(id);
        access.require(holding, id);
        return views(List.of(holding), Audience.HOLDER_OR_OPS).get(0);
    }

    /** Who a holding view is for: only the holder and ops see {@code badgeSalt} (never a shared transcript). */
    public enum Audience {
        HOLDER_OR_OPS, PUBLIC
    }

    public List<HoldingView> views(Collection<CertificationHolding> list, Audience audience) {
        Set<String> ids = list.stream().map(h -> h.certificationId).collect(Collectors.toSet());
        Map<String, Certification> byId = ids.isEmpty() ? Map.of()
                : certifications.list("id in ?1", ids).stream().collect(Collectors.toMap(c -> c.id, c -> c));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return list.stream().map(h -> {
            Certification c = byId.get(h.certificationId);
            Instant opensAt = h.status == HoldingStatus.ACTIVE ? RenewalPolicy.opensAt(h.expiresAt) : null;
            return new HoldingView(h.id, h.candidateId, h.certificationId, c == null ? null : c.name, h.level, h.status,
                    h.examCodes, h.earnedAt, h.expiresAt, opensAt, h.endedAt, h.endReason,
                    c == null ? null : c.statusOn(today), c == null ? null : c.successor,
                    audience == Audience.HOLDER_OR_OPS ? h.badgeSalt : null);
        }).toList();
    }

    /** Who may see or act on a holding; a holding the caller may not see answers 404, as an unknown one does. */
    @FunctionalInterface
    public interface HoldingAccess {

        boolean allows(CertificationHolding holding);

        default void require(CertificationHolding holding, UUID id) {
            if (holding == null || !allows(holding)) {
                throw new ResourceNotFound("certification holding", id.toString());
            }
        }
    }
}
