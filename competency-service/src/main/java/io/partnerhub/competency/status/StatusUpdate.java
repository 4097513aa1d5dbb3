package io.partnerhub.competency.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.competency.config.CompetencyConfig;
import io.partnerhub.competency.credential.AwardChanged;
import io.partnerhub.competency.domain.Change;
import io.partnerhub.competency.domain.CompetencyState;
import io.partnerhub.competency.domain.Evaluation;
import io.partnerhub.competency.domain.Facts;
import io.partnerhub.competency.domain.Level;
import io.partnerhub.competency.domain.Reason;
import io.partnerhub.competency.domain.RequirementVersion;
import io.partnerhub.competency.domain.StatusRules;
import io.partnerhub.competency.events.CompetencyChanged;
import io.partnerhub.competency.projection.FactsLoader;
import io.quarkus.logging.Log;

/**
 * K3/K4 shell of one status: applies {@link StatusRules} to the stored row and the facts, stores the result, appends the
 * history and publishes the changes through the outbox, in the caller's transaction (an event's recomputation or a
 * sweep batch, which hold the organisation's lock).
 */
@ApplicationScoped
public class StatusUpdate {

    private final FactsLoader loader;
    private final EventPublisher events;
    private final CompetencyConfig config;
    private final Event<AwardChanged> awards;
    private final StatusWrites writes;

    public StatusUpdate(FactsLoader loader, EventPublisher events,
            CompetencyConfig config, Event<AwardChanged> awards, StatusWrites writes) {
        this.writes = writes;
        this.loader = loader;
        this.events = events;
        this.config = config;
        this.awards = awards;
    }

    /**
     * Applies each version (by competency id) to each organisation, from the bounded facts those versions need, loaded
     * once for all of them; {@code stored} gives an organisation's stored row of a competency (null: none yet).
     */
    void applyAll(List<String> organizationIds, Map<String, RequirementVersion> versions,
            BiFunction<String, String, CompetencyStatus> stored, Cause cause, Instant now) {
        applyAll(organizationIds, versions, stored, loader.load(organizationIds, versions.values(), now), cause, now);
    }

    /** As {@link #applyAll(List, Map, BiFunction, Cause, Instant)} with the facts read by the caller. */
    void applyAll(List<String> organizationIds, Map<String, RequirementVersion> versions,
            BiFunction<String, String, CompetencyStatus> stored, Map<String, Facts> facts, Cause cause, Instant now) {
        List<CompetencyStatus> created = new java.util.ArrayList<>();
        List<CompetencyStatus> changed = new java.util.ArrayList<>();
        List<StatusChange> history = new java.util.ArrayList<>();
        for (String organizationId : organizationIds) {
            versions.forEach((competencyId, version) -> {
                CompetencyStatus status = stored.apply(organizationId, competencyId);
                (status == null ? created : changed).add(apply(organizationId, competencyId, version, status,
                        facts.get(organizationId), cause, now, history));
            });
        }
        writes.write(created, changed, history); // the rows were read read-only: written here, in a batch each
    }

    /**
     * #26 As {@link #applyAll}, but a stored row the recomputation leaves as it was (every column but
     * {@code updated_at}) is not written (no update, no version step): the end of a projection rebuild, which recomputes
     * every status and changes few. Returns how many rows were written.
     */
    int applyAllChanged(List<String> organizationIds, Map<String, RequirementVersion> versions,
            BiFunction<String, String, CompetencyStatus> stored, Cause cause, Instant now) {
        Map<String, Facts> facts = loader.load(organizationIds, versions.values(), now);
        List<CompetencyStatus> created = new java.util.ArrayList<>();
        List<CompetencyStatus> changed = new java.util.ArrayList<>();
        List<StatusChange> history = new java.util.ArrayList<>();
        for (String organizationId : organizationIds) {
            versions.forEach((competencyId, version) -> {
                CompetencyStatus status = stored.apply(organizationId, competencyId);
                List<Object> before = status == null ? null : columns(status);
                CompetencyStatus after = apply(organizationId, competencyId, version, status, facts.get(organizationId), cause, now,
                        history);
                if (before == null) {
                    created.add(after);
                } else if (!before.equals(columns(after))) {
                    changed.add(after);
                }
            });
        }
        writes.write(created, changed, history);
        return created.size() + changed.size();
    }

