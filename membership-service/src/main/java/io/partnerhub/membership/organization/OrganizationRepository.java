package io.partnerhub.membership.organization;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    public Optional<Organization> findByMpnId(String mpnId) {
        return find("mpnId", mpnId).firstResultOptional();
    }
}
