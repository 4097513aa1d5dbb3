package io.partnerhub.competency.designation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.partnerhub.competency.domain.Metric;
import io.partnerhub.competency.domain.MetricCatalogue;
import io.partnerhub.competency.domain.OrganizationFacts.Figure;
import io.partnerhub.competency.domain.designation.DatedFacts;
import io.partnerhub.competency.domain.designation.PerformanceFacts;
import io.partnerhub.competency.domain.designation.Specialisation;
import io.partnerhub.competency.projection.SkillIndex;
import io.partnerhub.competency.projection.TypedRows;

/**
 * P4: the effective-dated facts of an organisation (table designation_fact). Skilling: per area, the distinct
 * associated people holding one of the area's certifications of a level (intermediate = ASSOCIATE, advanced =
 * EXPERT/SPECIALTY) and per specialisation its holders, read from the skill-holder counts kept per organisation and
 * credential set (K3c, {@link SkillIndex}: one row each, whatever the organisation's size), recorded as a fact of the
 * day when it changed. Performance: the metric's figures of its counting source, as {@link PerformanceFacts}.
 */
@ApplicationScoped
public class DesignationFacts {

    public static final String INTERMEDIATE = "intermediate-certified";
    public static final String ADVANCED = "advanced-certified";
    static final String SPECIALISATION = "specialisation:";
    /** Facts older than this before the first day replayed cannot change a score (window + flow year + growth base). */
    static final int HORIZON_MONTHS = 32;

    private final EntityManager em;
    private final SkillIndex skills;
    private final MetricCatalogue metrics;

    public DesignationFacts(EntityManager em, SkillIndex skills, MetricCatalogue metrics) {
        this.em = em;
        this.skills = skills;
        this.metrics = metrics;
    }

    /** The credential sets skilling counts for a version, by figure (intermediate, advanced, each specialisation). */
    static Map<String, Set<String>> skillSets(AreaCatalogue.Area area, AreaCatalogue.Version version, Map<String, String> levels) {
        Map<String, Set<String>> sets = new LinkedHashMap<>();
        sets.put(INTERMEDIATE, new TreeSet<>());
        sets.put(ADVANCED, new TreeSet<>());
        version.body().certifications().forEach(credential -> {
            switch (levels.getOrDefault(credential, "")) {
                case "ASSOCIATE" -> sets.get(INTERMEDIATE).add(credential);
                case "EXPERT", "SPECIALTY" -> sets.get(ADVANCED).add(credential);
                default -> {
                }
            }
        });
        for (Specialisation s : version.specialisations(area.id())) {
            sets.put(SPECIALISATION + s.id(), new TreeSet<>(s.certifications()));
        }
        sets.replaceAll((figure, set) -> Set.copyOf(set));
        return java.util.Collections.unmodifiableMap(sets);
    }

