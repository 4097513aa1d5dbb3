package io.partnerhub.membership.events;

import io.partnerhub.chassis.events.DomainEvent;

/**
 * {@code io.partnerhub.employee.joined.v1} on membership-events: a candidate id was associated with a user account of
 * the organisation (M2). Subject = the candidate id, like employee.left.v1, so that the left of the old organisation
 * and the joined of the new one reach consumers in that order. See asyncapi.yaml.
 */
public record EmployeeJoined(String organizationId, String userId, String candidateId) implements DomainEvent {

    public static final String TYPE = "io.partnerhub.employee.joined.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return candidateId;
    }
}
