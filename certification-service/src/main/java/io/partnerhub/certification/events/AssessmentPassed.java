package io.partnerhub.certification.events;

import java.time.Instant;

/**
 * {@code io.partnerhub.assessment.passed.v1} on certification-events, subject = candidateId. C6: a candidate passed an
 * online assessment (counts toward competency skill goals). Documented in src/main/resources/asyncapi.yaml.
 */
public record AssessmentPassed(String candidateId, String assessmentId, Instant passedAt) implements CandidateEvent {

    public static final String TYPE = "io.partnerhub.assessment.passed.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
