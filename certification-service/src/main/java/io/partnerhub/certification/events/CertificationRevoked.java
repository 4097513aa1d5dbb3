package io.partnerhub.certification.events;

import io.partnerhub.chassis.events.DomainEvent;

/**
 * {@code io.partnerhub.certification.revoked.v1} on certification-events, subject = candidateId. C9: operations revoked a holding; reason is the one ops gave.
 * Documented in src/main/resources/asyncapi.yaml; exam-service and competency-service read it.
 */
public record CertificationRevoked(String candidateId, String certificationId, String holdingId, String reason) implements DomainEvent {

    public static final String TYPE = "io.partnerhub.certification.revoked.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return candidateId;
    }
}
