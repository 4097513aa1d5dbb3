package io.partnerhub.membership.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    /** The endpoints of an owner: an organisation, or ops (null), oldest first. */
    public PanacheQuery<WebhookEndpoint> ofOwner(UUID organizationId) {
        return organizationId == null
                ? find("organizationId is null", Sort.by("createdAt").and("id"))
                : find("organizationId = ?1", Sort.by("createdAt").and("id"), organizationId);
    }

    public Optional<WebhookEndpoint> findOfOwner(UUID organizationId, UUID id) {
        return (organizationId == null ? find("id = ?1 and organizationId is null", id)
                : find("id = ?1 and organizationId = ?2", id, organizationId)).firstResultOptional();
    }

    /** The active endpoints that receive an event of this organisation: its own and the ops ones. */
    public List<WebhookEndpoint> activeFor(UUID organizationId) {
        return list("status = ?1 and (organizationId = ?2 or organizationId is null)", Sort.by("id"),
                WebhookEndpoint.Status.ACTIVE, organizationId);
    }

    /** Notes a successful delivery (a bulk update: the endpoint's version, which guards admin changes, stays). */
    public void recordSuccess(UUID id, Instant at) {
        update("lastSuccessAt = ?1 where id = ?2", at, id);
    }

    /** The endpoint's last success as stored now (including this transaction's {@link #recordSuccess}). */
    public Instant lastSuccess(UUID id) {
        return getEntityManager().createQuery("select e.lastSuccessAt from WebhookEndpoint e where e.id = ?1", Instant.class)
                .setParameter(1, id).getSingleResult();
    }
}
