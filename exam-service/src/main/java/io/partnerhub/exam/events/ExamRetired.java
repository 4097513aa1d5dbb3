package io.partnerhub.exam.events;

import java.time.LocalDate;

import io.partnerhub.chassis.events.DomainEvent;

/**
 * {@code io.partnerhub.exam.retired.v1} on exam-events; subject = examCode. Published when the retirement takes
 * effect (on {@code retiredOn}, by the retirement sweep), not when it is announced.
 */
public record ExamRetired(String examCode, LocalDate retiredOn) implements DomainEvent {

    public static final String TYPE = "io.partnerhub.exam.retired.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return examCode;
    }
}
