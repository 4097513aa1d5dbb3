package io.partnerhub.competency.designation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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

import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.competency.credential.AwardChanged;
import io.partnerhub.competency.domain.designation.CapabilityScore;
import io.partnerhub.competency.domain.designation.DatedFacts;
import io.partnerhub.competency.domain.designation.DesignationEvent;
import io.partnerhub.competency.domain.designation.DesignationState;
import io.partnerhub.competency.domain.designation.QualificationWindow;
import io.partnerhub.competency.domain.designation.Replay;
import io.partnerhub.competency.domain.designation.Specialisation;
import io.partnerhub.competency.projection.SkillIndex;
import io.quarkus.logging.Log;

/**
 * P5/P6/P8 wired: an organisation's designations (and specialisations) evaluated from its dated facts, from the day
 * after the last one evaluated to today with {@link Replay}, each day judged once from the facts as they stood; the
 * state, the window's qualifying days and today's score are stored, and every event of the replay is published
 * through the outbox on its day (with {@link AwardChanged} fired in the same transaction). Call in the caller's
 * transaction, under the organisation's lock (the event consumers' and the sweep's): two evaluations of one
 * organisation never interleave.
 */
@ApplicationScoped
public class DesignationEvaluation {

    private final AreaCatalogue catalogue;
    private final DesignationFacts facts;
    private final DesignationStore store;
    private final EventPublisher events;
    private final Event<AwardChanged> awards;
    private final Clock clock;
    private final EntityManager em;

