package io.partnerhub.membership.user;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.chassis.persistence.Constraints;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.membership.activity.ActivityLog;
import io.partnerhub.membership.domain.ActivityKind;
import io.partnerhub.membership.domain.AssociationDecision;
import io.partnerhub.membership.domain.AssociationDecision.Held;
import io.partnerhub.membership.events.EmployeeJoined;
import io.partnerhub.membership.events.EmployeeLeft;
import io.partnerhub.membership.user.UserViews.AssociationView;
import io.quarkus.logging.Log;

/** M2/M3 the one-organisation association of a candidate id with a user account: joining, severing, ending. */
@ApplicationScoped
public class AssociationService {

    private final UserRepository users;
    private final AssociationRepository associations;
    private final EventPublisher events;
    private final ActivityLog activity;
    private final Clock clock;

    public AssociationService(UserRepository users, AssociationRepository associations, EventPublisher events,
            ActivityLog activity, Clock clock) {
        this.users = users;
        this.associations = associations;
        this.events = events;
        this.activity = activity;
        this.clock = clock;
    }

    /**
     * M2 associates {@code candidateId} with the account: the one code path of an employee's own association, an
     * accepted invitation and an ops support override. A candidate id held by another organisation is severed first
     * (employee.left ASSOCIATED_ELSEWHERE, then employee.joined, both in this transaction; PERSON_LEFT with only the
     * user id and reason in the old organisation's activity log, PERSON_JOINED in this one). Of two concurrent
     * associations of one candidate id, the unique index on active associations lets exactly one commit.
     *
     * @param supportReason set for an ops support override: logged as SUPPORT_ASSOCIATION with the reason
     */
    @Transactional
    public AssociationView associate(UUID organizationId, UUID userId, String candidateId, String supportReason) {
        UserAccount account = users.findByIdOptional(userId).filter(u -> u.organizationId.equals(organizationId))
                .filter(u -> u.status != UserAccount.Status.REMOVED)
                .orElseThrow(() -> new ResourceNotFound("user", userId.toString()));
        Association byCandidate = associations.activeForCandidate(candidateId).orElse(null);
        Association byAccount = associations.activeForUser(userId).orElse(null);
        AssociationDecision decision = AssociationDecision.decide(organizationId, userId,
                account.status == UserAccount.Status.ACTIVE, candidateId, held(byCandidate), held(byAccount));
        UUID severed = null;
        switch (decision) {
            case ACCOUNT_INACTIVE -> throw new Conflict("user-departed", "User departed",
                    "User " + userId + " has departed; add a new account to associate again");
            case ACCOUNT_HAS_OTHER_CANDIDATE -> throw (Conflict) new Conflict("user-associated", "User associated",
                    "User " + userId + " is associated with another candidate id").with("userId", userId);
            case HELD_BY_ANOTHER_ACCOUNT -> throw (Conflict) new Conflict("candidate-associated", "Candidate associated",
                    "Candidate " + candidateId + " is associated with another account of this organisation")
                    .with("candidateId", candidateId);
            case ALREADY_ASSOCIATED -> {
                return new AssociationView(userId, organizationId, candidateId, byCandidate.associatedAt, null);
            }
            case SEVER_THEN_JOIN -> {
                severed = byCandidate.organizationId;
                end(byCandidate, EmployeeLeft.ASSOCIATED_ELSEWHERE);
            }
            case JOIN -> {
            }
        }
        Association association = new Association();
        association.id = UUID.randomUUID();
        association.candidateId = candidateId;
        association.organizationId = organizationId;
        association.userId = userId;
        association.associatedAt = clock.instant();
        try {
            associations.persistAndFlush(association);
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw (Conflict) new Conflict("candidate-associated", "Candidate associated",
                        "Candidate " + candidateId + " was associated concurrently; try again")
                        .with("candidateId", candidateId);
            }
            throw e;
        }
        events.publish(new EmployeeJoined(organizationId.toString(), userId.toString(), candidateId));
        activity.record(organizationId, ActivityKind.PERSON_JOINED, "Candidate " + candidateId + " joined as user "
                + userId, "userId", userId, "candidateId", candidateId);
        if (supportReason != null) {
            activity.record(organizationId, ActivityKind.SUPPORT_ASSOCIATION, "Support associated candidate "
                    + candidateId + " with user " + userId + ": " + supportReason, "userId", userId,
                    "candidateId", candidateId, "reason", supportReason, "severedOrganizationId", severed);
        }
        Log.infof("Candidate %s associated with user %s of organization %s%s", candidateId, userId, organizationId,
                severed == null ? "" : " (severed from organization " + severed + ")");
        return new AssociationView(userId, organizationId, candidateId, association.associatedAt, severed);
    }

    /** The candidate id a user holds in which organisation (for the employee's own association check). */
    public String candidateOf(UUID userId) {
        return associations.activeForUser(userId).map(a -> a.candidateId).orElse(null);
    }

    /** Ends the account's active association, if it has one (a departure or a removal). */
    void endActive(UserAccount account, String reason) {
        associations.activeForUser(account.id).ifPresent(a -> end(a, reason));
    }

    /** Ends an association: employee.left and, in its organisation's log, PERSON_LEFT with the user id and reason only. */
    private void end(Association a, String reason) {
        a.endedAt = clock.instant();
        a.endReason = reason;
        associations.flush();
        events.publish(new EmployeeLeft(a.organizationId.toString(), a.userId.toString(), a.candidateId, reason));
        activity.record(a.organizationId, ActivityKind.PERSON_LEFT, "User " + a.userId + " left (" + reason + ")",
                "userId", a.userId, "reason", reason);
    }

    private static Held held(Association a) {
        return a == null ? null : new Held(a.organizationId, a.userId, a.candidateId);
    }
}
