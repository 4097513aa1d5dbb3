package io.partnerhub.membership.notification;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;

/** certification-events for the mails: renewal-due (window opened, 30 / 7 days left) and expired, to the holder. */
@ApplicationScoped
public class CertificationNotificationHandler implements EventHandler {

    private final NotificationEvents notifications;

    public CertificationNotificationHandler(NotificationEvents notifications) {
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "certification-events";
    }

    @Override
    public void handle(CloudEvent event) {
        if (!notifications.current(event)) {
            return;
        }
        switch (event.type()) {
            case InboundEvents.RENEWAL_DUE -> notifications.renewalDue(event.id(), event.dataAs(InboundEvents.RenewalDue.class));
            case InboundEvents.CERTIFICATION_EXPIRED -> notifications.expired(event.id(), event.dataAs(InboundEvents.Expired.class));
            default -> {
                // not a mail
            }
        }
    }
}
