package io.partnerhub.membership.organization;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.chassis.persistence.Constraints;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.membership.domain.CountryCode;
import io.partnerhub.membership.domain.MpnId;
import io.partnerhub.membership.events.OrganizationRegistered;
import io.partnerhub.membership.organization.OrganizationViews.OrganizationView;
import io.partnerhub.membership.organization.OrganizationViews.RegisterOrganization;
import io.quarkus.logging.Log;

@ApplicationScoped
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final EventPublisher events;
    private final Clock clock;

    public OrganizationService(OrganizationRepository organizations, EventPublisher events, Clock clock) {
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** M1: registers the organisation and writes organization.registered.v1 to the outbox in the same transaction. */
    @Transactional
    public OrganizationView register(RegisterOrganization body) {
        MpnId mpnId;
        CountryCode country;
        try {
            mpnId = new MpnId(body.mpnId());
            country = new CountryCode(body.country());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
        if (organizations.findByMpnId(mpnId.value()).isPresent()) {
            throw mpnIdTaken(mpnId);
        }
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.mpnId = mpnId.value();
        organization.name = body.name().trim();
        organization.country = country.value();
        organization.createdAt = clock.instant();
        try {
            organizations.persistAndFlush(organization);
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw mpnIdTaken(mpnId);
            }
            throw e;
        }
        events.publish(new OrganizationRegistered(organization.id.toString(), organization.mpnId, organization.name));
        Log.infof("Organization %s registered (MPN id %s)", organization.id, organization.mpnId);
        return OrganizationView.of(organization);
    }

    public OrganizationView get(UUID id) {
        return organizations.findByIdOptional(id).map(OrganizationView::of)
                .orElseThrow(() -> new ResourceNotFound("organization", id.toString()));
    }

    public java.util.List<OrganizationView> search(OrganizationRepository.Search search, int firstResult, int size) {
        return organizations.search(search, firstResult, size).stream().map(OrganizationView::of).toList();
    }

    public long count(OrganizationRepository.Search search) {
        return organizations.count(search);
    }

    private static Conflict mpnIdTaken(MpnId mpnId) {
        return (Conflict) new Conflict("mpn-id-taken", "MPN id taken",
                "An organization with MPN id " + mpnId + " is already registered").with("mpnId", mpnId.value());
    }
}