    public DesignationEvaluation(AreaCatalogue catalogue, DesignationFacts facts, DesignationStore store,
            EventPublisher events, Event<AwardChanged> awards, Clock clock, EntityManager em) {
        this.em = em;
        this.catalogue = catalogue;
        this.facts = facts;
        this.store = store;
        this.events = events;
        this.awards = awards;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** An area with its version in effect today and that version's skill sets (figure → credentials). */
    private record InEffect(AreaCatalogue.Area area, AreaCatalogue.Version version, Map<String, Set<String>> sets) {
    }

    /** What the evaluation of one organisation read once for all its areas, and the writes it collects. */
    private record Read(Map<String, DesignationStore.StatusRow> rows, Map<String, List<DesignationStore.SpecialisationRow>> specialisations,
            List<DesignationFacts.ScopedRow> facts, Map<String, TreeSet<LocalDate>> days, List<DesignationStore.Day> deletes,
            List<DesignationStore.Day> inserts, DesignationStore.Writes writes) {

        TreeSet<LocalDate> days(String areaId, String subject) {
            return days.getOrDefault(areaId + "\n" + subject, new TreeSet<>());
        }
    }

    /** A candidate or membership change (or the day moved): see {@link #refresh(String, boolean)}. */
    @Transactional(TxType.MANDATORY)
    public void refresh(String organizationId) {
        refresh(organizationId, false);
    }

    /**
     * Today's skilling counts are recorded for every area in effect (a fact only where one changed), then each area is
     * evaluated unless nothing it reads changed since its evaluation today ({@link #settled}); {@code factsChanged}: other
     * facts changed (a performance report), every area is evaluated. Reads a few rows per organisation (its statuses,
     * facts and kept holder counts, one query each, whatever its size) and writes in one round trip (issue 25: {@link DesignationStore.Writes}).
     */
    @Transactional(TxType.MANDATORY)
    public void refresh(String organizationId, boolean factsChanged) {
        DesignationStore.Writes writes = new DesignationStore.Writes(); // issue 25: sent in one round trip at the end
        refresh(organizationId, factsChanged, writes);
        store.write(writes);
    }

    /**
     * As {@link #refresh(String, boolean)}, the writes collected in {@code writes} and not sent: the caller sends them
     * with its own (issue #25: the worker's marker delete goes in the same round trip).
     */
    @Transactional(TxType.MANDATORY)
    public void refresh(String organizationId, boolean factsChanged, DesignationStore.Writes writes) {
        Instant now = now();
        LocalDate today = today(now);
        List<InEffect> inEffect = new ArrayList<>();
        for (AreaCatalogue.Area area : catalogue.all()) {
            area.inEffect(today).ifPresent(v -> inEffect.add(new InEffect(area, v, catalogue.skillSets(area, v))));
        }
        if (inEffect.isEmpty()) {
            return;
        }
        Map<String, Set<String>> sets = new HashMap<>();
        inEffect.forEach(e -> e.sets().values().stream().filter(set -> !set.isEmpty()).forEach(set -> sets.put(SkillIndex.key(set), set)));
        OrganisationRead read = OrganisationRead.of(em, organizationId, inEffect.stream().map(e -> e.area().id()).toList(), today,
                QualificationWindow.on(today).from(), sets.keySet()); // one round trip
        Map<String, DesignationStore.StatusRow> rows = new HashMap<>();
        read.statuses().forEach(r -> rows.put(r.solutionAreaId(), r));
        Map<String, List<DesignationStore.SpecialisationRow>> specialisations = new HashMap<>();
        read.specialisations().forEach(r -> specialisations.computeIfAbsent(r.solutionAreaId(), k -> new ArrayList<>()).add(r));
        List<DesignationFacts.ScopedRow> loaded = new ArrayList<>(read.facts());
        Map<String, Long> holders = new HashMap<>(read.holders());
        sets.forEach((key, set) -> holders.computeIfAbsent(key, k -> facts.unregisteredHolders(organizationId, set)));
        List<DesignationFacts.Stock> stocks = new ArrayList<>();
        List<InEffect> due = new ArrayList<>();
        for (InEffect e : inEffect) {
            String areaId = e.area().id();
            DatedFacts before = DesignationFacts.of(loaded, areaId);
            boolean changed = false;
            for (Map.Entry<String, Set<String>> set : e.sets().entrySet()) {
                String figure = set.getKey();
                BigDecimal value = BigDecimal.valueOf(set.getValue().isEmpty() ? 0 : holders.getOrDefault(SkillIndex.key(set.getValue()), 0L));
                if (before.inForce(figure, today).compareTo(value) != 0) {
                    stocks.add(new DesignationFacts.Stock(areaId, figure, today, value));
                    loaded.removeIf(r -> r.scope().equals(areaId) && r.figure().equals(figure) && r.effective().equals(today)
                            && r.period().isEmpty());
                    loaded.add(new DesignationFacts.ScopedRow(areaId, figure, today, "", value, now));
                    changed = true;
                }
            }
            if (changed || factsChanged || !settled(rows.get(areaId), specialisations.getOrDefault(areaId, List.of()), e, today)) {
                due.add(e);
            }
        }
        facts.record(writes, organizationId, stocks, now);
        if (due.isEmpty()) {
            return;
        }
        Map<String, TreeSet<LocalDate>> days = new HashMap<>();
        store.qualifyingDays(organizationId, due.stream().map(e -> e.area().id()).toList()).forEach(d ->
                days.computeIfAbsent(d.solutionAreaId() + "\n" + d.subject(), k -> new TreeSet<>()).add(d.day()));
        Read state = new Read(rows, specialisations, loaded, days, new ArrayList<>(), new ArrayList<>(), writes);
        for (InEffect e : due) {
            evaluate(organizationId, e.area(), e.version(), state, today, now);
        }
        store.writeDays(writes, organizationId, state.deletes(), state.inserts());
    }

    /** The first day an evaluation judges from the facts: the day after the last evaluated, or the window before today at first. */
    private static LocalDate judgeFrom(DesignationStore.StatusRow row, LocalDate today) {
        LocalDate last = row == null ? null : row.lastEvaluated();
        LocalDate from = last == null || !today.isAfter(last) ? today : last.plusDays(1);
        return last == null ? QualificationWindow.on(today).from() : from;
    }

    /**
     * Evaluating the area again would change nothing: it was evaluated today under this version, with the facts it would
     * read (the caller found today's counts unchanged), and neither it nor a specialisation of it is ATTAINED (an
     * attained one moves on to kept or at risk at its next evaluation, P6).
     */
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

    private void evaluate(String organizationId, AreaCatalogue.Area area, AreaCatalogue.Version version, Read read, LocalDate today,
            Instant now) {
        Optional<DesignationStore.StatusRow> row = Optional.ofNullable(read.rows().get(area.id()));
        DesignationState start = row.map(r -> DesignationState.valueOf(r.state())).orElse(DesignationState.NONE);
        LocalDate last = row.map(DesignationStore.StatusRow::lastEvaluated).orElse(null);
        LocalDate from = last == null || !today.isAfter(last) ? today : last.plusDays(1);
        // a first evaluation judges the whole window before today from the facts (nothing stored yet)
        LocalDate judgeFrom = judgeFrom(row.orElse(null), today);
        Scores scores = new Scores(area.domain(), DesignationFacts.of(read.facts(), area.id()));
        TreeSet<LocalDate> stored = read.days(area.id(), DesignationStore.DESIGNATION);
        DayWalk replay = DayWalk.of(start, from, judgeFrom, today, stored, scores::qualifies);
        TreeSet<LocalDate> qualifying = replay.qualifying();
        LocalDate keepFrom = QualificationWindow.on(today).from();
        DesignationStore.replace(area.id(), DesignationStore.DESIGNATION, stored, judgeFrom, keepFrom, qualifying, read.deletes(),
                read.inserts());

        TreeMap<LocalDate, Boolean> heldFrom = new TreeMap<>();
        for (Replay.DatedEvent event : replay.events()) {
            heldFrom.put(event.on(), event.event() != DesignationEvent.LOST);
            publish(organizationId, area, scores, qualifying, event, now);
        }
        CapabilityScore score = scores.on(today).orElseThrow();
        store.saveStatus(read.writes(), new DesignationStore.StatusRow(organizationId, area.id(), replay.state().name(), score.track().orElse(null),
                score.total().tenths(), replay.qualifiesToday(), version.version(), today, now));
        Predicate<LocalDate> held = day -> Optional.ofNullable(heldFrom.floorEntry(day)).map(Map.Entry::getValue)
                .orElse(start.held());
        for (Specialisation specialisation : version.specialisations(area.id())) {
            evaluate(organizationId, area, specialisation, scores, held, read, from, judgeFrom, today, now);
        }
    }

    private void evaluate(String organizationId, AreaCatalogue.Area area, Specialisation specialisation, Scores scores,
            Predicate<LocalDate> designationHeld, Read read, LocalDate from, LocalDate judgeFrom, LocalDate today, Instant now) {
        String figure = DesignationFacts.SPECIALISATION + specialisation.id();
        DesignationState start = read.specialisations().getOrDefault(area.id(), List.of()).stream()
                .filter(s -> s.specialisationId().equals(specialisation.id())).findFirst()
                .map(s -> DesignationState.valueOf(s.state())).orElse(DesignationState.NONE);
        TreeSet<LocalDate> stored = read.days(area.id(), specialisation.id());
        BigDecimal need = BigDecimal.valueOf(specialisation.people());
        DayWalk replay = DayWalk.of(start, from, judgeFrom, today, stored,
                day -> designationHeld.test(day) && scores.facts().inForce(figure, day).compareTo(need) >= 0);
        TreeSet<LocalDate> qualifying = replay.qualifying();
        DesignationStore.replace(area.id(), specialisation.id(), stored, judgeFrom, QualificationWindow.on(today).from(), qualifying,
                read.deletes(), read.inserts());
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
        store.saveSpecialisation(read.writes(), organizationId, new DesignationStore.SpecialisationRow(specialisation.id(), area.id(),
                specialisation.name(), replay.state().name(), have, specialisation.people()), now);
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

    /** The areas and their versions, for callers that evaluate many organisations (the sweep). */
    List<AreaCatalogue.Area> areas() {
        return catalogue.all();
    }
}
