package io.partnerhub.certification.events;

import java.time.Instant;

/**
 * {@code io.partnerhub.exam.passed.v1} data as this service reads it (tolerant reader: fields it does not use are
 * ignored). Documented by the producer in exam-service/src/main/resources/asyncapi.yaml.
 */
public record ExamPassed(String candidateId, String examCode, String attemptId, Integer score, Instant takenAt) {

    public static final String TYPE = "io.partnerhub.exam.passed.v1";

    /** @throws IllegalArgumentException when a field this service needs is missing */
    public ExamPassed requireComplete() {
        if (isBlank(candidateId) || isBlank(examCode) || isBlank(attemptId) || score == null || takenAt == null) {
            throw new IllegalArgumentException("exam.passed.v1 lacks candidateId, examCode, attemptId, score or takenAt: " + this);
        }
        return this;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
