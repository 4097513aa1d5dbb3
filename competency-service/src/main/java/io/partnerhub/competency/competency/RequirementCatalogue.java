package io.partnerhub.competency.competency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.competency.competency.RequirementVersionViews.DefineRequirementVersion;
import io.partnerhub.competency.competency.RequirementVersionViews.Kind;
import io.partnerhub.competency.competency.RequirementVersionViews.LevelBody;
import io.partnerhub.competency.competency.RequirementVersionViews.PathBody;
import io.partnerhub.competency.competency.RequirementVersionViews.RequirementBody;
import io.partnerhub.competency.competency.RequirementVersionViews.RequirementVersionView;
import io.partnerhub.competency.competency.RequirementVersionViews.RoadmapView;
import io.partnerhub.competency.events.RequirementsPublished;
import io.partnerhub.competency.domain.Metric;
import io.partnerhub.competency.domain.MetricCatalogue;
import io.partnerhub.competency.domain.Requirement;
import io.partnerhub.competency.domain.RequirementVersion;
import io.partnerhub.competency.projection.KnownCredentials;
import io.partnerhub.competency.projection.SkillIndex;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.logging.Log;

/** K1 requirement versions: defining them (checked before anything is stored), the roadmap, the versions in effect. */
@ApplicationScoped
public class RequirementCatalogue {

    /**
     * The parsed versions of every competency, as of {@code generation} stored versions (they are never changed), read
     * when {@code invalidations} versions had been defined here, counted again at {@code checkedAt} (System.nanoTime).
     */
    private record Snapshot(long generation, long invalidations, long checkedAt,
            Map<String, List<RequirementVersion>> byCompetency) {
    }

    /** How long the catalogue is used without counting the stored versions (versions defined by another instance). */
    static final long RECHECK_NANOS = java.time.Duration.ofSeconds(1).toNanos();

    private final CompetencyRepository competencies;
    private final RequirementVersionRepository versions;
    private final SkillIndex skills;
    private final KnownCredentials known;
    private final Clock clock;
    private final MetricCatalogue metrics;
    private final EventPublisher events;
    private volatile Snapshot snapshot = new Snapshot(-1, -1, 0, Map.of());
    /** Versions defined by this instance (counted after their commit): the catalogue is read again at once. */
    private final java.util.concurrent.atomic.AtomicLong invalidations = new java.util.concurrent.atomic.AtomicLong();
    private final jakarta.transaction.TransactionSynchronizationRegistry transactions;
    private volatile boolean indexed;

    public RequirementCatalogue(CompetencyRepository competencies, RequirementVersionRepository versions, SkillIndex skills,
            KnownCredentials known, Clock clock, MetricCatalogue metrics,
            jakarta.transaction.TransactionSynchronizationRegistry transactions, EventPublisher events) {
        this.transactions = transactions;
        this.competencies = competencies;
        this.versions = versions;
        this.skills = skills;
        this.known = known;
        this.clock = clock;
        this.metrics = metrics;
        this.events = events;
    }

    /**
     * On a thread of its own, so that start-up (and readiness) does not wait for it: the index it fills is only behind
     * for versions stored before the index existed, and the sweep does the same if this fails.
     */
    void onStart(@Observes StartupEvent startup) {
        Thread indexing = new Thread(() -> {
            try {
                indexSkillSets();
            } catch (RuntimeException e) {
                Log.warnf("Skill sets not indexed at startup (the sweep tries again): %s", e.toString());
            }
        }, "skill-set-indexing");
        indexing.setDaemon(true);
        indexing.start();
    }

