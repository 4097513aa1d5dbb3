package io.partnerhub.membership.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.persistence.Constraints;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.membership.activity.ActivityLog;
import io.partnerhub.membership.domain.ActivityKind;
import io.partnerhub.membership.domain.NewUser;
import io.partnerhub.membership.domain.UserRole;
import io.partnerhub.membership.events.EmployeeLeft;
import io.partnerhub.membership.organization.OrganizationRepository;
import io.partnerhub.membership.user.UserViews.UserBody;
import io.partnerhub.membership.user.UserViews.UserView;
import io.quarkus.logging.Log;

/**
 * M2/M3 user accounts of an organisation: adding, changing, removing, departures, the account an invitation is for.
 * Bulk imports are {@link UserImportService}, associations of candidate ids {@link AssociationService}.
 */
@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final AssociationService associations;
    private final OrganizationRepository organizations;
    private final ActivityLog activity;
    private final Clock clock;

    public UserService(UserRepository users, AssociationService associations, OrganizationRepository organizations,
            ActivityLog activity, Clock clock) {
        this.users = users;
        this.associations = associations;
        this.organizations = organizations;
        this.activity = activity;
        this.clock = clock;
    }

    @Transactional
    public UserView add(UUID organizationId, UserBody body) {
        requireOrganization(organizationId);
        NewUser user = valid(body);
        users.findByEmail(organizationId, user.email()).ifPresent(existing -> {
            throw emailTaken(user.email(), existing.id);
        });
        UserAccount account = insert(organizationId, user);
        flush(user.email());
        activity.record(organizationId, ActivityKind.USER_ADDED, "Added user account " + account.id + " (" + account.role
                + ")", "userId", account.id, "role", account.role);
        return UserView.of(account, null);
    }

    /**
     * The active account an invitation is for: the organisation's account with this e-mail address, or a new EMPLOYEE
     * account (USER_ADDED). 409 {@code user-associated} when that account already holds a candidate id, 409
     * {@code user-departed} when the address belongs to a departed account.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UserAccount invitee(UUID organizationId, String name, String email) {
        requireOrganization(organizationId);
        NewUser.Validated validated = NewUser.validate(name, email, UserRole.EMPLOYEE.name());
        if (!validated.valid()) {
            throw new InvalidRequest(validated.problem());
        }
        NewUser user = validated.user();
        UserAccount existing = users.findByEmail(organizationId, user.email()).orElse(null);
        if (existing == null) {
            UserAccount account = insert(organizationId, user);
            flush(user.email());
            activity.record(organizationId, ActivityKind.USER_ADDED, "Added user account " + account.id
                    + " (EMPLOYEE) for an invitation", "userId", account.id, "role", account.role);
            return account;
        }
        if (existing.status != UserAccount.Status.ACTIVE) {
            throw new Conflict("user-departed", "User departed", "The account with e-mail " + user.email()
                    + " has departed; it cannot be invited again");
        }
        if (associations.candidateOf(existing.id) != null) {
            throw (Conflict) new Conflict("user-associated", "User associated",
                    "User " + existing.id + " is already associated with a candidate id").with("userId", existing.id);
        }
        return existing;
    }

    /** The account of an organisation an invitation names (removed ones included, for the invitation list). */
    public UserAccount account(UUID userId) {
        return users.findById(userId);
    }

    public List<UserView> list(UUID organizationId, int firstResult, int size) {
        requireOrganization(organizationId);
        return users.listVisible(organizationId, firstResult, size).stream()
                .map(u -> UserView.of(u, associations.candidateOf(u.id))).toList();
    }

    public long count(UUID organizationId) {
        return users.countVisible(organizationId);
    }

    public UserView get(UUID organizationId, UUID userId) {
        UserAccount account = user(organizationId, userId);
        return UserView.of(account, associations.candidateOf(account.id));
    }

    @Transactional
    public UserView change(UUID organizationId, UUID userId, UserBody body) {
        UserAccount account = user(organizationId, userId);
        NewUser user = valid(body);
        users.findByEmail(organizationId, user.email()).filter(other -> !other.id.equals(userId)).ifPresent(other -> {
            throw emailTaken(user.email(), other.id);
        });
        account.name = user.name();
        account.email = user.email();
        account.role = user.role();
        flush(user.email());
        activity.record(organizationId, ActivityKind.USER_CHANGED, "Changed user account " + userId, "userId", userId,
                "role", account.role);
        return UserView.of(account, associations.candidateOf(account.id));
    }

    /** Removes the account from the list (kept as history); an active association ends as a departure. */
    @Transactional
    public void remove(UUID organizationId, UUID userId) {
        UserAccount account = user(organizationId, userId);
        associations.endActive(account, EmployeeLeft.DEPARTED);
        account.status = UserAccount.Status.REMOVED;
        if (account.departedAt == null) {
            account.departedAt = clock.instant();
        }
        activity.record(organizationId, ActivityKind.USER_REMOVED, "Removed user account " + userId, "userId", userId);
        Log.infof("User %s of organization %s removed", userId, organizationId);
    }

    /** M3 the employee left: the account stays as history (DEPARTED); an active association ends (employee.left). */
    @Transactional
    public UserView depart(UUID organizationId, UUID userId) {
        UserAccount account = user(organizationId, userId);
        if (account.status != UserAccount.Status.ACTIVE) {
            throw new Conflict("user-departed", "User departed", "User " + userId + " has already departed");
        }
        associations.endActive(account, EmployeeLeft.DEPARTED);
        account.status = UserAccount.Status.DEPARTED;
        account.departedAt = clock.instant();
        activity.record(organizationId, ActivityKind.USER_DEPARTED, "User " + userId + " departed", "userId", userId);
        Log.infof("User %s of organization %s departed", userId, organizationId);
        return UserView.of(account, null);
    }

    /** A new ACTIVE account (persisted, not flushed). */
    UserAccount insert(UUID organizationId, NewUser user) {
        UserAccount account = new UserAccount();
        account.id = UUID.randomUUID();
        account.organizationId = organizationId;
        account.name = user.name();
        account.email = user.email();
        account.role = user.role();
        account.status = UserAccount.Status.ACTIVE;
        account.createdAt = Instant.now(clock);
        users.persist(account);
        return account;
    }

    private void flush(String email) {
        try {
            users.flush();
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw emailTaken(email, null);
            }
            throw e;
        }
    }

    private UserAccount user(UUID organizationId, UUID userId) {
        requireOrganization(organizationId);
        return users.findVisible(organizationId, userId)
                .orElseThrow(() -> new ResourceNotFound("user", userId.toString()));
    }

    void requireOrganization(UUID organizationId) {
        if (organizations.findByIdOptional(organizationId).isEmpty()) {
            throw new ResourceNotFound("organization", organizationId.toString());
        }
    }

    private static NewUser valid(UserBody body) {
        NewUser.Validated validated = NewUser.validate(body.name(), body.email(), body.role().name());
        if (!validated.valid()) {
            throw new InvalidRequest(validated.problem());
        }
        return validated.user();
    }

    private static Conflict emailTaken(String email, UUID userId) {
        Conflict conflict = new Conflict("email-taken", "E-mail taken",
                "The organisation already has an account with e-mail " + email);
        if (userId != null) {
            conflict.with("userId", userId);
        }
        return conflict;
    }
}
