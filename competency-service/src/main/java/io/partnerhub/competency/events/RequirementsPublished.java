package io.partnerhub.competency.events;

import java.time.LocalDate;

import io.partnerhub.chassis.events.DomainEvent;
import io.partnerhub.competency.competency.RequirementVersionViews.LevelBody;

/**
 * {@code io.partnerhub.competency.requirements-published.v1} on competency-events, subject = competencyId (#23): a new
 * requirement version was defined, with the version it follows (the latest one taking effect before it; absent for a
 * competency's first), so that a reader can tell what changes. Published where the version is stored, in its
 * transaction; documented in src/main/resources/asyncapi.yaml.
 */
public record RequirementsPublished(String competencyId, String version, LocalDate effectiveFrom, String previousVersion,
        LevelBody silver, LevelBody gold, LevelBody previousSilver, LevelBody previousGold) implements DomainEvent {

    public static final String TYPE = "io.partnerhub.competency.requirements-published.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return competencyId;
    }
}
