package io.partnerhub.competency.domain.designation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerhub.competency.domain.Metric;
import io.partnerhub.competency.domain.OrganizationFacts.Figure;

/**
 * P4 from the reported performance figures of one metric (only its counting source's, K2b): the effective-dated facts
 * a capability score reads. A figure counts from its period's end. FLOW (new customers): one fact per reported period,
 * the value that counts for it: where reports overlap, the later report replaces the earlier ones for the days they
 * share, so an earlier figure counts pro rata for its days no later report covers (as K2b), no day twice. STOCK (usage,
 * seats): one fact per period end, the figure reported last for it.
 */
public final class PerformanceFacts {

    /** A fact with the period it stands for ({@code start/end/source} for a flow, empty for a stock). */
    public record PeriodFact(DatedFacts.Fact fact, String period) {
    }

    private static final Comparator<Figure> REPORTED_LAST_FIRST = Comparator
            .comparing(Figure::reportedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed()
            .thenComparing(Figure::periodEnd, Comparator.reverseOrder())
            .thenComparing(Figure::periodStart, Comparator.reverseOrder())
            .thenComparing(Figure::source);

    private PerformanceFacts() {
    }

    /** The figure name a metric's facts carry, e.g. {@code new-customers} for NEW_CUSTOMERS. */
    public static String figure(Metric metric) {
        return metric.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<PeriodFact> of(Metric metric, List<Figure> counted) {
        String figure = figure(metric);
        List<Figure> newestFirst = counted.stream().filter(f -> f.metric() == metric).sorted(REPORTED_LAST_FIRST).toList();
        List<PeriodFact> facts = new ArrayList<>();
        if (metric.kind() == Metric.Kind.STOCK) {
            Map<LocalDate, Figure> latest = new LinkedHashMap<>();
            newestFirst.forEach(f -> latest.putIfAbsent(f.periodEnd(), f));
            latest.values().forEach(f -> facts.add(new PeriodFact(new DatedFacts.Fact(figure, f.value(), f.periodEnd()), "")));
        } else {
            List<LocalDate[]> covered = new ArrayList<>();
            for (Figure f : newestFirst) {
                LocalDate start = f.periodStart() == null ? f.periodEnd() : f.periodStart();
                long days = ChronoUnit.DAYS.between(start, f.periodEnd()) + 1;
                long uncovered = days - coveredDays(covered, start, f.periodEnd());
                covered.add(new LocalDate[] {start, f.periodEnd()});
                BigDecimal counts = uncovered == days ? f.value()
                        : f.value().multiply(BigDecimal.valueOf(uncovered)).divide(BigDecimal.valueOf(days), 4, RoundingMode.HALF_EVEN);
                facts.add(new PeriodFact(new DatedFacts.Fact(figure, counts, f.periodEnd()),
                        start + "/" + f.periodEnd() + "/" + f.source()));
            }
        }
        facts.sort(Comparator.comparing((PeriodFact p) -> p.fact().effective()).thenComparing(PeriodFact::period));
        return facts;
    }

    /** Days of [start, end] covered by the ranges (which may overlap each other: each day counted once). */
    private static long coveredDays(List<LocalDate[]> covered, LocalDate start, LocalDate end) {
        return start.datesUntil(end.plusDays(1))
                .filter(day -> covered.stream().anyMatch(r -> !day.isBefore(r[0]) && !day.isAfter(r[1]))).count();
    }
}
