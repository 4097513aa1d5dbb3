package io.partnerhub.competency.designation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.competency.credential.AwardChanged;
import io.partnerhub.competency.domain.designation.CapabilityScore;
import io.partnerhub.competency.domain.designation.DesignationEvent;
import io.partnerhub.competency.domain.designation.DesignationState;
import io.partnerhub.competency.domain.designation.QualificationWindow;
import io.partnerhub.competency.domain.designation.Replay;
import io.partnerhub.competency.domain.designation.Specialisation;
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

    public DesignationEvaluation(AreaCatalogue catalogue, DesignationFacts facts, DesignationStore store,
            EventPublisher events, Event<AwardChanged> awards, Clock clock) {
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

    /**
     * A fact of the organisation changed (or the day moved): today's skilling counts are recorded for every area in
     * effect, then every area is evaluated. Reads a few rows per area, whatever the organisation's size.
     */
    @Transactional(TxType.MANDATORY)
    public void refresh(String organizationId) {
        Instant now = now();
        LocalDate today = today(now);
        for (AreaCatalogue.Area area : catalogue.all()) {
            Optional<AreaCatalogue.Version> version = area.inEffect(today);
            if (version.isEmpty()) {
                continue;
            }
            facts.recordSkills(organizationId, area, version.get(), today, now);
            evaluate(organizationId, area, version.get(), today, now);
        }
    }

    private void evaluate(String organizationId, AreaCatalogue.Area area, AreaCatalogue.Version version, LocalDate today,
            Instant now) {
        Optional<DesignationStore.StatusRow> row = store.status(organizationId, area.id());
        DesignationState start = row.map(r -> DesignationState.valueOf(r.state())).orElse(DesignationState.NONE);
        LocalDate last = row.map(DesignationStore.StatusRow::lastEvaluated).orElse(null);
        LocalDate from = last == null || !today.isAfter(last) ? today : last.plusDays(1);
        // a first evaluation judges the whole window before today from the facts (nothing stored yet)
        LocalDate judgeFrom = last == null ? QualificationWindow.on(today).from() : from;
        Scores scores = new Scores(area.domain(), facts.load(organizationId, area.id(), judgeFrom));
        TreeSet<LocalDate> stored = store.qualifyingDays(organizationId, area.id(), DesignationStore.DESIGNATION);
        DayWalk replay = DayWalk.of(start, from, judgeFrom, today, stored, scores::qualifies);
        TreeSet<LocalDate> qualifying = replay.qualifying();
        LocalDate keepFrom = QualificationWindow.on(today).from();
        store.replaceDays(organizationId, area.id(), DesignationStore.DESIGNATION, judgeFrom, keepFrom, qualifying);

        TreeMap<LocalDate, Boolean> heldFrom = new TreeMap<>();
        for (Replay.DatedEvent event : replay.events()) {
            heldFrom.put(event.on(), event.event() != DesignationEvent.LOST);
            publish(organizationId, area, scores, qualifying, event, now);
        }
        CapabilityScore score = scores.on(today).orElseThrow();
        store.saveStatus(new DesignationStore.StatusRow(organizationId, area.id(), replay.state().name(), score.track().orElse(null),
                score.total().tenths(), replay.qualifiesToday(), version.version(), today, now));
        Predicate<LocalDate> held = day -> Optional.ofNullable(heldFrom.floorEntry(day)).map(Map.Entry::getValue)
                .orElse(start.held());
        for (Specialisation specialisation : version.specialisations(area.id())) {
            evaluate(organizationId, area, specialisation, scores, held, from, judgeFrom, today, now);
        }
    }

    private void evaluate(String organizationId, AreaCatalogue.Area area, Specialisation specialisation, Scores scores,
            Predicate<LocalDate> designationHeld, LocalDate from, LocalDate judgeFrom, LocalDate today, Instant now) {
        String figure = DesignationFacts.SPECIALISATION + specialisation.id();
        DesignationState start = store.specialisations(organizationId, area.id()).stream()
                .filter(s -> s.specialisationId().equals(specialisation.id())).findFirst()
                .map(s -> DesignationState.valueOf(s.state())).orElse(DesignationState.NONE);
        TreeSet<LocalDate> stored = store.qualifyingDays(organizationId, area.id(), specialisation.id());
        BigDecimal need = BigDecimal.valueOf(specialisation.people());
        DayWalk replay = DayWalk.of(start, from, judgeFrom, today, stored,
                day -> designationHeld.test(day) && scores.facts().inForce(figure, day).compareTo(need) >= 0);
        TreeSet<LocalDate> qualifying = replay.qualifying();
        store.replaceDays(organizationId, area.id(), specialisation.id(), judgeFrom, QualificationWindow.on(today).from(), qualifying);
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
        store.saveSpecialisation(organizationId, new DesignationStore.SpecialisationRow(specialisation.id(), area.id(),
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
