package io.partnerhub.membership.events;

import io.partnerhub.chassis.events.DomainEvent;

/** {@code io.partnerhub.organization.registered.v1} on membership-events; subject = organizationId. See asyncapi.yaml. */
public record OrganizationRegistered(String organizationId, String mpnId, String name) implements DomainEvent {

    public static final String TYPE = "io.partnerhub.organization.registered.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return organizationId;
    }
}
