package io.partnerhub.competency.designation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnerhub.competency.domain.designation.DesignationState;

/** The evaluation's walk from the last evaluated day to today: past days replayed, today by the facts now. */
class DayWalkTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "first evaluation: a qualifying day of the window attains it today | NONE | | 2027-03-10 | 2027-01-15 | | ATTAINED | 2027-03-10 ATTAINED",
            "re-evaluated the day it qualified, no longer qualifying: at risk, the day stays | KEPT | 2027-03-10 | 2027-03-10 | | 2027-03-10 | AT_RISK | 2027-03-10 AT_RISK",
            "catching up: each event on its day | KEPT | 2027-03-09 | 2027-09-03 | | 2027-03-09 | LOST | 2027-03-10 AT_RISK;2027-09-01 LOST",
            "nothing qualifies, nothing held | NONE | 2027-03-09 | 2027-03-10 | | | NONE | "})
    void walksTheDays(String behaviour, DesignationState start, LocalDate last, LocalDate today, LocalDate qualifyingFact,
            LocalDate storedDay, DesignationState state, String events) {
        LocalDate from = last == null || !today.isAfter(last) ? today : last.plusDays(1);
        LocalDate judgeFrom = last == null ? io.partnerhub.competency.domain.designation.QualificationWindow.on(today).from() : from;
        TreeSet<LocalDate> stored = new TreeSet<>(storedDay == null ? Set.of() : Set.of(storedDay));
        DayWalk walk = DayWalk.of(start, from, judgeFrom, today, stored, day -> day.equals(qualifyingFact));
        assertEquals(state, walk.state(), behaviour);
        assertEquals(events == null ? "" : events,
                walk.events().stream().map(e -> e.on() + " " + e.event()).collect(Collectors.joining(";")), behaviour);
    }
}
