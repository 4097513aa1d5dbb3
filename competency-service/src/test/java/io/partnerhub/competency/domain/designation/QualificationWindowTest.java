package io.partnerhub.competency.domain.designation;

import static io.partnerhub.competency.domain.designation.BusinessApplications.fullUntil;
import static io.partnerhub.competency.domain.designation.BusinessApplications.scoreOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


/** P5: the qualification window: the current month and the five full calendar months before it, rolling monthly. */
class QualificationWindowTest {

    @ParameterizedTest(name = "on {0}: from {1}, next drop {2}")
    @CsvSource({
            "2027-06-15, 2027-01-01, 2027-07-01",
            "2027-06-01, 2027-01-01, 2027-07-01",
            "2027-06-30, 2027-01-01, 2027-07-01",
            "2027-07-01, 2027-02-01, 2027-08-01",
            "2027-01-31, 2026-08-01, 2027-02-01",
            "2028-02-29, 2027-09-01, 2028-03-01",
            "2027-12-31, 2027-07-01, 2028-01-01"})
    void coversTheCurrentMonthAndTheFiveFullMonthsBeforeAndDropsTheOldestOnTheFirst(LocalDate today, LocalDate from,
            LocalDate nextDrop) {
        QualificationWindow window = QualificationWindow.on(today);
        assertEquals(from, window.from());
        assertEquals(nextDrop, window.nextDrop());
    }

    @ParameterizedTest(name = "qualified on {0}, today {1}: eligible {2}")
    @CsvSource({
            "2027-01-01, 2027-06-15, true",
            "2026-12-31, 2027-06-15, false",
            "2026-12-15, 2027-06-15, false",
            "2027-06-15, 2027-06-15, true",
            "2027-06-16, 2027-06-15, false",
            "2027-01-01, 2027-06-30, true",
            "2027-01-01, 2027-07-01, false",
            "2027-09-30, 2028-02-29, true",
            "2027-09-30, 2028-03-01, false",
            "2027-08-31, 2028-01-31, true",
            "2027-08-31, 2028-02-01, false"})
    void isEligibleWhenItQualifiedOnOneDayOfTheWindow(LocalDate qualified, LocalDate today, boolean eligible) {
        assertEquals(eligible, QualificationWindow.on(today).eligible(List.of(qualified)));
    }

    @ParameterizedTest(name = "qualified on {0}: held until {1}")
    @CsvSource({"2027-01-01, 2027-06-30", "2027-01-31, 2027-06-30", "2027-09-30, 2028-02-29", "2027-08-31, 2028-01-31",
            "2026-09-15, 2027-02-28"})
    void aQualifyingDayKeepsTheWindowEligibleToTheEndOfTheFifthMonthAfterIt(LocalDate qualified, LocalDate until) {
        assertEquals(until, QualificationWindow.holdsUntil(qualified));
        assertTrue(QualificationWindow.on(until).eligible(List.of(qualified)));
        assertFalse(QualificationWindow.on(until.plusDays(1)).eligible(List.of(qualified)));
    }

    @Test
    void evaluatesEveryDayOfTheWindowFromTheFactsAsTheyStoodThatDay() {
        DatedFacts dated = fullUntil("2027-03-01");
        QualificationWindow window = QualificationWindow.on(LocalDate.parse("2027-06-15"));

        List<LocalDate> days = window.qualifyingDays(day -> scoreOn(dated, day).qualifies());

        assertEquals(LocalDate.parse("2027-01-10"), days.get(0));
        assertEquals(Optional.of(LocalDate.parse("2027-02-28")), window.lastQualifyingDay(days));
        assertEquals(50, days.size());
        assertTrue(window.eligible(days));
        assertEquals(LocalDate.parse("2027-07-31"), QualificationWindow.holdsUntil(days.get(days.size() - 1)));
    }
}
