package io.partnerhub.membership.events;

import io.partnerhub.chassis.events.DomainEvent;

/**
 * {@code io.partnerhub.employee.left.v1} on membership-events: a candidate id's association with the organisation
 * ended, because the employee departed (M3, {@code DEPARTED}) or associated with another organisation (M2,
 * {@code ASSOCIATED_ELSEWHERE}). Subject = the candidate id. See asyncapi.yaml.
 */
public record EmployeeLeft(String organizationId, String userId, String candidateId, String reason) implements DomainEvent {

    public static final String TYPE = "io.partnerhub.employee.left.v1";
    public static final String DEPARTED = "DEPARTED";
    public static final String ASSOCIATED_ELSEWHERE = "ASSOCIATED_ELSEWHERE";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return candidateId;
    }
}