    /**
     * K3b: every skill set of the stored versions is indexed and counted (versions stored before the index existed);
     * once per process, at startup or else by the sweep.
     */
    @Transactional
    public void indexSkillSets() {
        if (indexed) {
            return;
        }
        List<java.util.Set<String>> sets = new ArrayList<>();
        versions.all().forEach(row -> sets.addAll(toDomain(row).sampleSizes().keySet()));
        skills.register(sets, clock.instant());
        indexed = true;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Transactional
    public RequirementVersionView define(String competencyId, DefineRequirementVersion body) {
        Competency competency = competencies.findByIdOptional(competencyId)
                .orElseThrow(() -> new ResourceNotFound("competency", competencyId));
        competencies.getEntityManager().lock(competency, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        LocalDate today = today();
        if (body.effectiveFrom().isBefore(today)) {
            throw new InvalidRequest("effectiveFrom " + body.effectiveFrom() + " is in the past: a new requirement version "
                    + "takes effect today (" + today + ") or later").with("today", today);
        }
        RequirementVersion version = toDomain(body.version(), body.effectiveFrom(), body.silver(), body.gold()); // 400 when malformed (before the 409s)
        for (RequirementVersionRow existing : versions.ofCompetency(competencyId)) {
            if (existing.version.equals(body.version())) {
                throw new Conflict("requirement-version-exists", "Requirement version exists",
                        "Competency " + competencyId + " already has version " + body.version());
            }
            if (existing.effectiveFrom.equals(body.effectiveFrom())) {
                throw new Conflict("requirement-version-date-taken", "Another version takes effect that day",
                        "Version " + existing.version + " of " + competencyId + " already takes effect on " + body.effectiveFrom())
                        .with("version", existing.version);
            }
        }
        requireKnown(version); // after the 409s: the same version sent again (a re-seed) is a 409 whatever is known
        skills.register(version.sampleSizes().keySet(), clock.instant());
        RequirementVersionRow previous = versions.ofCompetency(competencyId).stream()
                .filter(v -> v.effectiveFrom.isBefore(body.effectiveFrom()))
                .max(java.util.Comparator.comparing((RequirementVersionRow v) -> v.effectiveFrom)).orElse(null);
        RequirementVersionRow row = new RequirementVersionRow();
        row.competencyId = competencyId;
        row.version = body.version();
        row.effectiveFrom = body.effectiveFrom();
        row.silver = body.silver();
        row.gold = body.gold();
        row.createdAt = clock.instant();
        versions.persist(row);
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                invalidations.incrementAndGet(); // committed or not: reading the catalogue again is always right
            }
        });
        events.publish(new RequirementsPublished(competencyId, row.version, row.effectiveFrom, // #23: the notifications
                previous == null ? null : previous.version, row.silver, row.gold,
                previous == null ? null : previous.silver, previous == null ? null : previous.gold));
        Log.infof("Requirement version %s of %s effective from %s", row.version, competencyId, row.effectiveFrom);
        return view(row);
    }

    /** The problem type of a version listing a certification or assessment not (yet) known; clients may retry on it. */
    public static final String UNKNOWN_CREDENTIAL = "unknown-credential";

    /**
     * K1c Every certification and assessment a version lists must be known from certification-service's events
     * (certification.defined / assessment.defined, or seen held); else 400 {@value #UNKNOWN_CREDENTIAL} naming them all.
     * Right after a certification is created there this may still answer 400 for a moment (the event is on its way).
     */
    private void requireKnown(RequirementVersion version) {
        java.util.Set<String> listed = new java.util.LinkedHashSet<>(); // in the order the version lists them
        java.util.stream.Stream.of(version.silver(), version.gold()).flatMap(List::stream).flatMap(List::stream)
                .filter(Requirement.Skill.class::isInstance).map(Requirement.Skill.class::cast)
                .forEach(skill -> listed.addAll(skill.anyOf()));
        List<String> unknown = known.unknown(listed);
        if (unknown.isEmpty()) {
            return;
        }
        String detail = unknown.stream()
                .map(c -> (c.startsWith("assessment:") ? "assessment " + c.substring("assessment:".length()) : "certification " + c)
                        + " is not in the certification catalogue (yet)")
                .collect(Collectors.joining("; "));
        throw new DomainException(400, UNKNOWN_CREDENTIAL, "Unknown certification or assessment", detail)
                .with("unknown", unknown);
    }

    public RoadmapView roadmap(String competencyId) {
        requireCompetency(competencyId);
        LocalDate today = today();
        List<RequirementVersionRow> rows = versions.ofCompetency(competencyId);
        RequirementVersionView inEffect = rows.stream().filter(r -> !r.effectiveFrom.isAfter(today))
                .reduce((a, b) -> b).map(this::view).orElse(null);
        List<RequirementVersionView> upcoming = rows.stream().filter(r -> r.effectiveFrom.isAfter(today)).map(this::view).toList();
        return new RoadmapView(competencyId, today, inEffect, upcoming);
    }

    public List<RequirementVersionView> list(String competencyId) {
        requireCompetency(competencyId);
        return versions.ofCompetency(competencyId).stream().map(this::view).toList();
    }

    /**
     * The version in effect on {@code day} of every competency that has one, by competency id. Read from the parsed
     * catalogue kept in memory (issue #25: no read of the versions per event), read again at once after a version is
     * defined on this instance, and when the number of stored versions changed, counted at most once a second (a
     * version defined on another instance is seen within a second; what was evaluated meanwhile under the version
     * before is re-evaluated by the sweep, which re-evaluates every status of another version than the one in effect).
     */
    public Map<String, RequirementVersion> inEffect(LocalDate day) {
        Map<String, RequirementVersion> result = new LinkedHashMap<>();
        current().byCompetency().forEach((id, list) -> RequirementVersion.inEffect(list, day).ifPresent(v -> result.put(id, v)));
        return result;
    }

    /** Every version of every competency (in effect, past and roadmap), by competency id; same cache as {@link #inEffect}. */
    public Map<String, List<RequirementVersion>> all() {
        return current().byCompetency();
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        long invalidated = invalidations.get();
        long now = System.nanoTime();
        if (known.generation() >= 0 && known.invalidations() == invalidated && now - known.checkedAt() < RECHECK_NANOS) {
            return known;
        }
        long generation = versions.stored();
        if (known.generation() == generation && known.invalidations() == invalidated) {
            Snapshot same = new Snapshot(generation, invalidated, now, known.byCompetency());
            snapshot = same;
            return same;
        }
        Map<String, List<RequirementVersion>> byCompetency = versions.all().stream().collect(Collectors.groupingBy(
                r -> r.competencyId, java.util.TreeMap::new, Collectors.mapping(this::toDomain, Collectors.toList())));
        Snapshot fresh = new Snapshot(versions.stored() == generation ? generation : -1, invalidated, now, byCompetency);
        snapshot = fresh;
        return fresh;
    }

    /** One stored version (for what-if); 404 when the competency has no such version. */
    public RequirementVersion version(String competencyId, String version) {
        RequirementVersionRow.Key key = new RequirementVersionRow.Key();
        key.competencyId = competencyId;
        key.version = version;
        RequirementVersionRow row = versions.findById(key);
        if (row == null) {
            throw new ResourceNotFound("requirement version", competencyId + "/" + version);
        }
        return toDomain(row);
    }

    private void requireCompetency(String competencyId) {
        if (competencies.findByIdOptional(competencyId).isEmpty()) {
            throw new ResourceNotFound("competency", competencyId);
        }
    }

    /** A stored version, reading its metrics as the metric catalogue defines them (K2b). */
    RequirementVersion toDomain(RequirementVersionRow row) {
        return toDomain(row.version, row.effectiveFrom, row.silver, row.gold).with(metrics);
    }

    /** The domain version of a request; 400 invalid-request naming the place of the first problem. */
    public static RequirementVersion toDomain(String version, LocalDate effectiveFrom, LevelBody silver, LevelBody gold) {
        return new RequirementVersion(version, effectiveFrom, paths("silver", silver), paths("gold", gold));
    }

    private static List<List<Requirement>> paths(String level, LevelBody body) {
        if (body == null || body.paths() == null || body.paths().isEmpty()) {
            throw new InvalidRequest(level + " needs at least one path");
        }
        List<List<Requirement>> paths = new ArrayList<>();
        for (int p = 0; p < body.paths().size(); p++) {
            PathBody path = body.paths().get(p);
            if (path == null || path.requirements() == null || path.requirements().isEmpty()) {
                throw new InvalidRequest(level + ".paths[" + p + "] needs at least one requirement");
            }
            List<Requirement> requirements = new ArrayList<>();
            for (int r = 0; r < path.requirements().size(); r++) {
                requirements.add(requirement(level + ".paths[" + p + "].requirements[" + r + "]", path.requirements().get(r)));
            }
            paths.add(requirements);
        }
        return paths;
    }

    private static Requirement requirement(String where, RequirementBody body) {
        if (body == null || body.kind() == null) {
            throw new InvalidRequest(where + ": kind must be SKILL or PERFORMANCE");
        }
        if (body.kind() == Kind.SKILL) {
            if (body.individuals() == null || body.individuals() <= 0) {
                throw new InvalidRequest(where + ": a SKILL requirement needs individuals of 1 or more");
            }
            if (body.anyOf() == null || body.anyOf().isEmpty()) {
                throw new InvalidRequest(where + ": a SKILL requirement lists at least one certification or assessment in anyOf");
            }
            if (body.metric() != null || body.threshold() != null) {
                throw new InvalidRequest(where + ": a SKILL requirement has no metric or threshold");
            }
            return new Requirement.Skill(body.individuals(), body.anyOf().stream().distinct().toList());
        }
        if (body.metric() == null || body.threshold() == null) {
            throw new InvalidRequest(where + ": a PERFORMANCE requirement needs metric and threshold");
        }
        if (body.individuals() != null || body.anyOf() != null) {
            throw new InvalidRequest(where + ": a PERFORMANCE requirement has no individuals or anyOf");
        }
        Optional<Metric> metric = Metric.parse(body.metric());
        if (metric.isEmpty()) {
            throw new InvalidRequest(where + ": unknown metric " + body.metric() + " (one of "
                    + Arrays.toString(Metric.values()) + ")").with("metric", body.metric());
        }
        if (body.threshold().signum() < 0) {
            throw new InvalidRequest(where + ": threshold must not be negative");
        }
        return new Requirement.Performance(metric.get(), body.threshold());
    }

    RequirementVersionView view(RequirementVersionRow row) {
        return new RequirementVersionView(row.competencyId, row.version, row.effectiveFrom, row.silver, row.gold,
                row.createdAt);
    }
}
