package io.partnerhub.membership.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;

/**
 * Consumes competency-events for webhooks (its own consumer group and inbox entries): the organisation-level types of
 * {@link DeliverableEvents#COMPETENCY} are queued for the endpoints that receive them ({@link WebhookFanOut}).
 */
@ApplicationScoped
public class WebhookCompetencyEventsHandler implements EventHandler {

    private final WebhookFanOut fanOut;

    public WebhookCompetencyEventsHandler(WebhookFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public String topic() {
        return "competency-events";
    }

    @Override
    public void handle(CloudEvent event) {
        if (DeliverableEvents.COMPETENCY.contains(event.type())) {
            fanOut.accept(event);
        }
    }
}
