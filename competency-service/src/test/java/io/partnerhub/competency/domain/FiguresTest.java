package io.partnerhub.competency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnerhub.competency.domain.OrganizationFacts.Figure;

/** K2b: metric kinds, overlapping reports and the counting source, table-driven. */
class FiguresTest {

    static final LocalDate TODAY = LocalDate.parse("2027-03-01");
    /** Seats count from partner-center only, revenue from crm only. */
    static final MetricCatalogue NAMED = new MetricCatalogue(Map.of(Metric.DEPLOYED_SEATS, "partner-center", Metric.REVENUE, "crm"));

    /** A report of the case's metric for [start, end] from {@code source}; a case's reports arrive in the order listed. */
    record Report(long value, String start, String end, String source) {
    }

    static Report report(long value, String start, String end, String source) {
        return new Report(value, start, end, source);
    }

    static Arguments row(String name, Metric metric, MetricCatalogue catalogue, String expected, Report... reports) {
        return Arguments.of(name, metric, catalogue, expected, List.of(reports));
    }

    static Stream<Arguments> cases() {
        MetricCatalogue any = MetricCatalogue.ANY_SOURCE;
        return Stream.of(
                row("a flow metric reported monthly is summed over the window", Metric.REVENUE, any, "600",
                        report(100, "2026-12-01", "2026-12-31", "crm"), report(200, "2027-01-01", "2027-01-31", "crm"),
                        report(300, "2027-02-01", "2027-02-28", "crm")),
                row("a stock metric reported monthly counts its latest figure", Metric.DEPLOYED_SEATS, any, "55",
                        report(40, "2026-12-01", "2026-12-31", "pc"), report(55, "2027-02-01", "2027-02-28", "pc"),
                        report(50, "2027-01-01", "2027-01-31", "pc")),
                row("a stock figure ending after today does not count yet", Metric.ACTIVE_USAGE, any, "900",
                        report(900, "2027-01-01", "2027-01-31", "pc"), report(2000, "2027-03-01", "2027-03-31", "pc")),
                row("two overlapping flow reports count once: the later replaces the earlier", Metric.NEW_CUSTOMERS, any, "6",
                        report(6, "2027-01-01", "2027-02-28", "crm"), report(6, "2027-01-01", "2027-02-28", "marketplace")),
                row("a later quarter replaces an earlier month inside it", Metric.REVENUE, any, "900",
                        report(100, "2027-01-01", "2027-01-31", "crm"), report(900, "2026-12-01", "2027-02-28", "crm")),
                row("an earlier quarter counts pro rata for the days a later month does not cover", Metric.REVENUE, any,
                        "690", // 900 × 59/90 days + 100
                        report(900, "2026-12-01", "2027-02-28", "crm"), report(100, "2027-01-01", "2027-01-31", "crm")),
                row("a second source's report of a metric whose definition names the first does not count",
                        Metric.DEPLOYED_SEATS, NAMED, "50", report(50, "2027-02-01", "2027-02-28", "partner-center"),
                        report(80, "2027-02-01", "2027-02-28", "reseller-portal")),
                row("a flow's second source does not replace the named source's overlapping report", Metric.REVENUE, NAMED,
                        "500", report(500, "2027-01-01", "2027-02-28", "crm"), report(700, "2027-02-01", "2027-02-28", "erp")),
                row("a metric reported only by another source than the named one has nothing", Metric.DEPLOYED_SEATS, NAMED,
                        null, report(80, "2027-02-01", "2027-02-28", "reseller-portal")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void countsEachMetricByItsKindAndSource(String name, Metric metric, MetricCatalogue catalogue, String expected,
            List<Report> reports) {
        List<Figure> figures = new ArrayList<>();
        for (Report r : reports) {
            figures.add(new Figure(metric, BigDecimal.valueOf(r.value()), LocalDate.parse(r.start()), LocalDate.parse(r.end()),
                    r.source(), Instant.parse("2027-03-01T00:00:00Z").plusSeconds(figures.size())));
        }
        BigDecimal have = Figures.have(figures, TODAY, catalogue).get(metric);
        assertEquals(expected, have == null ? null : have.stripTrailingZeros().toPlainString());
    }
}
