package io.partnerhub.certification.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.partnerhub.chassis.events.DomainEvent;

/**
 * An event about one candidate's certifications or assessments: its subject, and so its Kafka key, is the candidate id,
 * which keeps one candidate's events in order for exam-service and competency-service.
 */
public interface CandidateEvent extends DomainEvent {

    String candidateId();

    @Override
    @JsonIgnore
    default String subject() {
        return candidateId();
    }
}
