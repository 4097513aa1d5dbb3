package io.partnerhub.membership.invitation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.membership.domain.InvitationState.Status;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    public Optional<Invitation> findByCodeHash(String codeHash) {
        return find("codeHash", codeHash).firstResultOptional();
    }

    /** The invitation of an account that is neither accepted nor revoked (at most one, by a unique index). */
    public Optional<Invitation> openForUser(UUID userId) {
        return find("userId = ?1 and acceptedAt is null and revokedAt is null", userId).firstResultOptional();
    }

    /** An organisation's invitations, newest first, optionally in one status at {@code now}. */
    public PanacheQuery<Invitation> search(UUID organizationId, Status status, Instant now) {
        StringBuilder query = new StringBuilder("organizationId = ?1");
        List<Object> parameters = new ArrayList<>(List.of(organizationId));
        if (status != null) {
            switch (status) {
                case ACCEPTED -> query.append(" and acceptedAt is not null");
                case REVOKED -> query.append(" and acceptedAt is null and revokedAt is not null");
                case PENDING -> {
                    parameters.add(now);
                    query.append(" and acceptedAt is null and revokedAt is null and expiresAt > ?2");
                }
                case EXPIRED -> {
                    parameters.add(now);
                    query.append(" and acceptedAt is null and revokedAt is null and expiresAt <= ?2");
                }
            }
        }
        return find(query.toString(), Sort.descending("createdAt").and("id", Sort.Direction.Descending),
                parameters.toArray());
    }
}
