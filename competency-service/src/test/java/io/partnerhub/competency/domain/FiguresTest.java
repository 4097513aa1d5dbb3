package io.partnerhub.competency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
    static final MetricCatalogue SEATS_FROM_PARTNER_CENTER = new MetricCatalogue(Map.of(Metric.DEPLOYED_SEATS, "partner-center",
            Metric.REVENUE, "crm"));

    /** A figure of {@code metric} for [start, end] from {@code source}, reported on day {@code reportedOn} of March 2027. */
    static Figure figure(Metric metric, long value, String start, String end, String source, int reportedOn) {
        return new Figure(metric, BigDecimal.valueOf(value), LocalDate.parse(start), LocalDate.parse(end), source,
                Instant.parse("2026-03-01T00:00:00Z").plusSeconds(86_400L * reportedOn));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a flow metric reported monthly is summed over the window", Metric.REVENUE, List.of(
                        figure(Metric.REVENUE, 100, "2026-12-01", "2026-12-31", "crm", 1),
                        figure(Metric.REVENUE, 200, "2027-01-01", "2027-01-31", "crm", 2),
                        figure(Metric.REVENUE, 300, "2027-02-01", "2027-02-28", "crm", 3)), MetricCatalogue.ANY_SOURCE, "600"),
                Arguments.of("a stock metric reported monthly counts its latest figure", Metric.DEPLOYED_SEATS, List.of(
                        figure(Metric.DEPLOYED_SEATS, 40, "2026-12-01", "2026-12-31", "pc", 1),
                        figure(Metric.DEPLOYED_SEATS, 55, "2027-02-01", "2027-02-28", "pc", 2),
                        figure(Metric.DEPLOYED_SEATS, 50, "2027-01-01", "2027-01-31", "pc", 3)), MetricCatalogue.ANY_SOURCE, "55"),
                Arguments.of("a stock figure ending after today does not count yet", Metric.ACTIVE_USAGE, List.of(
                        figure(Metric.ACTIVE_USAGE, 900, "2027-01-01", "2027-01-31", "pc", 1),
                        figure(Metric.ACTIVE_USAGE, 2000, "2027-03-01", "2027-03-31", "pc", 2)), MetricCatalogue.ANY_SOURCE, "900"),
                Arguments.of("two overlapping flow reports count once: the later replaces the earlier", Metric.NEW_CUSTOMERS, List.of(
                        figure(Metric.NEW_CUSTOMERS, 6, "2027-01-01", "2027-02-28", "crm", 1),
                        figure(Metric.NEW_CUSTOMERS, 6, "2027-01-01", "2027-02-28", "marketplace", 2)),
                        MetricCatalogue.ANY_SOURCE, "6"),
                Arguments.of("a later quarter replaces an earlier month inside it", Metric.REVENUE, List.of(
                        figure(Metric.REVENUE, 100, "2027-01-01", "2027-01-31", "crm", 1),
                        figure(Metric.REVENUE, 900, "2026-12-01", "2027-02-28", "crm", 2)), MetricCatalogue.ANY_SOURCE, "900"),
                Arguments.of("an earlier quarter counts pro rata for the days a later month does not cover", Metric.REVENUE, List.of(
                        figure(Metric.REVENUE, 900, "2026-12-01", "2027-02-28", "crm", 1),
                        figure(Metric.REVENUE, 100, "2027-01-01", "2027-01-31", "crm", 2)),
                        MetricCatalogue.ANY_SOURCE, "690"), // 900 × 59/90 days + 100
                Arguments.of("a second source's report of a metric whose definition names the first does not count",
                        Metric.DEPLOYED_SEATS, List.of(
                        figure(Metric.DEPLOYED_SEATS, 50, "2027-02-01", "2027-02-28", "partner-center", 1),
                        figure(Metric.DEPLOYED_SEATS, 80, "2027-02-01", "2027-02-28", "reseller-portal", 2)),
                        SEATS_FROM_PARTNER_CENTER, "50"),
                Arguments.of("a flow's second source does not replace the named source's overlapping report", Metric.REVENUE, List.of(
                        figure(Metric.REVENUE, 500, "2027-01-01", "2027-02-28", "crm", 1),
                        figure(Metric.REVENUE, 700, "2027-02-01", "2027-02-28", "erp", 2)), SEATS_FROM_PARTNER_CENTER, "500"),
                Arguments.of("a metric reported only by another source than the named one has nothing", Metric.DEPLOYED_SEATS,
                        List.of(figure(Metric.DEPLOYED_SEATS, 80, "2027-02-01", "2027-02-28", "reseller-portal", 1)),
                        SEATS_FROM_PARTNER_CENTER, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void countsEachMetricByItsKindAndSource(String name, Metric metric, List<Figure> figures, MetricCatalogue catalogue,
            String expected) {
        BigDecimal have = Figures.have(figures, TODAY, catalogue).get(metric);
        assertEquals(expected, have == null ? null : have.stripTrailingZeros().toPlainString());
    }
}
