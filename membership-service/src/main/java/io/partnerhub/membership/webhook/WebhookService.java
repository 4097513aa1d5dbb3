package io.partnerhub.membership.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.paging.PageRequest;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.membership.activity.ActivityLog;
import io.partnerhub.membership.domain.ActivityKind;
import io.partnerhub.membership.webhook.WebhookViews.DeliveryView;
import io.partnerhub.membership.webhook.WebhookViews.RotatedSecret;
import io.partnerhub.membership.webhook.WebhookViews.WebhookRequest;
import io.partnerhub.membership.webhook.WebhookViews.WebhookView;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;

/**
 * Registration and upkeep of webhook endpoints for an owner: an organisation (its partner-admins, or ops on its
 * behalf) or ops themselves ({@code owner == null}: endpoints that receive every organisation's events). Another
 * owner's endpoint is 404. Changes to an organisation's endpoints go to its activity log.
 */
@ApplicationScoped
public class WebhookService {

    public static final Duration MAX_OVERLAP = Duration.ofDays(7);

    private final WebhookEndpointRepository endpoints;
    private final DeliveryStore deliveries;
    private final TargetGuard guard;
    private final WebhookSecrets secrets;
    private final ActivityLog activity;
    private final WebhookFanOut fanOut;
    private final WebhooksConfig config;
    private final Clock clock;