    /** The columns {@link StatusWrites} writes but {@code updated_at}, as values ({@link #apply} replaces, never mutates them). */
    private static List<Object> columns(CompetencyStatus status) {
        return java.util.Arrays.asList(status.level, status.path, status.atRisk, status.reasons, status.attainedAt,
                status.validUntil, status.asOf, status.requirementVersion, status.requirementEffectiveFrom, status.requirements,
                status.nextCheckAt);
    }

    /**
     * @param status the stored row, null when there is none yet; {@code cause} null: time-driven
     * @param history the changes to append to the history (the caller writes them with the row)
     * @return the row to store (the caller writes it)
     */
    CompetencyStatus apply(String organizationId, String competencyId, RequirementVersion version, CompetencyStatus status,
            Facts facts, Cause cause, Instant now, List<StatusChange> history) {
        boolean isNew = status == null;
        CompetencyState previous = StatusRows.state(status);
        StatusRules.Outcome outcome = StatusRules.next(previous, version, facts, now, config.riskHorizon());
        if (isNew) {
            status = new CompetencyStatus();
            status.organizationId = organizationId;
            status.competencyId = competencyId;
        }
        CompetencyState state = outcome.state();
        Evaluation evaluation = outcome.evaluation();
        status.level = state.level();
        status.path = state.level() == Level.NONE ? null : evaluation.result(state.level()).pathMet();
        status.atRisk = state.atRisk();
        status.reasons = state.reasons();
        status.attainedAt = state.attainedAt();
        status.validUntil = state.validUntil();
        if (cause != null && cause.time() != null && (status.asOf == null || cause.time().isAfter(status.asOf))) {
            status.asOf = cause.time();
        }
        status.requirementVersion = version.version();
        status.requirementEffectiveFrom = version.effectiveFrom();
        status.requirements = StatusRows.progress(evaluation);
        status.nextCheckAt = StatusRules.nextCheck(state, evaluation, facts, config.riskHorizon(), now);
        status.updatedAt = now;
        for (StatusRules.Transition transition : outcome.transitions()) {
            CloudEvent published = events.publishCloudEvent(new CompetencyChanged(transition.change(), organizationId,
                    competencyId, transition.level(), transition.validUntil(), Reason.texts(transition.reasons())));
            StatusChange change = new StatusChange();
            change.id = UUID.randomUUID();
            change.organizationId = organizationId;
            change.competencyId = competencyId;
            change.change = transition.change();
            change.level = transition.level();
            change.atRisk = state.atRisk();
            change.reasons = Reason.texts(transition.reasons());
            change.validUntil = transition.validUntil();
            change.requirements = status.requirements;
            change.occurredAt = now;
            change.causeEventId = cause == null ? null : cause.eventId();
            change.causeEventType = cause == null ? null : cause.eventType();
            change.publishedEventId = published.id();
            history.add(change);
            if (transition.change() != Change.AT_RISK && transition.change() != Change.RISK_CLEARED) {
                // organisation credentials (issue 22): attained/renewed hold the level, lapsed ends it; same transaction
                awards.fire(new AwardChanged(organizationId, AwardChanged.Kind.COMPETENCY, competencyId,
                        transition.level().name(), null, transition.change() != Change.LAPSED, now));
            }
            Log.infof("Competency %s of organisation %s: %s %s (cause %s)", competencyId, organizationId,
                    transition.change(), transition.level(), cause == null ? "valid-until/horizon" : cause.eventId());
        }
        return status;
    }
}
