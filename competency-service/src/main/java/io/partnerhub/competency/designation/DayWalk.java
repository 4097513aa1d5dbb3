package io.partnerhub.competency.designation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

import io.partnerhub.competency.domain.designation.DesignationState;
import io.partnerhub.competency.domain.designation.QualificationWindow;
import io.partnerhub.competency.domain.designation.Replay;
import io.partnerhub.competency.domain.designation.Transition;
import io.partnerhub.competency.domain.designation.Transition.Standing;

/**
 * P5/P6 from the day after the last evaluated one to today: the past days by {@link Replay} (each judged once from the
 * facts as they stood), today by one {@link Transition} with today's facts as they stand now. A day that qualified
 * once stays a qualifying day of the window (a later fact of the same day does not take it back), while today's
 * standing (kept or at risk) follows the facts now: a departure after attaining today is at risk at once.
 *
 * @param qualifying the qualifying days from {@code judgeFrom} to today, with the stored ones before
 */
record DayWalk(DesignationState state, List<Replay.DatedEvent> events, TreeSet<LocalDate> qualifying, boolean qualifiesToday) {

    static DayWalk of(DesignationState start, LocalDate from, LocalDate judgeFrom, LocalDate today, TreeSet<LocalDate> stored,
            Predicate<LocalDate> qualifiesOn) {
        Predicate<LocalDate> judged = day -> day.isBefore(judgeFrom) ? stored.contains(day) : qualifiesOn.test(day);
        List<Replay.DatedEvent> events = new ArrayList<>();
        DesignationState state = start;
        if (from.isBefore(today)) {
            Replay replay = Replay.of(start, from, today.minusDays(1), judged);
            events.addAll(replay.events());
            state = replay.state();
        }
        TreeSet<LocalDate> qualifying = new TreeSet<>(stored.headSet(judgeFrom));
        judgeFrom.datesUntil(today).filter(judged).forEach(qualifying::add);
        boolean now = qualifiesOn.test(today);
        if (now || stored.contains(today) && !today.isBefore(judgeFrom)) {
            qualifying.add(today);
        }
        boolean eligible = qualifying.ceiling(QualificationWindow.on(today).from()) != null;
        Transition transition = Transition.from(state, new Standing(eligible, now));
        transition.event().ifPresent(e -> events.add(new Replay.DatedEvent(today, e)));
        return new DayWalk(transition.state(), events, qualifying, now);
    }
}
