package io.partnerhub.membership.user;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.chassis.persistence.Constraints;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.membership.activity.ActivityLog;
import io.partnerhub.membership.domain.ActivityKind;
import io.partnerhub.membership.domain.AssociationDecision;
import io.partnerhub.membership.domain.AssociationDecision.Held;
import io.partnerhub.membership.domain.NewUser;
import io.partnerhub.membership.domain.UserRole;
import io.partnerhub.membership.events.EmployeeJoined;
import io.partnerhub.membership.events.EmployeeLeft;
import io.partnerhub.membership.organization.OrganizationRepository;
import io.partnerhub.membership.user.UserViews.AssociationView;
import io.partnerhub.membership.user.UserViews.ImportRow;
import io.partnerhub.membership.user.UserViews.RowStatus;
import io.partnerhub.membership.user.UserViews.UserBody;
import io.partnerhub.membership.user.UserViews.UserView;
import io.quarkus.logging.Log;

/** M2/M3 user accounts, bulk imports, the one-organisation association of candidate ids and departures. */
@ApplicationScoped
public class UserService {

    public static final int MAX_IMPORT_ROWS = 1000;

    private final UserRepository users;
    private final AssociationRepository associations;
    private final OrganizationRepository organizations;
    private final EventPublisher events;
    private final ActivityLog activity;
    private final Clock clock;

    public UserService(UserRepository users, AssociationRepository associations, OrganizationRepository organizations,
            EventPublisher events, ActivityLog activity, Clock clock) {
        this.users = users;
        this.associations = associations;
        this.organizations = organizations;
        this.events = events;
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
        if (associations.activeForUser(existing.id).isPresent()) {
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
                .map(u -> UserView.of(u, candidateOf(u.id))).toList();
    }

    public long count(UUID organizationId) {
        return users.countVisible(organizationId);
    }

    public UserView get(UUID organizationId, UUID userId) {
        UserAccount account = user(organizationId, userId);
        return UserView.of(account, candidateOf(account.id));
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
        return UserView.of(account, candidateOf(account.id));
    }

    /** Removes the account from the list (kept as history); an active association ends as a departure. */
    @Transactional
    public void remove(UUID organizationId, UUID userId) {
        UserAccount account = user(organizationId, userId);
        endAssociation(account, EmployeeLeft.DEPARTED);
        account.status = UserAccount.Status.REMOVED;
        if (account.departedAt == null) {
            account.departedAt = clock.instant();
        }
        activity.record(organizationId, ActivityKind.USER_REMOVED, "Removed user account " + userId, "userId", userId);
        Log.infof("User %s of organization %s removed", userId, organizationId);
    }

    /**
     * The per-row report of a bulk import. Every row is validated first; the valid new ones are stored together, an
     * invalid row stores nothing. An e-mail address already in the organisation (or earlier in the same upload) is
     * EXISTS with the account's id.
     */
    @Transactional
    public List<ImportRow> importUsers(UUID organizationId, List<String[]> rows, Map<Integer, String> unreadable) {
        requireOrganization(organizationId);
        if (rows.size() > MAX_IMPORT_ROWS) {
            throw tooManyRows(rows.size());
        }
        List<ImportRow> report = new ArrayList<>();
        Map<String, UUID> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            if (unreadable.containsKey(row)) {
                report.add(new ImportRow(row, RowStatus.INVALID, null, unreadable.get(row)));
                continue;
            }
            String[] fields = rows.get(i);
            NewUser.Validated validated = NewUser.validate(fields[0], fields[1], fields[2]);
            if (!validated.valid()) {
                report.add(new ImportRow(row, RowStatus.INVALID, null, validated.problem()));
                continue;
            }
            NewUser user = validated.user();
            UUID existing = seen.get(user.email());
            if (existing == null) {
                existing = users.findByEmail(organizationId, user.email()).map(u -> u.id).orElse(null);
            }
            if (existing != null) {
                report.add(new ImportRow(row, RowStatus.EXISTS, existing, null));
                seen.put(user.email(), existing);
                continue;
            }
            UserAccount account = insert(organizationId, user);
            seen.put(user.email(), account.id);
            report.add(new ImportRow(row, RowStatus.CREATED, account.id, null));
        }
        users.flush();
        long created = report.stream().filter(r -> r.status() == RowStatus.CREATED).count();
        long exists = report.stream().filter(r -> r.status() == RowStatus.EXISTS).count();
        activity.record(organizationId, ActivityKind.USERS_IMPORTED, "Imported " + rows.size() + " rows: " + created
                + " created, " + exists + " existing, " + (rows.size() - created - exists) + " invalid",
                "rows", rows.size(), "created", created, "exists", exists, "invalid", rows.size() - created - exists);
        Log.infof("User import into organization %s: %d rows, %d created", organizationId, rows.size(), created);
        return report;
    }

    public static DomainException tooManyRows(int rows) {
        return new DomainException(413, "too-many-rows", "Too many rows",
                "An import holds at most " + MAX_IMPORT_ROWS + " rows, this one " + rows)
                .with("maxRows", MAX_IMPORT_ROWS);
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

    /** M3 the employee left: the account stays as history (DEPARTED); an active association ends (employee.left). */
    @Transactional
    public UserView depart(UUID organizationId, UUID userId) {
        UserAccount account = user(organizationId, userId);
        if (account.status != UserAccount.Status.ACTIVE) {
            throw new Conflict("user-departed", "User departed", "User " + userId + " has already departed");
        }
        endAssociation(account, EmployeeLeft.DEPARTED);
        account.status = UserAccount.Status.DEPARTED;
        account.departedAt = clock.instant();
        activity.record(organizationId, ActivityKind.USER_DEPARTED, "User " + userId + " departed", "userId", userId);
        Log.infof("User %s of organization %s departed", userId, organizationId);
        return UserView.of(account, null);
    }

    /** The candidate id a user holds in which organisation (for the employee's own association check). */
    public String candidateOf(UUID userId) {
        return associations.activeForUser(userId).map(a -> a.candidateId).orElse(null);
    }

    private void endAssociation(UserAccount account, String reason) {
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

    private UserAccount insert(UUID organizationId, NewUser user) {
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

    private void requireOrganization(UUID organizationId) {
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

    private static Held held(Association a) {
        return a == null ? null : new Held(a.organizationId, a.userId, a.candidateId);
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