    /** The level of each listed certification known now (read, not cached: the writes of levels and versions use it). */
    Map<String, String> levels(Collection<String> credentials) {
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

    /** certification.defined.v1 with a level: remembered for skilling. */
    public void level(String certificationId, String level, AreaCatalogue catalogue) {
        int changed = em.createNativeQuery("UPDATE known_credential SET level = ?2 WHERE credential = ?1 AND level IS DISTINCT FROM ?2")
                .setParameter(1, certificationId).setParameter(2, level).executeUpdate();
        if (changed > 0) {
            catalogue.changed(); // the skill sets of the areas listing it are resolved again after the commit
        }
    }

    /** Makes the skill sets of every area's versions counted per organisation (idempotent; takes the index lock only for new sets). */
    public void register(List<AreaCatalogue.Area> areas, Instant now) {
        List<Set<String>> sets = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        areas.forEach(a -> a.versions().forEach(v -> listed.addAll(v.body().certifications())));
        Map<String, String> levels = levels(listed);
        for (AreaCatalogue.Area area : areas) {
            for (AreaCatalogue.Version version : area.versions()) {
                skillSets(area, version, levels).values().stream().filter(s -> !s.isEmpty()).forEach(sets::add);
            }
        }
        skills.register(sets, now);
    }

    /** People of the organisation holding one of {@code credentials}, a set not registered yet (its registration not committed). */
    long unregisteredHolders(String organizationId, Set<String> credentials) {
        return ((Number) em.createNativeQuery("SELECT count(DISTINCT candidate_id) FROM credential WHERE active"
                + " AND organization_id = ?1 AND credential IN (:c)").setParameter(1, organizationId)
                .setParameter("c", credentials).getSingleResult()).longValue();
    }

    /** A STOCK fact of an area's skilling to store (period ''). */
    record Stock(String scope, String figure, LocalDate effective, BigDecimal value) {
    }

    /**
     * Stores the facts in one statement (each replaces the fact of its day, as recordPerformance does); issue 25: added to
     * the evaluation's writes.
     */
    void record(DesignationStore.Writes writes, String organizationId, List<Stock> stocks, Instant now) {
        if (stocks.isEmpty()) {
            return;
        }
        writes.add("INSERT INTO designation_fact (organization_id, scope, figure, effective, period, value, recorded_at)"
                + " SELECT ?, s, f, CAST(e AS date), '', CAST(v AS numeric), ? FROM unnest(CAST(? AS text[]), CAST(? AS text[]),"
                + " CAST(? AS text[]), CAST(? AS text[])) AS t(s, f, e, v)"
                + " ON CONFLICT (organization_id, scope, figure, effective, period)"
                + " DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at WHERE designation_fact.value <> excluded.value",
                organizationId, now, stocks.stream().map(Stock::scope).toArray(String[]::new),
                stocks.stream().map(Stock::figure).toArray(String[]::new),
                stocks.stream().map(st -> st.effective().toString()).toArray(String[]::new),
                stocks.stream().map(st -> st.value().toPlainString()).toArray(String[]::new));
    }

    private void upsert(String organizationId, String scope, String figure, LocalDate day, String period, BigDecimal value,
            Instant now) {
        em.createNativeQuery("INSERT INTO designation_fact (organization_id, scope, figure, effective, period, value, recorded_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (organization_id, scope, figure, effective, period)"
                + " DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at"
                + " WHERE designation_fact.value <> excluded.value")
                .setParameter(1, organizationId).setParameter(2, scope).setParameter(3, figure).setParameter(4, day)
                .setParameter(5, period).setParameter(6, value).setParameter(7, Timestamp.from(now)).executeUpdate();
    }

    /** A row of performance_figure. */
    public record FigureRow(BigDecimal value, LocalDate periodStart, LocalDate periodEnd, String source, Instant reportedAt) {
    }

    /**
     * performance.reported.v1 applied: the metric's facts of the organisation from its figures of the counting source
     * (an organisation reports a metric a few times a year: this reads those few rows, never its members).
     */
    public void recordPerformance(String organizationId, Metric metric, Instant now) {
        List<Figure> figures = TypedRows.query(em, "SELECT value, period_start, period_end, source, reported_at FROM performance_figure"
                + " WHERE organization_id = ?1 AND metric = ?2", FigureRow.class, "value", "period_start", "period_end", "source",
                "reported_at").setParameter(1, organizationId).setParameter(2, metric.name()).getResultStream()
                .map(r -> new Figure(metric, r.value(), r.periodStart(), r.periodEnd(), r.source(), r.reportedAt()))
                .filter(metrics::counts).toList();
        for (PerformanceFacts.PeriodFact fact : PerformanceFacts.of(metric, figures)) {
            upsert(organizationId, "", fact.fact().figure(), fact.fact().effective(), fact.period(), fact.fact().value(), now);
        }
    }

    /** A fact row as read. */
    public record FactRow(String figure, LocalDate effective, BigDecimal value, Instant recordedAt) {
    }

    /** A fact row as read for several areas: its scope ('' or the area) and period too. */
    public record ScopedRow(String scope, String figure, LocalDate effective, String period, BigDecimal value, Instant recordedAt) {
    }

    /** The area's facts among {@code rows} (its own and the organisation's), oldest first, as {@link #load} gives them (read by {@link OrganisationRead}). */
    static DatedFacts of(List<ScopedRow> rows, String areaId) {
        return new DatedFacts(rows.stream().filter(r -> r.scope().isEmpty() || r.scope().equals(areaId))
                .sorted(Comparator.comparing(ScopedRow::effective).thenComparing(ScopedRow::recordedAt))
                .map(r -> new DatedFacts.Fact(r.figure(), r.value(), r.effective())).toList());
    }


    /**
     * The organisation's facts for the area (its skilling counts and the organisation's performance figures) that can
     * matter to a day from {@code since} on: those effective in the horizon before it, and the latest one of each
     * figure before the horizon (a stock in force then).
     */
    public DatedFacts load(String organizationId, String areaId, LocalDate since) {
        LocalDate horizon = since.minusMonths(HORIZON_MONTHS);
        List<FactRow> rows = new ArrayList<>(TypedRows.query(em, "SELECT figure, effective, value, recorded_at FROM designation_fact"
                + " WHERE organization_id = ?1 AND scope IN ('', ?2) AND effective > ?3", FactRow.class, "figure", "effective",
                "value", "recorded_at").setParameter(1, organizationId).setParameter(2, areaId).setParameter(3, horizon).getResultList());
        rows.addAll(TypedRows.query(em, "SELECT DISTINCT ON (figure) figure, effective, value, recorded_at FROM designation_fact"
                + " WHERE organization_id = ?1 AND scope IN ('', ?2) AND effective <= ?3 AND period = ''"
                + " ORDER BY figure, effective DESC, recorded_at DESC", FactRow.class, "figure", "effective", "value", "recorded_at")
                .setParameter(1, organizationId).setParameter(2, areaId).setParameter(3, horizon).getResultList());
        rows.sort(Comparator.comparing(FactRow::effective).thenComparing(FactRow::recordedAt));
        return new DatedFacts(rows.stream().map(r -> new DatedFacts.Fact(r.figure(), r.value(), r.effective())).toList());
    }
}
