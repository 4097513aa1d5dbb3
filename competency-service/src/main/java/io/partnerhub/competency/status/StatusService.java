package io.partnerhub.competency.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.competency.competency.RequirementCatalogue;
import io.partnerhub.competency.config.CompetencyConfig;
import io.partnerhub.competency.domain.CompetencyState;
import io.partnerhub.competency.domain.Evaluation;
import io.partnerhub.competency.domain.Facts;
import io.partnerhub.competency.domain.Level;
import io.partnerhub.competency.domain.OrganisationFacts;
import io.partnerhub.competency.domain.RequirementVersion;
import io.partnerhub.competency.domain.StatusRules;
import io.partnerhub.competency.events.CompetencyChanged;
import io.partnerhub.competency.projection.FactsLoader;
import io.partnerhub.competency.projection.Projections;
import io.partnerhub.competency.projection.SkillIndex;
import io.partnerhub.competency.status.StatusViews.ChangeView;
import io.partnerhub.competency.status.StatusViews.RequirementProgress;
import io.partnerhub.competency.status.StatusViews.StatusView;
import io.quarkus.logging.Log;

/**
 * K3/K4 shell: loads an organisation's facts and stored statuses, applies {@link StatusRules}, stores the result,
 * appends the history and publishes the changes through the outbox, all in the caller's transaction.
 */
@ApplicationScoped
public class StatusService {

    /** The event that caused a recomputation; null for the time-driven sweep. */
    public record Cause(String eventId, String eventType, Instant time) {
        public static Cause of(CloudEvent event) {
            return new Cause(event.id(), event.type(), event.time());
        }
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<RequirementProgress>> PROGRESS = new TypeReference<>() {
    };

    private final StatusRepository statuses;
    private final StatusChangeRepository changes;
    private final Projections projections;
    private final FactsLoader loader;
    private final RequirementCatalogue catalogue;
    private final EventPublisher events;
    private final CompetencyConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    /** competency \n version whose organisations with facts all have a status (checked once per process). */
    private final java.util.Set<String> rolledOut = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Map<String, String> versionsSwept = Map.of();
    /** competency \n version → how far the current pass over its outdated statuses got. */
    private final Map<String, StatusRepository.Position> positions = new java.util.concurrent.ConcurrentHashMap<>();

