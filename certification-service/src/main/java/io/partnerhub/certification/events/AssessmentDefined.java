package io.partnerhub.certification.events;

import java.time.Instant;

import io.partnerhub.chassis.events.DomainEvent;

/**
 * {@code io.partnerhub.assessment.defined.v1} on certification-events, subject = assessmentId. C6: an assessment entered
 * the catalogue (competency requirements list it as {@code assessment:<id>}). Documented in src/main/resources/asyncapi.yaml.
 */
public record AssessmentDefined(String assessmentId, String name, Instant definedAt) implements DomainEvent {

    public static final String TYPE = "io.partnerhub.assessment.defined.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return assessmentId;
    }
}
