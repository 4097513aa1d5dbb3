package io.partnerhub.competency.designation;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;

import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.competency.credential.AwardChanged;
import io.partnerhub.competency.domain.Metric;
import io.partnerhub.competency.domain.MetricCatalogue;
import io.partnerhub.competency.domain.OrganizationFacts.Figure;
import io.partnerhub.competency.domain.designation.CapabilityScore;
import io.partnerhub.competency.domain.designation.DatedFacts;
import io.partnerhub.competency.domain.designation.DesignationEvent;
import io.partnerhub.competency.domain.designation.DesignationState;
import io.partnerhub.competency.domain.designation.PerformanceFacts;
import io.partnerhub.competency.domain.designation.QualificationWindow;
import io.partnerhub.competency.domain.designation.Replay;
import io.partnerhub.competency.domain.designation.Specialisation;
import io.partnerhub.competency.projection.SkillIndex;
import io.quarkus.logging.Log;

/**
 * #26 the designations of many organisations evaluated at once (the end of a projection rebuild): what
 * {@link DesignationEvaluation#refresh(String)} does for one organisation, with the reads and writes set-based. What the
 * organisations' evaluations read is read in one round trip of five statements (status and specialisation rows, the
 * facts that can matter from each organisation's earliest day judged, the kept holder counts, the qualifying days);
 * each organisation is then evaluated in plain Java with the same rules ({@link DayWalk}, {@link Scores}, {@link
 * DesignationStore#replace}), in the same order, publishing the same events through the outbox (and firing the same
 * {@link AwardChanged}); the facts, status, specialisation and day rows are written in one statement each for all of
 * them. Call under the organisations' locks, in the caller's transaction.
 */
@ApplicationScoped
public class DesignationBatch {

    private final AreaCatalogue catalogue;
    private final DesignationFacts facts;
    private final EventPublisher events;
    private final Event<AwardChanged> awards;
    private final DesignationEvaluation evaluation;
    private final MetricCatalogue metrics;
    private final EntityManager em;

    public DesignationBatch(AreaCatalogue catalogue, DesignationFacts facts, EventPublisher events, Event<AwardChanged> awards,
            DesignationEvaluation evaluation, MetricCatalogue metrics, EntityManager em) {
        this.catalogue = catalogue;
        this.metrics = metrics;
        this.facts = facts;
        this.events = events;
        this.awards = awards;
        this.evaluation = evaluation;
        this.em = em;
    }

    /** An area with its version in effect today and that version's skill sets (figure → credentials). */
    private record InEffect(AreaCatalogue.Area area, AreaCatalogue.Version version, Map<String, Set<String>> sets) {
    }

    /** What was read of one organisation, and the writes its evaluation collects. */
    private static final class Organisation {
        final Map<String, DesignationStore.StatusRow> rows = new HashMap<>();
        final Map<String, List<DesignationStore.SpecialisationRow>> specialisations = new HashMap<>();
        final List<DesignationFacts.ScopedRow> facts = new ArrayList<>();
        final Map<String, Long> holders = new HashMap<>();
        final Map<String, TreeSet<LocalDate>> days = new HashMap<>();
        final List<DesignationStore.Day> deletes = new ArrayList<>();
        final List<DesignationStore.Day> inserts = new ArrayList<>();

        TreeSet<LocalDate> days(String areaId, String subject) {
            return days.getOrDefault(areaId + "\n" + subject, new TreeSet<>());
        }
    }

