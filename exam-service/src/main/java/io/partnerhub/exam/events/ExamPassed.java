package io.partnerhub.exam.events;

import java.time.Instant;

import io.partnerhub.chassis.events.DomainEvent;

/** {@code io.partnerhub.exam.passed.v1} on exam-events; subject = candidateId. */
public record ExamPassed(String candidateId, String examCode, String attemptId, int score, Instant takenAt)
        implements DomainEvent {

    public static final String TYPE = "io.partnerhub.exam.passed.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return candidateId;
    }
}
