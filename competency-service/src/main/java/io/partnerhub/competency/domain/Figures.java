package io.partnerhub.competency.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.partnerhub.competency.domain.OrganizationFacts.Figure;

/**
 * K2b as a pure function: per metric, the figure a performance requirement compares with its threshold on a day. The
 * window is the trailing 12 months (today − 12 months, today], by a figure's periodEnd. Only figures of the metric's
 * counting source count ({@link MetricCatalogue}).
 * <ul>
 * <li>FLOW (revenue, new customers): the figures in the window are summed; where reports of one metric overlap, the
 * one reported later replaces the earlier ones for the days they share: an earlier figure counts pro rata for its days
 * no later report covers (value × uncovered days / days, to 4 decimals), so no day counts twice.</li>
 * <li>STOCK (deployed seats, active usage): the latest figure in the window (latest periodEnd, then the one reported
 * last); nothing is summed.</li>
 * </ul>
 */
public final class Figures {

    /** Reported last first; figures without a report time (stored before it was kept) are the oldest. */
    static final Comparator<Figure> REPORTED_LAST_FIRST = Comparator
            .comparing(Figure::reportedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed()
            .thenComparing(Figure::periodEnd, Comparator.reverseOrder())
            .thenComparing(Figure::periodStart, Comparator.reverseOrder())
            .thenComparing(Figure::source);

    private Figures() {
    }

    /** The value of every metric reported in the window as of {@code today}; a metric without figures is absent. */
    public static Map<Metric, BigDecimal> have(List<Figure> figures, LocalDate today, MetricCatalogue catalogue) {
        LocalDate windowStart = today.minusMonths(12); // exclusive
        Map<Metric, List<Figure>> byMetric = new EnumMap<>(Metric.class);
        for (Figure figure : figures) {
            if (catalogue.counts(figure)) {
                byMetric.computeIfAbsent(figure.metric(), m -> new ArrayList<>()).add(figure);
            }
        }
        Map<Metric, BigDecimal> have = new EnumMap<>(Metric.class);
        byMetric.forEach((metric, list) -> {
            List<Figure> newestFirst = list.stream().sorted(REPORTED_LAST_FIRST).toList();
            if (metric.kind() == Metric.Kind.STOCK) {
                newestFirst.stream().filter(f -> inWindow(f, windowStart, today))
                        .max(Comparator.comparing(Figure::periodEnd).thenComparing(REPORTED_LAST_FIRST.reversed()))
                        .ifPresent(latest -> have.put(metric, latest.value()));
            } else {
                BigDecimal sum = flow(newestFirst, windowStart, today);
                if (sum != null) {
                    have.put(metric, sum);
                }
            }
        });
        return have;
    }

    /** Null when no figure of the metric ends in the window. */
    private static BigDecimal flow(List<Figure> newestFirst, LocalDate windowStart, LocalDate today) {
        BigDecimal sum = null;
        List<LocalDate[]> covered = new ArrayList<>(); // disjoint day ranges [start, end] of later reports
        for (Figure figure : newestFirst) {
            long days = ChronoUnit.DAYS.between(figure.periodStart(), figure.periodEnd()) + 1;
            long uncovered = days - coveredDays(covered, figure.periodStart(), figure.periodEnd());
            cover(covered, figure.periodStart(), figure.periodEnd());
            if (!inWindow(figure, windowStart, today)) {
                continue;
            }
            BigDecimal counts = uncovered == days ? figure.value()
                    : figure.value().multiply(BigDecimal.valueOf(uncovered)).divide(BigDecimal.valueOf(days), 4, RoundingMode.HALF_EVEN);
            sum = sum == null ? counts : sum.add(counts);
        }
        return sum;
    }

    private static boolean inWindow(Figure figure, LocalDate windowStart, LocalDate today) {
        return figure.periodEnd().isAfter(windowStart) && !figure.periodEnd().isAfter(today);
    }

    private static long coveredDays(List<LocalDate[]> covered, LocalDate start, LocalDate end) {
        long days = 0;
        for (LocalDate[] range : covered) {
            LocalDate from = range[0].isAfter(start) ? range[0] : start;
            LocalDate to = range[1].isBefore(end) ? range[1] : end;
            if (!from.isAfter(to)) {
                days += ChronoUnit.DAYS.between(from, to) + 1;
            }
        }
        return days;
    }

    /** Adds [start, end] to the disjoint ranges, merging the ones it overlaps or touches. */
    private static void cover(List<LocalDate[]> covered, LocalDate start, LocalDate end) {
        LocalDate from = start;
        LocalDate to = end;
        for (int i = covered.size() - 1; i >= 0; i--) {
            LocalDate[] range = covered.get(i);
            if (!range[0].isAfter(to.plusDays(1)) && !range[1].isBefore(from.minusDays(1))) {
                from = range[0].isBefore(from) ? range[0] : from;
                to = range[1].isAfter(to) ? range[1] : to;
                covered.remove(i);
            }
        }
        covered.add(new LocalDate[] {from, to});
    }
}
