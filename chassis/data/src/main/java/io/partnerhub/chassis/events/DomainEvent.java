package io.partnerhub.chassis.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A fact a service publishes. Implement it with a record: the record components become the CloudEvent
 * {@code data}; {@link #type()} and {@link #subject()} go to the envelope.
 */
public interface DomainEvent {

    /** CloudEvent type, e.g. {@code io.partnerhub.exam.passed.v1}. */
    @JsonIgnore
    String type();

    /** Candidate id or organisation id: the CloudEvent subject and the Kafka key (keeps one subject in order). */
    @JsonIgnore
    String subject();
}
