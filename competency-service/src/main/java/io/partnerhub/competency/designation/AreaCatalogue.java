package io.partnerhub.competency.designation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.competency.domain.designation.Category;
import io.partnerhub.competency.domain.designation.Measure;
import io.partnerhub.competency.domain.designation.ScoreMetric;
import io.partnerhub.competency.domain.designation.ScoreVersion;
import io.partnerhub.competency.domain.designation.SolutionArea;
import io.partnerhub.competency.domain.designation.Specialisation;
import io.partnerhub.competency.domain.designation.Track;
import io.partnerhub.competency.domain.designation.Unit;

/**
 * P1: the solution areas and their score requirement sets as stored (tables solution_area and score_version, seeded by
 * migration V9), read as the domain's {@link SolutionArea}. A set's body is JSON: metrics, tracks, the area's
 * certifications (skilling counts those, by level) and its specialisations. Read once per instance and kept (issue 25:
 * re-reading and parsing it cost most of an event's designation evaluation), checked against the tables every
 * {@link #RECHECK_NANOS} and read again at once after a write of this instance.
 */
@ApplicationScoped
public class AreaCatalogue {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One metric as stored: the measure is (figure, kind, growth). */
    public record MetricBody(String id, String name, Category category, Unit unit, String figure, Measure.Kind kind,
            boolean growth, int maxPoints, BigDecimal threshold) {

        ScoreMetric domain() {
            return new ScoreMetric(id, category, unit, new Measure(figure, kind, growth), maxPoints, threshold);
        }
    }

    public record MeasureBody(String figure, Measure.Kind kind, boolean growth) {
    }

    public record TrackBody(String name, MeasureBody when, BigDecimal atLeast, Map<String, BigDecimal> thresholds) {

        Track domain() {
            Map<String, BigDecimal> own = thresholds == null ? Map.of() : thresholds;
            return when == null ? Track.otherwise(name, own)
                    : Track.when(name, new Measure(when.figure(), when.kind(), when.growth()), atLeast, own);
        }
    }

    public record SpecialisationBody(String id, String name, List<String> certifications, int people) {
    }

    /** A requirement set's body. */
    public record VersionBody(List<MetricBody> metrics, List<TrackBody> tracks, List<String> certifications,
            List<SpecialisationBody> specialisations) {
        public VersionBody {
            metrics = metrics == null ? List.of() : List.copyOf(metrics);
            tracks = tracks == null ? List.of() : List.copyOf(tracks);
            certifications = certifications == null ? List.of() : List.copyOf(certifications);
            specialisations = specialisations == null ? List.of() : List.copyOf(specialisations);
        }
    }

    /** A stored version: its body and the domain's score version built from it. */
    public record Version(String version, LocalDate effectiveFrom, VersionBody body, ScoreVersion score) {

        public Optional<MetricBody> metric(String id) {
            return body.metrics().stream().filter(m -> m.id().equals(id)).findFirst();
        }

        public List<Specialisation> specialisations(String areaId) {
            return body.specialisations().stream()
                    .map(s -> new Specialisation(s.id(), s.name(), areaId, s.certifications(), s.people())).toList();
        }
    }

    public record Area(String id, String name, List<String> replaces, List<Version> versions) {

        public SolutionArea domain() {
            return new SolutionArea(id, name, versions.stream().map(Version::score).toList());
        }

        /** The version in effect on {@code day} (P1: the latest effectiveFrom not after it). */
        public Optional<Version> inEffect(LocalDate day) {
            return versions.stream().filter(v -> !v.effectiveFrom().isAfter(day)).max(Comparator.comparing(Version::effectiveFrom));
        }

        public List<Version> upcoming(LocalDate day) {
            return versions.stream().filter(v -> v.effectiveFrom().isAfter(day)).toList();
        }
    }

    /**
     * The catalogue as read when the stored rows had {@code fingerprint}, with each version's skill sets (by figure:
     * intermediate, advanced, each specialisation) resolved from the certification levels known then.
     */
    private record Snapshot(String fingerprint, long invalidations, long checkedAt, List<Area> areas,
            Map<String, Map<String, Set<String>>> skillSets) {
    }

    /**
     * How long an instance uses its catalogue without checking the stored one (areas and score versions are only ever
     * added; a level changes with certification.defined.v1): what another instance wrote is seen within this. A write
     * of this instance (ops, a level) is seen at once: it counts an invalidation after its commit.
     */
    static final long RECHECK_NANOS = java.time.Duration.ofSeconds(1).toNanos();

    /** A count of areas, versions and a digest of the known levels: any change of what the catalogue reads changes it. */
    private static final String FINGERPRINT = "SELECT (SELECT count(*) FROM solution_area) || '/' || (SELECT count(*) FROM score_version)"
            + " || '/' || coalesce((SELECT md5(string_agg(credential || '=' || level, ',' ORDER BY credential)) FROM known_credential"
            + " WHERE level IS NOT NULL), '')";

    /** Transaction resource key: this transaction changed the catalogue or a level ({@link #changed()}). */
    private static final Object CHANGED_HERE = new Object();

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final AtomicLong invalidations = new AtomicLong();
    private volatile Snapshot snapshot = new Snapshot(null, -1, 0, List.of(), Map.of());

