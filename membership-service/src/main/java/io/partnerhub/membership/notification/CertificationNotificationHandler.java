package io.partnerhub.membership.notification;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;
import io.partnerhub.membership.events.OffThePath;

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

    /** Off the path a partner watches: gathered for {@link OffThePath#gatherFor} and applied several at a time. */
    @Override
    public Duration gatherFor() {
        return OffThePath.gatherFor();
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
