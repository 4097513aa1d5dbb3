package io.partnerhub.membership.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.membership.activity.ActivityLog;
import io.partnerhub.membership.domain.ActivityKind;
import io.partnerhub.membership.domain.InvitationState;
import io.partnerhub.membership.domain.InvitationState.Status;
import io.partnerhub.membership.invitation.InvitationViews.Acceptance;
import io.partnerhub.membership.invitation.InvitationViews.InvitationView;
import io.partnerhub.membership.invitation.InvitationViews.Invite;
import io.partnerhub.membership.notification.NotificationEvents;
import io.partnerhub.membership.organization.OrganizationRepository;
import io.partnerhub.membership.user.AssociationService;
import io.partnerhub.membership.user.UserAccount;
import io.partnerhub.membership.user.UserService;
import io.partnerhub.membership.user.UserViews.AssociationView;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;

/**
 * M2 invitations: a partner-admin (or ops) invites a person by e-mail address, the person accepts with the code using
 * their own employee token, and their candidate id (from that token) is associated through the same code path as every
 * association ({@link AssociationService#associate}).
 */
@ApplicationScoped
public class InvitationService {

    private final InvitationRepository invitations;
    private final OrganizationRepository organizations;
    private final UserService users;
    private final AssociationService associations;
    private final ActivityLog activity;
    private final NotificationEvents notifications;
    private final Clock clock;

    public InvitationService(InvitationRepository invitations, OrganizationRepository organizations, UserService users,
            AssociationService associations, ActivityLog activity, NotificationEvents notifications, Clock clock) {
        this.invitations = invitations;
        this.organizations = organizations;
        this.users = users;
        this.associations = associations;
        this.activity = activity;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** A new invitation with its code (shown only now); a pending older one for the same account is revoked. */
    @Transactional
    public InvitationView invite(UUID organizationId, Invite body) {
        UserAccount account = users.invitee(organizationId, body.name(), body.email());
        Instant now = clock.instant();
        invitations.openForUser(account.id).ifPresent(older -> {
            older.revokedAt = now;
            older.superseded = true;
            activity.record(organizationId, ActivityKind.INVITATION_REVOKED, "Invitation " + older.id
                    + " revoked by a newer one", "invitationId", older.id, "userId", older.userId, "reason", "SUPERSEDED");
        });
        invitations.flush(); // the older one is closed before the unique index of open invitations sees the new one
        String code = InvitationCodes.newCode();
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.organizationId = organizationId;
        invitation.userId = account.id;
        invitation.codeHash = InvitationCodes.hash(code);
        invitation.createdAt = now;
        invitation.expiresAt = InvitationState.expiresAt(now);
        invitations.persistAndFlush(invitation);
        activity.record(organizationId, ActivityKind.INVITATION_CREATED, "Invited user " + account.id, "invitationId",
                invitation.id, "userId", account.id, "expiresAt", invitation.expiresAt);
        notifications.invited(invitation.id, account, code, invitation.expiresAt); // #23: the mail, in this transaction
        Log.infof("Invitation %s for user %s of organization %s", invitation.id, account.id, organizationId);
        return view(invitation, account, now, code);
    }

    public List<InvitationView> list(UUID organizationId, Status status, int firstResult, int size) {
        if (organizations.findByIdOptional(organizationId).isEmpty()) {
            throw new ResourceNotFound("organization", organizationId.toString());
        }
        Instant now = clock.instant();
        return query(organizationId, status, now).range(firstResult, firstResult + size - 1).list().stream()
                .map(i -> view(i, users.account(i.userId), now, null)).toList();
    }

    public long count(UUID organizationId, Status status) {
        return query(organizationId, status, clock.instant()).count();
    }

    /** Revokes a pending (or expired) invitation; revoking a revoked one changes nothing; an accepted one → 409. */
    @Transactional
    public InvitationView revoke(UUID organizationId, UUID invitationId) {
        Invitation invitation = invitations.findByIdOptional(invitationId)
                .filter(i -> i.organizationId.equals(organizationId))
                .orElseThrow(() -> new ResourceNotFound("invitation", invitationId.toString()));
        if (!invitation.state().revocable()) {
            throw new Conflict("invitation-closed", "Invitation closed",
                    "Invitation " + invitationId + " was accepted; remove or depart the user account instead");
        }
        Instant now = clock.instant();
        if (invitation.revokedAt == null) {
            invitation.revokedAt = now;
            invitations.flush();
            activity.record(organizationId, ActivityKind.INVITATION_REVOKED, "Invitation " + invitationId + " revoked",
                    "invitationId", invitationId, "userId", invitation.userId);
            Log.infof("Invitation %s of organization %s revoked", invitationId, organizationId);
        }
        return view(invitation, users.account(invitation.userId), now, null);
    }

    /**
     * Accepts the invitation with this code for {@code candidateId} (the accepting token's claim): the association and
     * its events, then the invitation closes. Unknown, used, expired, revoked or another organisation's code → 404.
     */
    @Transactional
    public Acceptance accept(UUID organizationId, String code, String candidateId) {
        Instant now = clock.instant();
        Invitation invitation = invitations.findByCodeHash(InvitationCodes.hash(code))
                .filter(i -> i.organizationId.equals(organizationId))
                .filter(i -> i.state().acceptable(now))
                .orElseThrow(() -> new DomainException(404, "not-found", "Resource not found",
                        "No pending invitation of this organisation has this code").with("resource", "invitation"));
        AssociationView association = associations.associate(organizationId, invitation.userId, candidateId, null);
        invitation.acceptedAt = now;
        invitations.flush();
        activity.record(organizationId, ActivityKind.INVITATION_ACCEPTED, "Invitation " + invitation.id
                + " accepted by candidate " + candidateId, "invitationId", invitation.id, "userId", invitation.userId,
                "candidateId", candidateId);
        Log.infof("Invitation %s of organization %s accepted", invitation.id, organizationId);
        return new Acceptance(association.userId(), organizationId, candidateId, association.associatedAt());
    }

    private PanacheQuery<Invitation> query(UUID organizationId, Status status, Instant now) {
        return invitations.search(organizationId, status, now);
    }

    private static InvitationView view(Invitation i, UserAccount account, Instant now, String code) {
        return new InvitationView(i.id, i.userId, account == null ? null : account.email,
                account == null ? null : account.name, i.state().status(now), i.createdAt, i.expiresAt, code);
    }
}
