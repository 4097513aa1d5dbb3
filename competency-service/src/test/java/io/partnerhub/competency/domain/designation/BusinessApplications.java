package io.partnerhub.competency.domain.designation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.partnerhub.competency.domain.designation.DatedFacts.Fact;

/**
 * The test model of the Business Applications area: performance — net customer adds 15 (3 customers);
 * skilling — intermediate certifications 20 (6 people), advanced certifications 15 (3 people); customer success —
 * usage growth 30 (20 %), deployments 20 (5 customers). Version 2 (from 2027-01-01) adds tracks: ENTERPRISE (deployed
 * seats at least 1000: 10 deployments) and SMB (otherwise: 3 deployments).
 */
final class BusinessApplications {

    static final LocalDate DAY = LocalDate.parse("2027-06-15");

    static final List<ScoreMetric> METRICS = List.of(
            new ScoreMetric("net-customer-adds", Category.PERFORMANCE, Unit.CUSTOMERS, Measure.flow("new-customers"), 15,
                    BigDecimal.valueOf(3)),
            new ScoreMetric("intermediate-certifications", Category.SKILLING, Unit.PEOPLE,
                    Measure.stock("intermediate-certified"), 20, BigDecimal.valueOf(6)),
            new ScoreMetric("advanced-certifications", Category.SKILLING, Unit.PEOPLE, Measure.stock("advanced-certified"),
                    15, BigDecimal.valueOf(3)),
            new ScoreMetric("usage-growth", Category.CUSTOMER_SUCCESS, Unit.PERCENT,
                    Measure.growthOf(Measure.stock("active-usage")), 30, BigDecimal.valueOf(20)),
            new ScoreMetric("deployments", Category.CUSTOMER_SUCCESS, Unit.CUSTOMERS, Measure.flow("deployments"), 20,
                    BigDecimal.valueOf(5)));

    static final ScoreVersion V1 = new ScoreVersion("2026-10", LocalDate.parse("2026-10-01"), METRICS, List.of());

    static final ScoreVersion V2 = new ScoreVersion("2027-01", LocalDate.parse("2027-01-01"), METRICS, List.of(
            Track.when("ENTERPRISE", Measure.stock("deployed-seats"), BigDecimal.valueOf(1000),
                    Map.of("deployments", BigDecimal.valueOf(10))),
            Track.otherwise("SMB", Map.of("deployments", BigDecimal.valueOf(3)))));

    static final SolutionArea AREA = new SolutionArea("business-applications", "Business Applications", List.of(V1, V2));

    private BusinessApplications() {
    }

    static Fact fact(String figure, double value, String effective) {
        return new Fact(figure, BigDecimal.valueOf(value), LocalDate.parse(effective));
    }

    /**
     * One figure per metric, effective by 2027-01-10: net customer adds, intermediate and advanced certified people,
     * active usage now (against 100 a year before: its growth) and deployments.
     */
    static DatedFacts figures(double customers, double intermediate, double advanced, double usage, double deployments) {
        return new DatedFacts(List.of(fact("new-customers", customers, "2026-12-20"),
                fact("intermediate-certified", intermediate, "2027-01-10"), fact("advanced-certified", advanced, "2027-01-10"),
                fact("active-usage", 100, "2025-12-01"), fact("active-usage", usage, "2026-12-01"),
                fact("deployments", deployments, "2026-12-20")));
    }

    /** Every metric at its threshold from 2027-01-10 under V1: 100 points on {@link #DAY}. */
    static List<Fact> full() {
        return figures(3, 6, 3, 120, 5).facts();
    }

    /** {@link #full()} without the facts of {@code figure}, plus {@code more}. */
    static DatedFacts replacing(String figure, Fact... more) {
        List<Fact> facts = new ArrayList<>(full().stream().filter(f -> !f.figure().equals(figure)).toList());
        facts.addAll(Arrays.asList(more));
        return new DatedFacts(facts);
    }

    /** {@link #full()} until the advanced certifications drop to none on {@code day}. */
    static DatedFacts fullUntil(String day) {
        List<Fact> facts = new ArrayList<>(full());
        facts.add(fact("advanced-certified", 0, day));
        return new DatedFacts(facts);
    }

    static CapabilityScore scoreOn(DatedFacts facts, LocalDate day) {
        return CapabilityScore.of(V1, facts, day);
    }
}