    public AreaCatalogue(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** Every area, by id, each with its versions oldest first (the per-instance copy, see {@link #RECHECK_NANOS}). */
    public List<Area> all() {
        return current().areas();
    }

    public Optional<Area> find(String id) {
        return all().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Read from the tables now, in the caller's transaction (the ops writes, which read what they just stored). */
    public Optional<Area> stored(String id) {
        return read(id).stream().findFirst();
    }

    public List<Area> stored() {
        return read(null);
    }

    /**
     * The credential sets skilling counts for the version: by figure (intermediate, advanced, each specialisation), from
     * the levels known when the catalogue was read.
     */
    public Map<String, Set<String>> skillSets(Area area, Version version) {
        Map<String, Set<String>> sets = current().skillSets().get(area.id() + "\n" + version.version());
        return sets != null ? sets : DesignationFacts.skillSets(area, version, levels(version.body().certifications()));
    }

    /**
     * The catalogue (or a level) changed in this transaction: read again after it ends, committed or not; and until it
     * ends, this transaction reads its own copy from the tables (a consumer applies a poll's events in one transaction:
     * an earned event after a certification.defined that changed a level must see the new level).
     */
    public void changed() {
        if (transactions.getResource(CHANGED_HERE) != null) {
            return;
        }
        transactions.putResource(CHANGED_HERE, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                invalidations.incrementAndGet();
            }
        });
    }

    private Snapshot current() {
        if (changedInThisTransaction()) {
            return readSnapshot(null, -1); // uncommitted: never shared with other transactions
        }
        Snapshot known = snapshot;
        long invalidated = invalidations.get();
        long now = System.nanoTime();
        if (known.fingerprint() != null && known.invalidations() == invalidated && now - known.checkedAt() < RECHECK_NANOS) {
            return known;
        }
        String fingerprint = (String) em.createNativeQuery(FINGERPRINT).getSingleResult(); // before the rows: never newer than them
        if (fingerprint.equals(known.fingerprint()) && known.invalidations() == invalidated) {
            Snapshot same = new Snapshot(fingerprint, invalidated, now, known.areas(), known.skillSets());
            snapshot = same;
            return same;
        }
        Snapshot fresh = readSnapshot(fingerprint, invalidated);
        snapshot = fresh;
        return fresh;
    }

    private boolean changedInThisTransaction() {
        return transactions.getTransactionKey() != null && transactions.getResource(CHANGED_HERE) != null;
    }

    /** The catalogue from the tables, with every version's skill sets resolved from the levels known now. */
    private Snapshot readSnapshot(String fingerprint, long invalidated) {
        List<Area> areas = read(null);
        Set<String> listed = new TreeSet<>();
        areas.forEach(a -> a.versions().forEach(v -> listed.addAll(v.body().certifications())));
        Map<String, String> levels = levels(listed);
        Map<String, Map<String, Set<String>>> sets = new HashMap<>();
        for (Area area : areas) {
            for (Version version : area.versions()) {
                sets.put(area.id() + "\n" + version.version(), DesignationFacts.skillSets(area, version, levels));
            }
        }
        return new Snapshot(fingerprint, invalidated, System.nanoTime(), areas, Map.copyOf(sets));
    }

    /** The level of each listed certification that competency-service knows one of (certification.defined.v1). */
    private Map<String, String> levels(Collection<String> credentials) {
        Map<String, String> levels = new HashMap<>();
        if (credentials.isEmpty()) {
            return levels;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT credential, level FROM known_credential WHERE credential IN (:c)"
                + " AND level IS NOT NULL").setParameter("c", credentials).getResultList();
        rows.forEach(r -> levels.put((String) r[0], (String) r[1]));
        return levels;
    }

    private List<Area> read(String only) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.id, a.name, array_to_string(a.replaces, ','), v.version,"
                + " v.effective_from, CAST(v.body AS text) FROM solution_area a LEFT JOIN score_version v ON v.solution_area_id = a.id"
                + " WHERE CAST(?1 AS text) IS NULL OR a.id = CAST(?1 AS text) ORDER BY a.id, v.effective_from")
                .setParameter(1, only).getResultList();
        Map<String, Area> areas = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String id = (String) row[0];
            Area area = areas.computeIfAbsent(id, k -> new Area(k, (String) row[1], replaces((String) row[2]), new ArrayList<>()));
            if (row[3] != null) {
                area.versions().add(version((String) row[3], toDate(row[4]), (String) row[5]));
            }
        }
        return areas.values().stream().map(a -> new Area(a.id(), a.name(), a.replaces(), List.copyOf(a.versions()))).toList();
    }

    private static List<String> replaces(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** Builds a version from its body; an inconsistent body (max points not 100, …) throws IllegalArgumentException. */
    static Version version(String version, LocalDate effectiveFrom, String body) {
        try {
            VersionBody parsed = JSON.readValue(body, VersionBody.class);
            return version(version, effectiveFrom, parsed);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("score version " + version + " does not read: " + e.getOriginalMessage(), e);
        }
    }

    static Version version(String version, LocalDate effectiveFrom, VersionBody body) {
        ScoreVersion score = new ScoreVersion(version, effectiveFrom, body.metrics().stream().map(MetricBody::domain).toList(),
                body.tracks().stream().map(TrackBody::domain).toList());
        return new Version(version, effectiveFrom, body, score);
    }
}
