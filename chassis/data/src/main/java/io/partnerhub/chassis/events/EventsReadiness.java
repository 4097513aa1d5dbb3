package io.partnerhub.chassis.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the event plumbing: the outbox relay thread is alive, and every consumer thread is alive and not
 * waiting out a transient failure (the reason is in the check's data, keyed by the handler's class name).
 */
@Readiness
@ApplicationScoped
class EventsReadiness implements HealthCheck {

    static final String NAME = "PartnerHub events";

    private final OutboxRelay relay;
    private final InboxConsumers consumers;

    EventsReadiness(OutboxRelay relay, InboxConsumers consumers) {
        this.relay = relay;
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        Boolean relayAlive = relay.threadAlive();
        if (relayAlive != null) {
            response.withData("outbox-relay", relayAlive ? "running" : "thread dead");
            if (!relayAlive) {
                response.down();
            }
            if (relay.lastFailure() != null) {
                response.withData("outbox-relay-last-failure", relay.lastFailure());
            }
        }
        for (InboxConsumer consumer : consumers.consumers()) {
            String reason = consumer.retryingReason();
            if (!consumer.alive()) {
                response.down().withData(consumer.name(), "thread dead");
            } else if (reason != null) {
                response.down().withData(consumer.name(), "retrying: " + reason);
            } else {
                response.withData(consumer.name(), "consuming " + consumer.topic() + " (group " + consumer.groupId() + ")");
            }
        }
        return response.build();
    }
}
