package io.partnerhub.membership.events;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.partnerhub.chassis.events.DomainEvent;

/**
 * {@code io.partnerhub.performance.reported.v1} on membership-events: a figure was reported, or corrected (the same
 * organisation, metric and period again with another value: consumers replace the figure). Subject = the organisation
 * id. {@code source} names the reporting system (the reporter token's claim), so that a consumer can count the source a
 * metric's definition names (issue 22). See asyncapi.yaml.
 */
public record PerformanceReported(String organizationId, String metric, BigDecimal value, LocalDate periodStart,
        LocalDate periodEnd, String source) implements DomainEvent {

    public static final String TYPE = "io.partnerhub.performance.reported.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return organizationId;
    }
}
