package io.partnerhub.membership.notification;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;
import io.partnerhub.membership.events.OffThePath;
import io.partnerhub.membership.domain.CompetencyChange;
import io.partnerhub.membership.events.CompetencyEventData;

/**
 * competency-events for the mails (its own consumer group, beside membership's {@code CompetencyEventsHandler}):
 * competency attained / at-risk / lapsed, designation attained / at-risk / lost, requirements-published. Other types
 * are ignored.
 */
@ApplicationScoped
public class CompetencyNotificationHandler implements EventHandler {

    private final NotificationEvents notifications;

    public CompetencyNotificationHandler(NotificationEvents notifications) {
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "competency-events";
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
        CompetencyChange change = CompetencyChange.ofType(event.type());
        if (change != null) {
            notifications.competencyChanged(event.id(), change, event.dataAs(CompetencyEventData.class));
            return;
        }
        switch (event.type()) {
            case InboundEvents.DESIGNATION_ATTAINED, InboundEvents.DESIGNATION_AT_RISK, InboundEvents.DESIGNATION_LOST ->
                    notifications.designation(event.id(), event.type(), event.dataAs(InboundEvents.Designation.class));
            case InboundEvents.REQUIREMENTS_PUBLISHED ->
                    notifications.requirementsPublished(event.id(), event.dataAs(InboundEvents.RequirementsPublished.class));
            default -> {
                // not a mail
            }
        }
    }
}
