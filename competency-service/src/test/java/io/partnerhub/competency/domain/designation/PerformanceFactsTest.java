package io.partnerhub.competency.domain.designation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnerhub.competency.domain.Metric;
import io.partnerhub.competency.domain.OrganizationFacts.Figure;

/** P4 from performance figures: the dated facts a capability score reads, overlaps counted once (as K2b). */
class PerformanceFactsTest {

    /** figures: "start..end=value@reportedSecond" separated by ';'; expected: "effective=value" separated by ';'. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a flow counts from its period's end | NEW_CUSTOMERS | 2026-01-01..2026-03-31=4@1 | 2026-03-31=4",
            "two periods are two facts | NEW_CUSTOMERS | 2026-01-01..2026-01-31=1@1;2026-02-01..2026-02-28=2@2 | 2026-01-31=1;2026-02-28=2",
            "a later overlapping report replaces the earlier one for the days they share | NEW_CUSTOMERS"
                    + " | 2026-01-01..2026-01-10=10@1;2026-01-06..2026-01-15=5@2 | 2026-01-10=5.0000;2026-01-15=5",
            "a report covering an earlier one entirely leaves it nothing | NEW_CUSTOMERS"
                    + " | 2026-01-01..2026-01-31=3@1;2026-01-01..2026-03-31=6@2 | 2026-01-31=0.0000;2026-03-31=6",
            "a stock is the figure reported last for its period end | ACTIVE_USAGE"
                    + " | 2026-01-01..2026-03-31=100@1;2026-03-01..2026-03-31=120@2;2026-04-01..2026-06-30=90@3 | 2026-03-31=120;2026-06-30=90"})
    void turnsTheFiguresIntoDatedFacts(String behaviour, Metric metric, String figures, String expected) {
        List<Figure> list = new ArrayList<>();
        for (String figure : figures.split(";")) {
            String[] periodRest = figure.split("=");
            String[] period = periodRest[0].split("\\.\\.");
            String[] valueAt = periodRest[1].split("@");
            list.add(new Figure(metric, new BigDecimal(valueAt[0]), LocalDate.parse(period[0]), LocalDate.parse(period[1]), "crm",
                    Instant.parse("2026-07-01T00:00:00Z").plusSeconds(Long.parseLong(valueAt[1]))));
        }
        String got = String.join(";", PerformanceFacts.of(metric, list).stream()
                .map(p -> p.fact().effective() + "=" + p.fact().value().toPlainString()).toList());
        assertEquals(expected, got, behaviour);
    }
}