    public WebhookService(WebhookEndpointRepository endpoints, DeliveryStore deliveries, TargetGuard guard,
            WebhookSecrets secrets, ActivityLog activity, WebhookFanOut fanOut, WebhooksConfig config, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.guard = guard;
        this.secrets = secrets;
        this.activity = activity;
        this.fanOut = fanOut;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public WebhookView register(UUID owner, WebhookRequest request) {
        String url = checkedUrl(request.url());
        List<String> types = checkedTypes(request.eventTypes());
        if (endpoints.ofOwner(owner).count() >= config.maxEndpointsPerOwner()) {
            throw new Conflict("too-many-webhooks", "Too many webhooks",
                    "at most " + config.maxEndpointsPerOwner() + " webhook endpoints per owner");
        }
        Instant now = clock.instant();
        String secret = WebhookSecrets.generate();
        WebhookEndpoint e = new WebhookEndpoint();
        e.id = UUID.randomUUID();
        e.organizationId = owner;
        e.url = url;
        e.description = blankToNull(request.description());
        e.eventTypes = types;
        e.status = WebhookEndpoint.Status.ACTIVE;
        e.secret = secrets.seal(secret);
        e.createdAt = now;
        e.updatedAt = now;
        e.createdBy = activity.actor().subject();
        endpoints.persist(e);
        log(e, ActivityKind.WEBHOOK_ADDED, "Webhook " + url + " added", "eventTypes", String.join(",", types));
        Log.infof("Webhook endpoint %s registered for %s", e.id, owner == null ? "ops" : owner);
        return WebhookView.of(e, now, secret);
    }

    @Transactional
    public Page<WebhookView> list(UUID owner, PageRequest paging) {
        PanacheQuery<WebhookEndpoint> query = endpoints.ofOwner(owner);
        Instant now = clock.instant();
        List<WebhookView> items = query.range(paging.firstResult(), paging.firstResult() + paging.size() - 1).list()
                .stream().map(e -> WebhookView.of(e, now, null)).toList();
        return new Page<>(items, query.count());
    }

    @Transactional
    public WebhookView get(UUID owner, String id) {
        return WebhookView.of(find(owner, id), clock.instant(), null);
    }

    @Transactional
    public WebhookView update(UUID owner, String id, WebhookRequest request) {
        WebhookEndpoint e = find(owner, id);
        String url = checkedUrl(request.url());
        List<String> types = checkedTypes(request.eventTypes());
        Instant now = clock.instant();
        e.url = url;
        e.eventTypes = types;
        e.description = blankToNull(request.description());
        if (Boolean.TRUE.equals(request.enabled()) && e.status == WebhookEndpoint.Status.DISABLED) {
            e.status = WebhookEndpoint.Status.ACTIVE;
            e.disabledAt = null;
            e.disabledReason = null;
            deliveries.restartPending(e.id, now);
            fanOut.wakeAfterCommit();
        } else if (Boolean.FALSE.equals(request.enabled()) && e.status == WebhookEndpoint.Status.ACTIVE) {
            e.status = WebhookEndpoint.Status.DISABLED;
            e.disabledAt = now;
            e.disabledReason = "disabled by " + activity.actor().role();
        }
        e.updatedAt = now;
        log(e, ActivityKind.WEBHOOK_CHANGED, "Webhook " + url + " changed", "status", e.status);
        return WebhookView.of(e, now, null);
    }

    @Transactional
    public void delete(UUID owner, String id) {
        WebhookEndpoint e = find(owner, id);
        log(e, ActivityKind.WEBHOOK_REMOVED, "Webhook " + e.url + " removed");
        endpoints.delete(e);
    }

    @Transactional
    public RotatedSecret rotate(UUID owner, String id, String overlapText) {
        WebhookEndpoint e = find(owner, id);
        Duration overlap = overlap(overlapText);
        Instant now = clock.instant();
        String secret = WebhookSecrets.generate();
        e.previousSecret = overlap.isZero() ? null : e.secret;
        e.previousSecretUntil = overlap.isZero() ? null : now.plus(overlap);
        e.secret = secrets.seal(secret);
        e.updatedAt = now;
        log(e, ActivityKind.WEBHOOK_SECRET_ROTATED, "Webhook " + e.url + " signs with a new secret",
                "previousSecretValidUntil", e.previousSecretUntil);
        return new RotatedSecret(e.id, secret, e.previousSecretUntil);
    }

    /** Queues a {@code io.partnerhub.webhook.test.v1} event for the endpoint (a subject of its own: never held back). */
    @Transactional
    public DeliveryView testSend(UUID owner, String id) {
        WebhookEndpoint e = find(owner, id);
        requireActive(e);
        Instant now = clock.instant();
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("webhookId", e.id.toString())
                .put("organizationId", e.organizationId == null ? null : e.organizationId.toString())
                .put("message", "A test event from PartnerHub: your endpoint receives and verifies our webhooks.");
        CloudEvent event = CloudEvent.of("/membership-service", DeliverableEvents.TEST_TYPE, "webhook-test:" + UUID.randomUUID(),
                now, data);
        WebhookDelivery d = newDelivery(e, WebhookDelivery.Kind.TEST, WebhookSignature.webhookId(e.id, event.id()),
                event.id(), event.type(), event.subject(), event.toJson(), now);
        return DeliveryView.of(d);
    }

    @Transactional
    public Page<DeliveryView> deliveries(UUID owner, String id, String statusText, PageRequest paging) {
        WebhookEndpoint e = find(owner, id);
        WebhookDelivery.Status status = null;
        if (statusText != null && !statusText.isBlank()) {
            try {
                status = WebhookDelivery.Status.valueOf(statusText.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new InvalidRequest("status must be one of PENDING, DELIVERED, FAILED");
            }
        }
        PanacheQuery<WebhookDelivery> query = deliveries.log(e.id, status);
        return new Page<>(query.range(paging.firstResult(), paging.firstResult() + paging.size() - 1).list().stream()
                .map(DeliveryView::of).toList(), query.count());
    }

    /** Sends a finished delivery again, as a new log line with the same webhook-id and body. */
    @Transactional
    public DeliveryView redeliver(UUID owner, String id, String deliveryId) {
        WebhookEndpoint e = find(owner, id);
        long number;
        try {
            number = Long.parseLong(deliveryId);
        } catch (NumberFormatException ex) {
            throw new ResourceNotFound("delivery", deliveryId);
        }
        WebhookDelivery original = deliveries.findOfEndpoint(e.id, number)
                .orElseThrow(() -> new ResourceNotFound("delivery", deliveryId));
        if (original.status == WebhookDelivery.Status.PENDING) {
            throw new Conflict("delivery-pending", "Delivery pending",
                    "delivery " + number + " is still being tried (next at " + original.nextAttemptAt + ")");
        }
        requireActive(e);
        WebhookDelivery d = newDelivery(e, WebhookDelivery.Kind.REDELIVERY, original.webhookId, original.eventId,
                original.eventType, original.subject, original.body, clock.instant());
        return DeliveryView.of(d);
    }

    private WebhookDelivery newDelivery(WebhookEndpoint e, WebhookDelivery.Kind kind, String webhookId, String eventId,
            String type, String subject, String body, Instant now) {
        WebhookDelivery d = new WebhookDelivery();
        d.endpointId = e.id;
        d.webhookId = webhookId;
        d.eventId = eventId;
        d.eventType = type;
        d.subject = subject;
        d.organizationId = e.organizationId;
        d.body = body;
        d.kind = kind;
        d.status = WebhookDelivery.Status.PENDING;
        d.createdAt = now;
        d.nextAttemptAt = now;
        deliveries.persist(d);
        fanOut.wakeAfterCommit();
        return d;
    }

    private static void requireActive(WebhookEndpoint e) {
        if (e.status != WebhookEndpoint.Status.ACTIVE) {
            throw new Conflict("webhook-disabled", "Webhook disabled",
                    "webhook " + e.id + " is disabled (" + e.disabledReason + "); enable it with PUT {\"enabled\": true}");
        }
    }

    private WebhookEndpoint find(UUID owner, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFound("webhook", id);
        }
        return endpoints.findOfOwner(owner, uuid).orElseThrow(() -> new ResourceNotFound("webhook", id));
    }

    private String checkedUrl(String url) {
        try {
            return guard.check(url).uri().toString();
        } catch (TargetGuard.Refused refused) {
            throw new WebhookUrlRefused(refused.getMessage());
        }
    }

    private static List<String> checkedTypes(List<String> types) {
        List<String> unknown = DeliverableEvents.unknown(types);
        if (!unknown.isEmpty()) {
            throw new InvalidRequest("eventTypes: not delivered by webhooks: " + String.join(", ", unknown)
                    + "; one of " + DeliverableEvents.ALL.stream().sorted().toList());
        }
        return types == null ? List.of() : types.stream().distinct().toList();
    }

    private Duration overlap(String text) {
        if (text == null || text.isBlank()) {
            return config.defaultOverlap();
        }
        Duration overlap;
        try {
            overlap = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("overlap: an ISO-8601 duration like PT24H");
        }
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw new InvalidRequest("overlap: from PT0S to P7D");
        }
        return overlap;
    }

    private void log(WebhookEndpoint e, ActivityKind kind, String summary, Object... details) {
        if (e.organizationId == null) {
            return;
        }
        Object[] all = new Object[details.length + 4];
        all[0] = "webhookId";
        all[1] = e.id;
        all[2] = "url";
        all[3] = e.url;
        System.arraycopy(details, 0, all, 4, details.length);
        activity.record(e.organizationId, kind, summary, all);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** One page of views and the total. */
    public record Page<T>(List<T> items, long total) {
    }
}
