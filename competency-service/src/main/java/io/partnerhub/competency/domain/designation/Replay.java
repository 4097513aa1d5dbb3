package io.partnerhub.competency.domain.designation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

import io.partnerhub.competency.domain.designation.Transition.Standing;

/**
 * P5/P6 over time: from a state, every day from {@code from} to {@code to} in turn, the window and the transition of
 * that day, with each day judged by {@code qualifiedOn} once (from the facts as they stood that day): so catching up
 * after downtime or a clock jump loses no day, and yields each event on the day it happened.
 */
public record Replay(DesignationState state, List<DatedEvent> events) {

    /** An event and the day it happened. */
    public record DatedEvent(LocalDate on, DesignationEvent event) {
    }

    public Replay {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }

    public static Replay of(DesignationState start, LocalDate from, LocalDate to, Predicate<LocalDate> qualifiedOn) {
        TreeSet<LocalDate> qualifying = new TreeSet<>(QualificationWindow.on(from).qualifyingDays(qualifiedOn));
        List<DatedEvent> events = new ArrayList<>();
        DesignationState state = start;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            boolean today = qualifying.contains(day) || !day.equals(from) && qualifiedOn.test(day);
            if (today) {
                qualifying.add(day);
            }
            LocalDate windowFrom = QualificationWindow.on(day).from();
            boolean eligible = qualifying.ceiling(windowFrom) != null;
            Transition next = Transition.from(state, new Standing(eligible, today));
            LocalDate on = day;
            next.event().ifPresent(e -> events.add(new DatedEvent(on, e)));
            state = next.state();
        }
        return new Replay(state, events);
    }
}