    public StatusService(StatusRepository statuses, StatusChangeRepository changes, Projections projections,
            FactsLoader loader, RequirementCatalogue catalogue, EventPublisher events, CompetencyConfig config, ObjectMapper json, Clock clock) {
        this.statuses = statuses;
        this.changes = changes;
        this.projections = projections;
        this.loader = loader;
        this.catalogue = catalogue;
        this.events = events;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Locks the candidate until the transaction ends; always before any organisation lock. */
    public void lockCandidate(String candidateId) {
        statuses.lockCandidate(candidateId);
    }

    /** Locks the organisations (sorted, so two recomputations never deadlock) until the transaction ends. */
    public void lock(Collection<String> organizationIds) {
        new TreeSet<>(organizationIds).forEach(statuses::lockOrganization);
    }

    /**
     * Recomputes the organisation's statuses of the competencies whose version in effect {@code relevant} accepts, from
     * the bounded facts those versions need; an organisation's status rows of other competencies are left alone. Call
     * under {@link #lock}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(String organizationId, Predicate<RequirementVersion> relevant, Cause cause) {
        Instant now = now();
        Map<String, RequirementVersion> versions = new java.util.LinkedHashMap<>();
        catalogue.inEffect(today(now)).forEach((competencyId, version) -> {
            if (relevant.test(version)) {
                versions.put(competencyId, version);
            }
        });
        if (versions.isEmpty()) {
            return;
        }
        Facts facts = loader.load(List.of(organizationId), versions.values(), now).get(organizationId);
        versions.forEach((competencyId, version) -> apply(organizationId, competencyId, version,
                statuses.findById(new CompetencyStatus.Key(organizationId, competencyId)), facts, cause, now));
    }

    /**
     * One batch of the time-driven sweep (one transaction): statuses whose next check is due (valid-until, an expiry
     * entering the at-risk horizon); then, per competency, statuses evaluated under another version than the one in
     * effect (a new version took effect, or the clock moved back) and organisations with facts for it but no status yet.
     * Organisations busy with an event are left for the next pass. Returns how many statuses were looked at.
     */
    @Transactional
    public int sweep(int batchSize) {
        Instant now = now();
        Map<String, RequirementVersion> inEffect = catalogue.inEffect(today(now));
        Map<String, String> versionsNow = new TreeMap<>();
        inEffect.forEach((competencyId, version) -> versionsNow.put(competencyId, version.version()));
        if (!versionsNow.equals(versionsSwept)) { // a version took effect (or the clock moved back): look at all again
            rolledOut.clear();
            positions.clear();
            versionsSwept = versionsNow;
        }
        int done = 0;
        Map<String, List<String>> due = new TreeMap<>();
        for (Object[] row : statuses.lockDue(now, batchSize)) {
            due.computeIfAbsent((String) row[1], c -> new ArrayList<>()).add((String) row[0]);
        }
        for (Map.Entry<String, List<String>> entry : due.entrySet()) {
            done += reevaluate(entry.getKey(), inEffect.get(entry.getKey()), entry.getValue(), now);
        }
        for (Map.Entry<String, RequirementVersion> entry : inEffect.entrySet()) {
            if (done >= batchSize) {
                break;
            }
            String competencyId = entry.getKey();
            RequirementVersion version = entry.getValue();
            String rollout = competencyId + "\n" + version.version();
            if (rolledOut.contains(rollout)) {
                continue;
            }
            // a pass walks the outdated rows in index order from a remembered position; when it reaches the end it
            // starts over once (rows skipped meanwhile: busy organisations), and a pass from the start that finds
            // nothing, with no organisation lacking a status, finishes the roll-out of this version in this process
            StatusRepository.Position from = positions.getOrDefault(rollout, StatusRepository.Position.START);
            List<StatusRepository.Position> rows = statuses.lockOutdated(competencyId, version.effectiveFrom(), from,
                    batchSize - done);
            List<String> organizations = new ArrayList<>(rows.stream().map(StatusRepository.Position::organizationId).toList());
            if (!rows.isEmpty()) {
                positions.put(rollout, rows.get(rows.size() - 1)); // another sweeper may be ahead: it skips what is locked
            }
            if (rows.size() < batchSize - done) {
                List<String> missing = statuses.withFactsButNoStatus(competencyId, SkillIndex.keys(version), version.metrics(),
                        today(now).minusMonths(12), batchSize - done - organizations.size());
                if (rows.isEmpty() && missing.isEmpty() && from == StatusRepository.Position.START
                        && !statuses.anyOutdated(competencyId, version.effectiveFrom())) { // not just skipped: locked by another sweeper
                    rolledOut.add(rollout);
                }
                positions.remove(rollout); // the next pass starts over
                organizations.addAll(missing);
            }
            done += reevaluate(competencyId, version, organizations, now);
        }
        return done;
    }

    /**
     * Re-evaluates one competency for these organisations set-based: one try-lock statement, one load of their statuses,
     * one load of their facts; the changed rows are flushed in JDBC batches. Returns how many were re-evaluated.
     */
    private int reevaluate(String competencyId, RequirementVersion version, List<String> organizationIds, Instant now) {
        if (organizationIds.isEmpty()) {
            return 0;
        }
        List<String> locked = statuses.tryLockOrganizations(organizationIds);
        if (locked.isEmpty()) {
            return 0;
        }
        Map<String, CompetencyStatus> rows = statuses.of(competencyId, locked);
        if (version == null) { // the competency has no version in effect (any more): nothing to evaluate
            rows.values().forEach(s -> s.nextCheckAt = null);
            return rows.size();
        }
        Map<String, Facts> facts = loader.load(locked, List.of(version), now);
        for (String organizationId : locked) {
            apply(organizationId, competencyId, version, rows.get(organizationId), facts.get(organizationId), null, now);
        }
        return locked.size();
    }

    private void apply(String organizationId, String competencyId, RequirementVersion version, CompetencyStatus status,
            Facts facts, Cause cause, Instant now) {
        boolean isNew = status == null;
        CompetencyState previous = state(status);
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
        status.reasons = write(state.reasons());
        status.attainedAt = state.attainedAt();
        status.validUntil = state.validUntil();
        if (cause != null && cause.time() != null && (status.asOf == null || cause.time().isAfter(status.asOf))) {
            status.asOf = cause.time();
        }
        status.requirementVersion = version.version();
        status.requirementEffectiveFrom = version.effectiveFrom();
        status.requirements = write(progress(evaluation));
        status.nextCheckAt = StatusRules.nextCheck(state, evaluation, facts, config.riskHorizon(), now);
        status.updatedAt = now;
        if (isNew) {
            statuses.persist(status);
        }
        for (StatusRules.Transition transition : outcome.transitions()) {
            CloudEvent published = events.publishCloudEvent(new CompetencyChanged(transition.change(), organizationId,
                    competencyId, transition.level(), transition.validUntil(), transition.reasons()));
            StatusChange change = new StatusChange();
            change.id = UUID.randomUUID();
            change.organizationId = organizationId;
            change.competencyId = competencyId;
            change.change = transition.change();
            change.level = transition.level();
            change.atRisk = state.atRisk();
            change.reasons = write(transition.reasons());
            change.validUntil = transition.validUntil();
            change.occurredAt = now;
            change.causeEventId = cause == null ? null : cause.eventId();
            change.causeEventType = cause == null ? null : cause.eventType();
            change.publishedEventId = published.id();
            changes.persist(change);
            Log.infof("Competency %s of organisation %s: %s %s (cause %s)", competencyId, organizationId,
                    transition.change(), transition.level(), cause == null ? "valid-until/horizon" : cause.eventId());
        }
    }

    /**
     * K6 what-if: the organisation's statuses as they would be at {@code at} (default now) without the departed people
     * and the expired credentials, under the versions in effect then (or the chosen version for its competency).
     * Nothing is stored or published.
     */
    public List<StatusView> simulate(SimulationViews.Simulation simulation) {
        String organizationId = simulation.organizationId();
        requireKnown(organizationId);
        Instant at = simulation.at() == null ? now() : simulation.at().truncatedTo(ChronoUnit.MILLIS);
        Map<String, RequirementVersion> versions = new java.util.TreeMap<>(catalogue.inEffect(today(at)));
        if (simulation.requirementVersion() != null) {
            versions.put(simulation.requirementVersion().competencyId(),
                    catalogue.version(simulation.requirementVersion().competencyId(), simulation.requirementVersion().version()));
        }
        java.util.Set<String> departures = new java.util.HashSet<>(simulation.departures() == null ? List.of() : simulation.departures());
        java.util.Set<String> expiries = new java.util.HashSet<>();
        if (simulation.expiries() != null) {
            simulation.expiries().forEach(e -> expiries.add(e.candidateId() + "\n" + e.certificationId()));
        }
        OrganisationFacts actual = projections.facts(organizationId, today(at));
        OrganisationFacts facts = new OrganisationFacts(actual.members().stream()
                .filter(m -> !departures.contains(m.candidateId()))
                .map(m -> new OrganisationFacts.Member(m.candidateId(), m.credentials().stream()
                        .filter(c -> !expiries.contains(m.candidateId() + "\n" + c.credential())).toList()))
                .toList(), actual.figures());
        List<StatusView> result = new ArrayList<>();
        versions.forEach((competencyId, version) -> {
            CompetencyStatus stored = statuses.findById(new CompetencyStatus.Key(organizationId, competencyId));
            CompetencyState previous = state(stored);
            StatusRules.Outcome outcome = StatusRules.next(previous, version, facts, at, config.riskHorizon());
            CompetencyState state = outcome.state();
            Evaluation evaluation = outcome.evaluation();
            result.add(new StatusView(organizationId, competencyId, state.level(),
                    state.level() == Level.NONE ? null : evaluation.result(state.level()).pathMet(), state.atRisk(),
                    state.reasons(), state.attainedAt(), state.validUntil(), stored == null ? null : stored.asOf,
                    version.version(), progress(evaluation)));
        });
        return result;
    }

    /** K7: per competency and level met now, the first expiry in the next 12 months that would cost it. */
    public List<StatusViews.ForecastView> forecast(String organizationId) {
        requireKnown(organizationId);
        Instant now = now();
        OrganisationFacts facts = projections.facts(organizationId, today(now));
        List<StatusViews.ForecastView> result = new ArrayList<>();
        catalogue.inEffect(today(now)).forEach((competencyId, version) -> io.partnerhub.competency.domain.Forecast
                .of(version, facts, now, StatusRules.plusYear(now))
                .forEach(e -> result.add(new StatusViews.ForecastView(competencyId, e.level(), e.on(), e.cause(), e.candidates(),
                        e.keepsLevelIf()))));
        result.sort(java.util.Comparator.comparing(StatusViews.ForecastView::on).thenComparing(StatusViews.ForecastView::competencyId));
        return result;
    }

    public List<StatusView> ofOrganization(String organizationId, int page, int size) {
        requireKnown(organizationId);
        return statuses.ofOrganization(organizationId, page, size).stream().map(this::view).toList();
    }

    public long countOfOrganization(String organizationId) {
        return statuses.countOfOrganization(organizationId);
    }

    public StatusView get(String organizationId, String competencyId) {
        CompetencyStatus status = statuses.findById(new CompetencyStatus.Key(organizationId, competencyId));
        if (status == null) {
            requireKnown(organizationId);
            throw new ResourceNotFound("competency status", organizationId + "/" + competencyId);
        }
        return view(status);
    }

    public List<ChangeView> history(String organizationId, String competencyId, int page, int size) {
        get(organizationId, competencyId);
        return changes.of(organizationId, competencyId, page, size).stream().map(c -> new ChangeView(c.change, c.level,
                c.atRisk, read(c.reasons, STRINGS), c.validUntil, c.occurredAt, c.causeEventId, c.causeEventType,
                c.publishedEventId)).toList();
    }

    public long countHistory(String organizationId, String competencyId) {
        return changes.countOf(organizationId, competencyId);
    }

    private void requireKnown(String organizationId) {
        if (!projections.organizationKnown(organizationId)) {
            throw new ResourceNotFound("organization", organizationId);
        }
    }

    /** The stored state, NONE when there is no row. */
    private CompetencyState state(CompetencyStatus status) {
        return status == null ? CompetencyState.NONE
                : new CompetencyState(status.level, status.atRisk, read(status.reasons, STRINGS), status.attainedAt, status.validUntil);
    }

    private static List<RequirementProgress> progress(Evaluation evaluation) {
        return evaluation.progress().stream().map(p -> new RequirementProgress(p.level(), p.path(), p.description(), p.have(),
                p.need(), p.counted(), p.met())).toList();
    }

    private StatusView view(CompetencyStatus s) {
        return new StatusView(s.organizationId, s.competencyId, s.level, s.path, s.atRisk, read(s.reasons, STRINGS),
                s.attainedAt, s.validUntil, s.asOf, s.requirementVersion, read(s.requirements, PROGRESS));
    }

    /** Instants are stored and published to the millisecond (PostgreSQL keeps microseconds, clients compare strings). */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored status is not readable", e);
        }
    }

}
