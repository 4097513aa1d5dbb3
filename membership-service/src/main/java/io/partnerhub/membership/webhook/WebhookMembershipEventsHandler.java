package io.partnerhub.membership.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;

/**
 * Consumes membership-events for webhooks (its own consumer group and inbox entries): the organisation-level types of
 * {@link DeliverableEvents#MEMBERSHIP} are queued for the endpoints that receive them ({@link WebhookFanOut}).
 */
@ApplicationScoped
public class WebhookMembershipEventsHandler implements EventHandler {

    private final WebhookFanOut fanOut;

    public WebhookMembershipEventsHandler(WebhookFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public String topic() {
        return "membership-events";
    }

    @Override
    public void handle(CloudEvent event) {
        if (DeliverableEvents.MEMBERSHIP.contains(event.type())) {
            fanOut.accept(event);
        }
    }
}
