package io.partnerhub.membership.webhook;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.chassis.events.CloudEvent;
import io.quarkus.logging.Log;

/**
 * Queues a consumed event for the endpoints that receive it, in the inbox transaction of the event (so it is queued
 * once, whatever the broker redelivers): a deliverable type ({@link DeliverableEvents}) whose {@code data.organizationId}
 * names an organisation goes to that organisation's active endpoints and to the active ops endpoints, each filtered by
 * its event types. The body is the CloudEvent as consumed.
 */
@ApplicationScoped
public class WebhookFanOut {

    private static final String WAKE_KEY = WebhookFanOut.class.getName() + ".wake";

    private final WebhookEndpointRepository endpoints;
    private final DeliveryStore store;
    private final DeliveryWorker worker;
    private final TransactionSynchronizationRegistry registry;
    private final Clock clock;

    public WebhookFanOut(WebhookEndpointRepository endpoints, DeliveryStore store, DeliveryWorker worker,
            TransactionSynchronizationRegistry registry, Clock clock) {
        this.endpoints = endpoints;
        this.store = store;
        this.worker = worker;
        this.registry = registry;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int accept(CloudEvent event) {
        if (!DeliverableEvents.deliverable(event.type())) {
            return 0;
        }
        UUID organizationId = organizationOf(event);
        if (organizationId == null) {
            Log.warnf("Event %s (%s) names no organizationId: not delivered to webhooks", event.id(), event.type());
            return 0;
        }
        String subject = event.subject() == null || event.subject().isBlank() ? organizationId.toString() : event.subject();
        String body = event.toJson();
        int queued = 0;
        for (WebhookEndpoint endpoint : endpoints.activeFor(organizationId)) {
            if (DeliverableEvents.wanted(endpoint.eventTypes, event.type())
                    && store.enqueue(endpoint.id, event.id(), event.type(), subject, organizationId, body, clock.instant())) {
                queued++;
            }
        }
        if (queued > 0) {
            wakeAfterCommit();
        }
        return queued;
    }

    private static UUID organizationOf(CloudEvent event) {
        JsonNode data = event.data();
        JsonNode id = data == null ? null : data.get("organizationId");
        if (id == null || !id.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(id.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Wakes the sender once the queuing transaction committed. */
    void wakeAfterCommit() {
        if (registry.getResource(WAKE_KEY) != null) {
            return;
        }
        registry.putResource(WAKE_KEY, Boolean.TRUE);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    worker.wake();
                }
            }
        });
    }
}
