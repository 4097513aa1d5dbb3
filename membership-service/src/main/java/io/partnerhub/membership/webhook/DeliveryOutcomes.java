package io.partnerhub.membership.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.partnerhub.membership.activity.ActivityLog;
import io.partnerhub.membership.domain.ActivityKind;
import io.quarkus.logging.Log;

/**
 * Records what an attempt got, in the sender's transaction: success ends the delivery; a failure schedules the next
 * attempt by the {@link RetrySchedule}, or fails the delivery when its retry period is over. A delivery that fails
 * while nothing has succeeded at its endpoint since its first attempt means the endpoint failed for the whole period:
 * the endpoint is disabled, {@link EndpointDisabled} fired (its owner is told) and, for an organisation's endpoint,
 * WEBHOOK_DISABLED written to the activity log.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    static final int MAX_ERROR = 500;

    private final RetrySchedule schedule;
    private final Event<EndpointDisabled> disabled;
    private final ActivityLog activity;
    private final WebhookEndpointRepository endpoints;

    public DeliveryOutcomes(RetrySchedule schedule, Event<EndpointDisabled> disabled, ActivityLog activity,
            WebhookEndpointRepository endpoints) {
        this.schedule = schedule;
        this.disabled = disabled;
        this.activity = activity;
        this.endpoints = endpoints;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(WebhookEndpoint endpoint, WebhookDelivery delivery, WebhookSender.Attempt attempt, Instant now) {
        delivery.attempts++;
        if (delivery.firstAttemptAt == null) {
            delivery.firstAttemptAt = now;
        }
        delivery.lastAttemptAt = now;
        delivery.lastStatusCode = attempt.statusCode() == 0 ? null : attempt.statusCode();
        delivery.lastError = attempt.error() == null ? null
                : attempt.error().length() > MAX_ERROR ? attempt.error().substring(0, MAX_ERROR) : attempt.error();
        if (attempt.succeeded()) {
            delivery.status = WebhookDelivery.Status.DELIVERED;
            delivery.finishedAt = now;
            // not through the entity: a success must not bump its version under an admin's concurrent change
            endpoints.recordSuccess(endpoint.id, now);
            return;
        }
        Optional<Instant> next = schedule.nextAttempt(delivery.firstAttemptAt, now, delivery.attempts);
        if (next.isPresent()) {
            delivery.nextAttemptAt = next.get();
            Log.debugf("Webhook delivery %d to endpoint %s failed (%s), attempt %d, next at %s", delivery.id,
                    endpoint.id, delivery.lastError, delivery.attempts, delivery.nextAttemptAt);
            return;
        }
        delivery.status = WebhookDelivery.Status.FAILED;
        delivery.finishedAt = now;
        Log.infof("Webhook delivery %d to endpoint %s failed for good after %d attempts: %s", delivery.id, endpoint.id,
                delivery.attempts, delivery.lastError);
        Instant lastSuccess = endpoints.lastSuccess(endpoint.id);
        if (lastSuccess == null || lastSuccess.isBefore(delivery.firstAttemptAt)) {
            disable(endpoint, delivery, now);
        }
    }

    private void disable(WebhookEndpoint endpoint, WebhookDelivery delivery, Instant now) {
        Duration failing = Duration.between(delivery.firstAttemptAt, now);
        endpoint.status = WebhookEndpoint.Status.DISABLED;
        endpoint.disabledAt = now;
        endpoint.updatedAt = now;
        endpoint.disabledReason = "every delivery failed for " + failing.withNanos(0) + "; last: " + delivery.lastError;
        Log.infof("Webhook endpoint %s disabled: %s", endpoint.id, endpoint.disabledReason);
        if (endpoint.organizationId != null) {
            activity.record(endpoint.organizationId, ActivityKind.WEBHOOK_DISABLED,
                    "Webhook " + endpoint.url + " disabled: its deliveries kept failing", "webhookId", endpoint.id,
                    "url", endpoint.url, "lastError", delivery.lastError);
        }
        disabled.fire(new EndpointDisabled(endpoint.organizationId == null ? null : endpoint.organizationId.toString(),
                endpoint.id.toString(), endpoint.url, delivery.lastError, now));
    }
}
