package io.partnerhub.competency.designation;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.partnerhub.chassis.events.DomainEvent;
import io.partnerhub.competency.domain.designation.DesignationEvent;

/**
 * {@code io.partnerhub.specialisation.attained/lost.v1} on competency-events, subject = organizationId (P8), with the
 * day it happened. Documented in src/main/resources/asyncapi.yaml.
 */
public record SpecialisationChanged(@JsonIgnore DesignationEvent event, String organizationId, String solutionAreaId,
        String specialisationId, String specialisationName, LocalDate day) implements DomainEvent {

    @Override
    public String type() {
        return "io.partnerhub." + event.type("specialisation");
    }

    @Override
    public String subject() {
        return organizationId;
    }
}
