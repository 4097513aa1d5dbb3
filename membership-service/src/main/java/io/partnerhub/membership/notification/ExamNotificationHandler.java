package io.partnerhub.membership.notification;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;

/** exam-events for the mails: a scored result (passed / failed) is the candidate's score report. */
@ApplicationScoped
public class ExamNotificationHandler implements EventHandler {

    private final NotificationEvents notifications;

    public ExamNotificationHandler(NotificationEvents notifications) {
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "exam-events";
    }

    @Override
    public void handle(CloudEvent event) {
        if (!notifications.current(event)) {
            return;
        }
        boolean passed = InboundEvents.EXAM_PASSED.equals(event.type());
        if (passed || InboundEvents.EXAM_FAILED.equals(event.type())) {
            notifications.examResult(event.id(), passed, event.dataAs(InboundEvents.ExamResult.class));
        }
    }
}
