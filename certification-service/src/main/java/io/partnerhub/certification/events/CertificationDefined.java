package io.partnerhub.certification.events;

import java.time.Instant;
import java.time.LocalDate;

import io.partnerhub.certification.domain.CertificationLevel;
import io.partnerhub.chassis.events.DomainEvent;

/**
 * {@code io.partnerhub.certification.defined.v1} on certification-events, subject = certificationId. C1: a certification
 * entered the catalogue (published again, with the new retiresOn/successor, when its retirement is announced or moved),
 * so other services (competency-service's requirement versions) know which certification ids exist without asking.
 * Documented in src/main/resources/asyncapi.yaml.
 */
public record CertificationDefined(String certificationId, String name, CertificationLevel level, LocalDate retiresOn,
        String successor, Instant definedAt) implements DomainEvent {

    public static final String TYPE = "io.partnerhub.certification.defined.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return certificationId;
    }
}
