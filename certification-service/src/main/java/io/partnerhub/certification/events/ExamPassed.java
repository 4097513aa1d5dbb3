package io.partnerhub.certification.events;

import java.time.Instant;

/**
 * {@code io.partnerhub.exam.passed.v1} data as this service reads it (tolerant reader: fields it does not use are
 * ignored). Documented by the producer in exam-service/src/main/resources/asyncapi.yaml. An event lacking a field this
 * service needs does not read (the constructor throws), so {@code CloudEvent.dataAs} fails deterministically and the
 * record is dead-lettered after the bounded attempts.
 */
public record ExamPassed(String candidateId, String examCode, String attemptId, Integer score, Instant takenAt) {

    public static final String TYPE = "io.partnerhub.exam.passed.v1";

    public ExamPassed {
        if (isBlank(candidateId) || isBlank(examCode) || isBlank(attemptId) || score == null || takenAt == null) {
            throw new IllegalArgumentException("exam.passed.v1 lacks candidateId, examCode, attemptId, score or takenAt: "
                    + "candidateId=" + candidateId + ", examCode=" + examCode + ", attemptId=" + attemptId + ", score=" + score
                    + ", takenAt=" + takenAt);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