    /** The writes of a batch, one statement each. */
    private record Writes(List<String> stockOrganizations, List<DesignationFacts.Stock> stocks,
            List<DesignationStore.StatusRow> statuses, Map<String, Specialised> specialisations, List<String> dayOrganizations, List<DesignationStore.Day> deletes,
            List<String> insertOrganizations, List<DesignationStore.Day> inserts) {

        Writes() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new java.util.LinkedHashMap<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /** A specialisation row of an organisation (two areas listing one specialisation: the last written wins, as one by one). */
    private record Specialised(String organizationId, DesignationStore.SpecialisationRow row) {
    }

    /**
     * As {@link DesignationFacts#recordPerformance} for every metric each organisation has figures of: their figures
     * read in one query, the facts upserted in one statement (a fact only replaces one of another value, as there).
     * Returns how many facts were offered.
     */
    @Transactional(TxType.MANDATORY)
    public int recordPerformance(Collection<String> organizationIds, Instant now) {
        if (organizationIds.isEmpty()) {
            return 0;
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, Map<Metric, List<Figure>>> figures = new TreeMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT organization_id, metric, value, period_start,"
                    + " period_end, source, reported_at FROM performance_figure WHERE organization_id = ANY(?)")) {
                query.setArray(1, texts(connection, List.copyOf(new TreeSet<>(organizationIds))));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String organization = rows.getString(1);
                        Optional<Metric> metric = Metric.parse(rows.getString(2));
                        if (metric.isEmpty()) {
                            continue;
                        }
                        Figure figure = new Figure(metric.get(), rows.getBigDecimal(3), rows.getObject(4, LocalDate.class),
                                rows.getObject(5, LocalDate.class), rows.getString(6), instant(rows.getTimestamp(7)));
                        figures.computeIfAbsent(organization, o -> new TreeMap<>())
                                .computeIfAbsent(metric.get(), m -> new ArrayList<>()).add(figure);
                    }
                }
            }
            List<String> organizations = new ArrayList<>();
            List<PerformanceFacts.PeriodFact> facts = new ArrayList<>();
            figures.forEach((organization, byMetric) -> byMetric.forEach((metric, list) -> {
                for (PerformanceFacts.PeriodFact fact : PerformanceFacts.of(metric, list.stream().filter(metrics::counts).toList())) {
                    organizations.add(organization);
                    facts.add(fact);
                }
            }));
            if (facts.isEmpty()) {
                return 0;
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO designation_fact (organization_id, scope, figure,"
                    + " effective, period, value, recorded_at) SELECT o, '', f, CAST(e AS date), p, CAST(v AS numeric), ?"
                    + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS t(o, f, e, p, v)"
                    + " ON CONFLICT (organization_id, scope, figure, effective, period)"
                    + " DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at WHERE designation_fact.value <> excluded.value")) {
                upsert.setTimestamp(1, Timestamp.from(now));
                upsert.setArray(2, texts(connection, organizations));
                upsert.setArray(3, texts(connection, facts.stream().map(f -> f.fact().figure()).toList()));
                upsert.setArray(4, texts(connection, facts.stream().map(f -> f.fact().effective().toString()).toList()));
                upsert.setArray(5, texts(connection, facts.stream().map(PerformanceFacts.PeriodFact::period).toList()));
                upsert.setArray(6, texts(connection, facts.stream().map(f -> f.fact().value().toPlainString()).toList()));
                upsert.executeUpdate();
            }
            return facts.size();
        });
    }

    /**
     * As {@link DesignationEvaluation#refresh(String)} (facts not changed otherwise) for each organisation, in id order.
     * Returns how many organisation-area evaluations ran (the others were settled).
     */
    @Transactional(TxType.MANDATORY)
    public int refresh(Collection<String> organizationIds) {
        if (organizationIds.isEmpty()) {
            return 0;
        }
        Instant now = evaluation.now();
        LocalDate today = DesignationEvaluation.today(now);
        List<InEffect> inEffect = new ArrayList<>();
        for (AreaCatalogue.Area area : catalogue.all()) {
            area.inEffect(today).ifPresent(v -> inEffect.add(new InEffect(area, v, catalogue.skillSets(area, v))));
        }
        if (inEffect.isEmpty()) {
            return 0;
        }
        Map<String, Set<String>> sets = new HashMap<>();
        inEffect.forEach(e -> e.sets().values().stream().filter(set -> !set.isEmpty()).forEach(set -> sets.put(SkillIndex.key(set), set)));
        List<String> organizations = List.copyOf(new TreeSet<>(organizationIds));
        List<String> areaIds = inEffect.stream().map(e -> e.area().id()).toList();
        Map<String, Organisation> read = new HashMap<>();
        organizations.forEach(o -> read.put(o, new Organisation()));
        Set<String> registered = em.unwrap(Session.class).doReturningWork(connection -> read(connection, organizations, areaIds,
                today, QualificationWindow.on(today).from(), sets.keySet(), read));
        Writes writes = new Writes();
        int evaluated = 0;
        for (String organizationId : organizations) {
            Organisation organisation = read.get(organizationId);
            sets.forEach((key, set) -> {
                if (!organisation.holders.containsKey(key)) {
                    organisation.holders.put(key, registered.contains(key) ? 0L : facts.unregisteredHolders(organizationId, set));
                }
            });
            evaluated += refresh(organizationId, organisation, inEffect, today, now, writes);
        }
        em.unwrap(Session.class).doWork(connection -> write(connection, writes, now));
        return evaluated;
    }

    /** {@link DesignationEvaluation#refresh(String, boolean)} of one organisation from what was read, its writes collected. */
    private int refresh(String organizationId, Organisation read, List<InEffect> inEffect, LocalDate today, Instant now, Writes writes) {
        List<DesignationFacts.ScopedRow> loaded = read.facts;
        List<InEffect> due = new ArrayList<>();
        for (InEffect e : inEffect) {
            String areaId = e.area().id();
            DatedFacts before = DesignationFacts.of(loaded, areaId);
            boolean changed = false;
            for (Map.Entry<String, Set<String>> set : e.sets().entrySet()) {
                String figure = set.getKey();
                BigDecimal value = BigDecimal.valueOf(set.getValue().isEmpty() ? 0 : read.holders.getOrDefault(SkillIndex.key(set.getValue()), 0L));
                if (before.inForce(figure, today).compareTo(value) != 0) {
                    writes.stockOrganizations().add(organizationId);
                    writes.stocks().add(new DesignationFacts.Stock(areaId, figure, today, value));
                    loaded.removeIf(r -> r.scope().equals(areaId) && r.figure().equals(figure) && r.effective().equals(today)
                            && r.period().isEmpty());
                    loaded.add(new DesignationFacts.ScopedRow(areaId, figure, today, "", value, now));
                    changed = true;
                }
            }
            if (changed || !settled(read.rows.get(areaId), read.specialisations.getOrDefault(areaId, List.of()), e, today)) {
                due.add(e);
            }
        }
        for (InEffect e : due) {
            evaluate(organizationId, e.area(), e.version(), read, today, now, writes);
        }
        read.deletes.forEach(d -> {
            writes.dayOrganizations().add(organizationId);
            writes.deletes().add(d);
        });
        read.inserts.forEach(d -> {
            writes.insertOrganizations().add(organizationId);
            writes.inserts().add(d);
        });
        return due.size();
    }

    /** As DesignationEvaluation#settled. */
    private static boolean settled(DesignationStore.StatusRow row, List<DesignationStore.SpecialisationRow> specialisations,
            InEffect e, LocalDate today) {
        if (row == null || !today.equals(row.lastEvaluated()) || !e.version().version().equals(row.scoreVersion())
                || DesignationState.ATTAINED.name().equals(row.state())) {
            return false;
        }
        Map<String, String> states = new HashMap<>();
        specialisations.forEach(s -> states.put(s.specialisationId(), s.state()));
        return e.version().specialisations(e.area().id()).stream()
                .allMatch(s -> states.containsKey(s.id()) && !DesignationState.ATTAINED.name().equals(states.get(s.id())));
    }

    /** As DesignationEvaluation#evaluate of an area, its rows collected instead of written. */
    private void evaluate(String organizationId, AreaCatalogue.Area area, AreaCatalogue.Version version, Organisation read,
            LocalDate today, Instant now, Writes writes) {
        Optional<DesignationStore.StatusRow> row = Optional.ofNullable(read.rows.get(area.id()));
        DesignationState start = row.map(r -> DesignationState.valueOf(r.state())).orElse(DesignationState.NONE);
        LocalDate last = row.map(DesignationStore.StatusRow::lastEvaluated).orElse(null);
        LocalDate from = last == null || !today.isAfter(last) ? today : last.plusDays(1);
        LocalDate judgeFrom = last == null ? QualificationWindow.on(today).from() : from;
        Scores scores = new Scores(area.domain(), DesignationFacts.of(read.facts, area.id()));
        TreeSet<LocalDate> stored = read.days(area.id(), DesignationStore.DESIGNATION);
        DayWalk replay = DayWalk.of(start, from, judgeFrom, today, stored, scores::qualifies);
        TreeSet<LocalDate> qualifying = replay.qualifying();
        LocalDate keepFrom = QualificationWindow.on(today).from();
        DesignationStore.replace(area.id(), DesignationStore.DESIGNATION, stored, judgeFrom, keepFrom, qualifying, read.deletes,
                read.inserts);

        TreeMap<LocalDate, Boolean> heldFrom = new TreeMap<>();
        for (Replay.DatedEvent event : replay.events()) {
            heldFrom.put(event.on(), event.event() != DesignationEvent.LOST);
            publish(organizationId, area, scores, qualifying, event, now);
        }
        CapabilityScore score = scores.on(today).orElseThrow();
        writes.statuses().add(new DesignationStore.StatusRow(organizationId, area.id(), replay.state().name(),
                score.track().orElse(null), score.total().tenths(), replay.qualifiesToday(), version.version(), today, now));
        Predicate<LocalDate> held = day -> Optional.ofNullable(heldFrom.floorEntry(day)).map(Map.Entry::getValue)
                .orElse(start.held());
        for (Specialisation specialisation : version.specialisations(area.id())) {
            evaluate(organizationId, area, specialisation, scores, held, read, from, judgeFrom, today, now, writes);
        }
    }

    private void evaluate(String organizationId, AreaCatalogue.Area area, Specialisation specialisation, Scores scores,
            Predicate<LocalDate> designationHeld, Organisation read, LocalDate from, LocalDate judgeFrom, LocalDate today,
            Instant now, Writes writes) {
        String figure = DesignationFacts.SPECIALISATION + specialisation.id();
        DesignationState start = read.specialisations.getOrDefault(area.id(), List.of()).stream()
                .filter(s -> s.specialisationId().equals(specialisation.id())).findFirst()
                .map(s -> DesignationState.valueOf(s.state())).orElse(DesignationState.NONE);
        TreeSet<LocalDate> stored = read.days(area.id(), specialisation.id());
        BigDecimal need = BigDecimal.valueOf(specialisation.people());
        DayWalk replay = DayWalk.of(start, from, judgeFrom, today, stored,
                day -> designationHeld.test(day) && scores.facts().inForce(figure, day).compareTo(need) >= 0);
        TreeSet<LocalDate> qualifying = replay.qualifying();
        DesignationStore.replace(area.id(), specialisation.id(), stored, judgeFrom, QualificationWindow.on(today).from(), qualifying,
                read.deletes, read.inserts);
        for (Replay.DatedEvent event : replay.events()) {
            if (event.event() == DesignationEvent.AT_RISK || event.event() == DesignationEvent.RISK_CLEARED) {
                continue; // specialisations publish attained and lost only
            }
            events.publish(new SpecialisationChanged(event.event(), organizationId, area.id(), specialisation.id(),
                    specialisation.name(), event.on()));
            awards.fire(new AwardChanged(organizationId, AwardChanged.Kind.SPECIALISATION, specialisation.id(), null,
                    specialisation.name(), event.event() == DesignationEvent.ATTAINED, now));
            Log.infof("Specialisation %s of organisation %s: %s on %s", specialisation.id(), organizationId, event.event(), event.on());
        }
        int have = scores.facts().inForce(figure, today).intValue();
        writes.specialisations().put(organizationId + "\n" + specialisation.id(), new Specialised(organizationId,
                new DesignationStore.SpecialisationRow(specialisation.id(), area.id(), specialisation.name(), replay.state().name(),
                        have, specialisation.people())));
    }

    private void publish(String organizationId, AreaCatalogue.Area area, Scores scores, TreeSet<LocalDate> qualifying,
            Replay.DatedEvent event, Instant now) {
        Optional<CapabilityScore> score = scores.on(event.on());
        LocalDate holdsUntil = event.event() == DesignationEvent.LOST ? null
                : Optional.ofNullable(qualifying.floor(event.on())).map(QualificationWindow::holdsUntil).orElse(null);
        String track = score.flatMap(CapabilityScore::track).orElse(null);
        events.publish(new DesignationChanged(event.event(), organizationId, area.id(), area.name(), track,
                score.map(s -> s.total().value()).orElse(BigDecimal.ZERO.setScale(1)), event.on(), holdsUntil));
        if (event.event() == DesignationEvent.ATTAINED || event.event() == DesignationEvent.LOST) { // at risk is still held
            awards.fire(new AwardChanged(organizationId, AwardChanged.Kind.DESIGNATION, area.id(), track, area.name(),
                    event.event() == DesignationEvent.ATTAINED, now));
        }
        Log.infof("Designation %s of organisation %s: %s on %s", area.id(), organizationId, event.event(), event.on());
    }

    // ---- reads: one round trip --------------------------------------------------------------------------------------

    private static final String READ = "SELECT organization_id, solution_area_id, state, track, score_tenths, qualifies_today,"
            + " score_version, last_evaluated, updated_at FROM designation_status WHERE organization_id = ANY(?);"
            + " SELECT organization_id, specialisation_id, solution_area_id, name, state, have, need FROM specialisation_status"
            + " WHERE organization_id = ANY(?) ORDER BY organization_id, specialisation_id;"
            // per organisation as OrganisationRead: the earliest day judged, and the facts that can matter from it
            + " WITH o AS (SELECT DISTINCT unnest(?) AS id), s AS (SELECT o.id, CASE WHEN count(d.organization_id) < ?"
            + " THEN least(CAST(? AS date), coalesce(min(CASE WHEN d.last_evaluated >= CAST(? AS date) THEN CAST(? AS date)"
            + " ELSE d.last_evaluated + 1 END), CAST(? AS date))) ELSE min(CASE WHEN d.last_evaluated >= CAST(? AS date)"
            + " THEN CAST(? AS date) ELSE d.last_evaluated + 1 END) END AS since FROM o LEFT JOIN designation_status d"
            + " ON d.organization_id = o.id AND d.solution_area_id = ANY(?) GROUP BY o.id),"
            + " h AS (SELECT id, CAST(since - interval '" + DesignationFacts.HORIZON_MONTHS + " months' AS date) AS horizon FROM s)"
            + " SELECT f.organization_id, f.scope, f.figure, f.effective, f.period, f.value, f.recorded_at FROM designation_fact f"
            + " JOIN h ON f.organization_id = h.id WHERE f.scope = ANY(?) AND f.effective > h.horizon"
            + " UNION ALL SELECT * FROM (SELECT DISTINCT ON (f.organization_id, f.scope, f.figure) f.organization_id, f.scope,"
            + " f.figure, f.effective, f.period, f.value, f.recorded_at FROM designation_fact f JOIN h ON f.organization_id = h.id"
            + " WHERE f.scope = ANY(?) AND f.effective <= h.horizon AND f.period = ''"
            + " ORDER BY f.organization_id, f.scope, f.figure, f.effective DESC, f.recorded_at DESC) latest;"
            + " SELECT organization_id, skill_set, holders FROM skill_holders WHERE organization_id = ANY(?) AND skill_set = ANY(?);"
            + " SELECT key FROM skill_set WHERE key = ANY(?);"
            + " SELECT organization_id, solution_area_id, subject, day FROM designation_qualifying_day WHERE organization_id = ANY(?)"
            + " AND solution_area_id = ANY(?) ORDER BY organization_id, day";

    /** Fills {@code into}; returns the registered skill set keys among {@code skillSetKeys}. */
    private static Set<String> read(Connection connection, List<String> organizations, List<String> areaIds, LocalDate today,
            LocalDate windowFrom, Collection<String> skillSetKeys, Map<String, Organisation> into) throws SQLException {
        Array orgs = connection.createArrayOf("text", organizations.toArray());
        Array areas = connection.createArrayOf("text", areaIds.toArray());
        List<String> scopeList = new ArrayList<>(areaIds);
        scopeList.add("");
        Array scopes = connection.createArrayOf("text", scopeList.toArray());
        Array keys = connection.createArrayOf("text", skillSetKeys.toArray());
        Set<String> registered = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            int p = 1;
            statement.setArray(p++, orgs);
            statement.setArray(p++, orgs);
            statement.setArray(p++, orgs);
            statement.setInt(p++, areaIds.size());
            statement.setObject(p++, windowFrom);
            statement.setObject(p++, today);
            statement.setObject(p++, today);
            statement.setObject(p++, windowFrom);
            statement.setObject(p++, today);
            statement.setObject(p++, today);
            statement.setArray(p++, areas);
            statement.setArray(p++, scopes);
            statement.setArray(p++, scopes);
            statement.setArray(p++, orgs);
            statement.setArray(p++, keys);
            statement.setArray(p++, keys);
            statement.setArray(p++, orgs);
            statement.setArray(p, areas);
            statement.execute();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    DesignationStore.StatusRow row = new DesignationStore.StatusRow(rows.getString(1), rows.getString(2),
                            rows.getString(3), rows.getString(4), rows.getInt(5), rows.getBoolean(6), rows.getString(7),
                            rows.getObject(8, LocalDate.class), instant(rows.getTimestamp(9)));
                    into.get(row.organizationId()).rows.put(row.solutionAreaId(), row);
                }
            }
            statement.getMoreResults();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    DesignationStore.SpecialisationRow row = new DesignationStore.SpecialisationRow(rows.getString(2),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getInt(6), rows.getInt(7));
                    into.get(rows.getString(1)).specialisations.computeIfAbsent(row.solutionAreaId(), k -> new ArrayList<>()).add(row);
                }
            }
            statement.getMoreResults();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    into.get(rows.getString(1)).facts.add(new DesignationFacts.ScopedRow(rows.getString(2), rows.getString(3),
                            rows.getObject(4, LocalDate.class), rows.getString(5), rows.getBigDecimal(6), instant(rows.getTimestamp(7))));
                }
            }
            statement.getMoreResults();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    into.get(rows.getString(1)).holders.put(rows.getString(2), rows.getLong(3));
                }
            }
            statement.getMoreResults();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    registered.add(rows.getString(1));
                }
            }
            statement.getMoreResults();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    into.get(rows.getString(1)).days.computeIfAbsent(rows.getString(2) + "\n" + rows.getString(3),
                            k -> new TreeSet<>()).add(rows.getObject(4, LocalDate.class));
                }
            }
        }
        return registered;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    // ---- writes: one statement per table ----------------------------------------------------------------------------

    private static void write(Connection connection, Writes writes, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        if (!writes.stocks().isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO designation_fact (organization_id, scope, figure,"
                    + " effective, period, value, recorded_at) SELECT o, s, f, CAST(e AS date), '', CAST(v AS numeric), ?"
                    + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS t(o, s, f, e, v)"
                    + " ON CONFLICT (organization_id, scope, figure, effective, period)"
                    + " DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at WHERE designation_fact.value <> excluded.value")) {
                insert.setTimestamp(1, at);
                insert.setArray(2, texts(connection, writes.stockOrganizations()));
                insert.setArray(3, texts(connection, writes.stocks().stream().map(DesignationFacts.Stock::scope).toList()));
                insert.setArray(4, texts(connection, writes.stocks().stream().map(DesignationFacts.Stock::figure).toList()));
                insert.setArray(5, texts(connection, writes.stocks().stream().map(s -> s.effective().toString()).toList()));
                insert.setArray(6, texts(connection, writes.stocks().stream().map(s -> s.value().toPlainString()).toList()));
                insert.executeUpdate();
            }
        }
        if (!writes.statuses().isEmpty()) {
            List<DesignationStore.StatusRow> rows = writes.statuses();
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO designation_status (organization_id,"
                    + " solution_area_id, state, track, score_tenths, qualifies_today, score_version, last_evaluated, updated_at)"
                    + " SELECT o, a, s, t, n, q, v, CAST(l AS date), ? FROM unnest(?::text[], ?::text[], ?::text[], ?::text[],"
                    + " ?::integer[], ?::boolean[], ?::text[], ?::text[]) AS r(o, a, s, t, n, q, v, l)"
                    + " ON CONFLICT (organization_id, solution_area_id) DO UPDATE SET state = excluded.state, track = excluded.track,"
                    + " score_tenths = excluded.score_tenths, qualifies_today = excluded.qualifies_today,"
                    + " score_version = excluded.score_version, last_evaluated = excluded.last_evaluated, updated_at = excluded.updated_at")) {
                upsert.setTimestamp(1, at);
                upsert.setArray(2, texts(connection, rows.stream().map(DesignationStore.StatusRow::organizationId).toList()));
                upsert.setArray(3, texts(connection, rows.stream().map(DesignationStore.StatusRow::solutionAreaId).toList()));
                upsert.setArray(4, texts(connection, rows.stream().map(DesignationStore.StatusRow::state).toList()));
                upsert.setArray(5, texts(connection, rows.stream().map(DesignationStore.StatusRow::track).toList()));
                upsert.setArray(6, connection.createArrayOf("integer", rows.stream().map(DesignationStore.StatusRow::scoreTenths).toArray()));
                upsert.setArray(7, connection.createArrayOf("boolean", rows.stream().map(DesignationStore.StatusRow::qualifiesToday).toArray()));
                upsert.setArray(8, texts(connection, rows.stream().map(DesignationStore.StatusRow::scoreVersion).toList()));
                upsert.setArray(9, texts(connection, rows.stream().map(r -> r.lastEvaluated().toString()).toList()));
                upsert.executeUpdate();
            }
        }
        if (!writes.specialisations().isEmpty()) {
            List<DesignationStore.SpecialisationRow> rows = writes.specialisations().values().stream().map(Specialised::row).toList();
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO specialisation_status (organization_id,"
                    + " specialisation_id, solution_area_id, name, state, have, need, updated_at) SELECT o, i, a, n, s, h, d, ?"
                    + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::integer[])"
                    + " AS r(o, i, a, n, s, h, d) ON CONFLICT (organization_id, specialisation_id) DO UPDATE SET name = excluded.name,"
                    + " state = excluded.state, have = excluded.have, need = excluded.need, updated_at = excluded.updated_at")) {
                upsert.setTimestamp(1, at);
                upsert.setArray(2, texts(connection, writes.specialisations().values().stream().map(Specialised::organizationId).toList()));
                upsert.setArray(3, texts(connection, rows.stream().map(DesignationStore.SpecialisationRow::specialisationId).toList()));
                upsert.setArray(4, texts(connection, rows.stream().map(DesignationStore.SpecialisationRow::solutionAreaId).toList()));
                upsert.setArray(5, texts(connection, rows.stream().map(DesignationStore.SpecialisationRow::name).toList()));
                upsert.setArray(6, texts(connection, rows.stream().map(DesignationStore.SpecialisationRow::state).toList()));
                upsert.setArray(7, connection.createArrayOf("integer", rows.stream().map(DesignationStore.SpecialisationRow::have).toArray()));
                upsert.setArray(8, connection.createArrayOf("integer", rows.stream().map(DesignationStore.SpecialisationRow::need).toArray()));
                upsert.executeUpdate();
            }
        }
        String columns = " unnest(?::text[]), unnest(?::text[]), unnest(?::text[]), CAST(unnest(?::text[]) AS date)";
        if (!writes.deletes().isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM designation_qualifying_day"
                    + " WHERE (organization_id, solution_area_id, subject, day) IN (SELECT" + columns + ")")) {
                days(connection, delete, writes.dayOrganizations(), writes.deletes()).executeUpdate();
            }
        }
        if (!writes.inserts().isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO designation_qualifying_day (organization_id,"
                    + " solution_area_id, subject, day) SELECT" + columns + " ON CONFLICT DO NOTHING")) {
                days(connection, insert, writes.insertOrganizations(), writes.inserts()).executeUpdate();
            }
        }
    }

    private static PreparedStatement days(Connection connection, PreparedStatement statement, List<String> organizations,
            List<DesignationStore.Day> days) throws SQLException {
        statement.setArray(1, texts(connection, organizations));
        statement.setArray(2, texts(connection, days.stream().map(DesignationStore.Day::solutionAreaId).toList()));
        statement.setArray(3, texts(connection, days.stream().map(DesignationStore.Day::subject).toList()));
        statement.setArray(4, texts(connection, days.stream().map(d -> d.day().toString()).toList()));
        return statement;
    }

    private static Array texts(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
