package io.partnerhub.competency.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.partnerhub.chassis.events.DomainEvent;
import io.partnerhub.competency.domain.Change;
import io.partnerhub.competency.domain.Level;

/**
 * {@code io.partnerhub.competency.attained/renewed/at-risk/risk-cleared/lapsed.v1} on competency-events, subject =
 * organizationId. Published only when the status changes (K4); documented in src/main/resources/asyncapi.yaml.
 */
public record CompetencyChanged(@JsonIgnore Change change, String organizationId, String competencyId, Level level,
        Instant validUntil, List<String> reasons) implements DomainEvent {

    @Override
    public String type() {
        return change.eventType();
    }

    @Override
    public String subject() {
        return organizationId;
    }
}
