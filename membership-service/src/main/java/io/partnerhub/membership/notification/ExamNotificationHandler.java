package io.partnerhub.membership.notification;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;
import io.partnerhub.membership.events.OffThePath;

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
        boolean passed = InboundEvents.EXAM_PASSED.equals(event.type());
        if (passed || InboundEvents.EXAM_FAILED.equals(event.type())) {
            notifications.examResult(event.id(), passed, event.dataAs(InboundEvents.ExamResult.class));
        }
    }
}
