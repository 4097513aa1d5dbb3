package io.partnerhub.membership.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/**
 * The delivery queue's SQL: enqueue once per (event, endpoint), the due heads of an endpoint's subjects in order, and
 * the per-endpoint lock that keeps one sender instance per endpoint.
 */
@ApplicationScoped
public class DeliveryStore implements PanacheRepositoryBase<WebhookDelivery, Long> {

    /** First key of the advisory locks taken here (the second is the endpoint id's hash). */
    static final int LOCK_SPACE = 0x77686b23;

    private final EntityManager em;

    public DeliveryStore(EntityManager em) {
        this.em = em;
    }

    /** Queues an event for an endpoint; false if it was queued before (a redelivered event changes nothing). */
    public boolean enqueue(UUID endpointId, String eventId, String type, String subject, UUID organizationId,
            String body, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO webhook_delivery (endpoint_id, webhook_id, event_id, event_type, subject, organization_id,
                    body, kind, status, attempts, created_at, next_attempt_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'EVENT', 'PENDING', 0, ?8, ?8)
                ON CONFLICT (endpoint_id, event_id) WHERE kind = 'EVENT' DO NOTHING""")
                .setParameter(1, endpointId).setParameter(2, WebhookSignature.webhookId(endpointId, eventId))
                .setParameter(3, eventId).setParameter(4, type).setParameter(5, subject)
                .setParameter(6, organizationId).setParameter(7, body).setParameter(8, now)
                .executeUpdate() == 1;
    }

    /** Active endpoints with a delivery due now. */
    @SuppressWarnings("unchecked")
    public List<UUID> dueEndpoints(Instant now, int limit) {
        return em.createNativeQuery("""
                SELECT DISTINCT d.endpoint_id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?1 AND e.status = 'ACTIVE' LIMIT ?2""", UUID.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    /** The earliest attempt pending at an active endpoint (null: none), for how long the look-up may wait. */
    public Instant nextAttempt() {
        return (Instant) em.createNativeQuery("""
                SELECT min(d.next_attempt_at) FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                WHERE d.status = 'PENDING' AND e.status = 'ACTIVE'""", Instant.class).getSingleResult();
    }

    /**
     * Takes the endpoint's sender lock for the current transaction (PostgreSQL advisory lock, released at commit,
     * rollback or when the session dies with its process); false when another sender holds it.
     */
    public boolean tryLock(UUID endpointId) {
        return (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, LOCK_SPACE).setParameter(2, endpointId.toString()).getSingleResult();
    }

    /**
     * The endpoint's deliveries to send now, oldest first: for each subject only its earliest PENDING delivery, and
     * only when it is due, so a failing head holds back the later deliveries of its subject (and only of its subject).
     */
    @SuppressWarnings("unchecked")
    public List<WebhookDelivery> dueHeads(UUID endpointId, Instant now, int limit) {
        List<Long> ids = em.createNativeQuery("""
                SELECT d.id FROM webhook_delivery d
                WHERE d.endpoint_id = ?1 AND d.status = 'PENDING' AND d.next_attempt_at <= ?2
                  AND NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.endpoint_id = d.endpoint_id
                      AND p.subject = d.subject AND p.status = 'PENDING' AND p.id < d.id)
                ORDER BY d.id LIMIT ?3""", Long.class)
                .setParameter(1, endpointId).setParameter(2, now).setParameter(3, limit).getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1", Sort.by("id"), ids);
    }

    /** An endpoint's delivery log, newest first, optionally of one status. */
    public PanacheQuery<WebhookDelivery> log(UUID endpointId, WebhookDelivery.Status status) {
        return status == null ? find("endpointId = ?1", Sort.descending("id"), endpointId)
                : find("endpointId = ?1 and status = ?2", Sort.descending("id"), endpointId, status);
    }

    public Optional<WebhookDelivery> findOfEndpoint(UUID endpointId, long id) {
        return find("id = ?1 and endpointId = ?2", id, endpointId).firstResultOptional();
    }

    /** After re-enabling: the waiting deliveries start a fresh retry period now. */
    public int restartPending(UUID endpointId, Instant now) {
        return update("firstAttemptAt = null, nextAttemptAt = ?1 where endpointId = ?2 and status = ?3", now, endpointId,
                WebhookDelivery.Status.PENDING);
    }
}
