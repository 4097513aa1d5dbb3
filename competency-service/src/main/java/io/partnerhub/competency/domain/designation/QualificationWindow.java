package io.partnerhub.competency.domain.designation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * P5: the qualification window on a day: the current calendar month up to the day and the five full calendar months
 * before it. It rolls monthly: on the first of a month the oldest month drops out. An organisation is eligible on a
 * day when it qualified on at least one day of the window.
 */
public record QualificationWindow(LocalDate from, LocalDate today) {

    /** Full calendar months before the current one. */
    public static final int FULL_MONTHS = 5;

    public QualificationWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(today, "today");
    }

    public static QualificationWindow on(LocalDate today) {
        return new QualificationWindow(today.withDayOfMonth(1).minusMonths(FULL_MONTHS), today);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(today);
    }

    /** The next day the window drops days: the first of next month, when its oldest month drops out. */
    public LocalDate nextDrop() {
        return today.withDayOfMonth(1).plusMonths(1);
    }

    /** The last day on which a window still holds {@code qualifyingDay}: the end of the fifth month after its month. */
    public static LocalDate holdsUntil(LocalDate qualifyingDay) {
        return qualifyingDay.withDayOfMonth(1).plusMonths(FULL_MONTHS + 1).minusDays(1);
    }

    /** The days of the window on which {@code qualifiedOn} holds, oldest first. */
    public List<LocalDate> qualifyingDays(Predicate<LocalDate> qualifiedOn) {
        return from.datesUntil(today.plusDays(1)).filter(qualifiedOn).toList();
    }

    /** The newest day of the window that qualified (the one the window must keep for eligibility). */
    public Optional<LocalDate> lastQualifyingDay(List<LocalDate> qualifyingDays) {
        return qualifyingDays.stream().filter(this::contains).max(LocalDate::compareTo);
    }

    public boolean eligible(List<LocalDate> qualifyingDays) {
        return lastQualifyingDay(qualifyingDays).isPresent();
    }
}
