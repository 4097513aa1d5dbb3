package io.partnerhub.membership.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.security.Caller;
import io.partnerhub.membership.domain.UserRole;
import io.partnerhub.membership.user.UserAccount;
import io.partnerhub.membership.user.UserRepository;

/**
 * Who a notification goes to: an organisation's partner-admins (its ACTIVE ADMIN accounts), the account a candidate
 * id is associated with, and the account a token speaks for (its candidate claim's association in the token's
 * organisation, else its {@code email} claim among that organisation's accounts).
 */
@ApplicationScoped
public class Recipients {

    private final UserRepository users;

    public Recipients(UserRepository users) {
        this.users = users;
    }

    public List<UserAccount> partnerAdmins(UUID organizationId) {
        return users.list("organizationId = ?1 and role = ?2 and status = ?3", organizationId, UserRole.ADMIN,
                UserAccount.Status.ACTIVE);
    }

    /**
     * The ACTIVE account the candidate is associated with now; empty when none (the mail is not sent). One query (the
     * association joined to its account; a candidate has at most one active association): once per score report.
     */
    public Optional<UserAccount> holder(String candidateId) {
        if (candidateId == null || candidateId.isBlank()) {
            return Optional.empty();
        }
        return users.find("select u from UserAccount u, Association a where a.candidateId = ?1 and a.endedAt is null"
                + " and u.id = a.userId and u.status = ?2", candidateId, UserAccount.Status.ACTIVE).firstResultOptional();
    }

    /** The account the caller's token speaks for, in the token's organisation. */
    public Optional<UserAccount> of(Caller caller, Optional<String> emailClaim) {
        Optional<UUID> organization = caller.organizationId().flatMap(Recipients::uuid);
        if (organization.isEmpty()) {
            return Optional.empty();
        }
        Optional<UserAccount> byCandidate = caller.candidateId().flatMap(this::holder)
                .filter(u -> u.organizationId.equals(organization.get()));
        if (byCandidate.isPresent()) {
            return byCandidate;
        }
        return emailClaim.filter(e -> e.length() <= 320)
                .flatMap(email -> users.findByEmail(organization.get(), email))
                .filter(u -> u.status == UserAccount.Status.ACTIVE);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
