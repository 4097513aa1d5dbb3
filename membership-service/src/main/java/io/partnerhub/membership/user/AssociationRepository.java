package io.partnerhub.membership.user;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AssociationRepository implements PanacheRepositoryBase<Association, UUID> {

    public Optional<Association> activeForCandidate(String candidateId) {
        return find("candidateId = ?1 and endedAt is null", candidateId).firstResultOptional();
    }

    public Optional<Association> activeForUser(UUID userId) {
        return find("userId = ?1 and endedAt is null", userId).firstResultOptional();
    }
}
