package io.partnerhub.membership.user;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserAccount, UUID> {

    /** The accounts of an organisation that are not removed (active and departed ones), oldest first. */
    public List<UserAccount> listVisible(UUID organizationId, int firstResult, int size) {
        return find("organizationId = ?1 and status <> ?2", Sort.by("createdAt").and("id"), organizationId,
                UserAccount.Status.REMOVED).range(firstResult, firstResult + size - 1).list();
    }

    public long countVisible(UUID organizationId) {
        return count("organizationId = ?1 and status <> ?2", organizationId, UserAccount.Status.REMOVED);
    }

    public Optional<UserAccount> findVisible(UUID organizationId, UUID id) {
        return find("id = ?1 and organizationId = ?2 and status <> ?3", id, organizationId, UserAccount.Status.REMOVED)
                .firstResultOptional();
    }

    public Optional<UserAccount> findByEmail(UUID organizationId, String email) {
        return find("organizationId = ?1 and email = ?2 and status <> ?3", organizationId, email,
                UserAccount.Status.REMOVED).firstResultOptional();
    }
}
