package io.partnerhub.competency.designation;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.partnerhub.chassis.events.DomainEvent;
import io.partnerhub.competency.domain.designation.DesignationEvent;

/**
 * {@code io.partnerhub.designation.attained/at-risk/lost.v1} on competency-events, subject = organizationId (P6):
 * {@code day} is the day it happened (a replay after downtime or a clock jump publishes each on its own day);
 * {@code score} in points to a tenth on that day; {@code holdsUntil} the last day the window still holds a qualifying
 * day (null on lost). Documented in src/main/resources/asyncapi.yaml.
 */
public record DesignationChanged(@JsonIgnore DesignationEvent event, String organizationId, String solutionAreaId,
        String solutionAreaName, String track, BigDecimal score, LocalDate day, LocalDate holdsUntil) implements DomainEvent {

    @Override
    public String type() {
        return "io.partnerhub." + event.type("designation");
    }

    @Override
    public String subject() {
        return organizationId;
    }
}
