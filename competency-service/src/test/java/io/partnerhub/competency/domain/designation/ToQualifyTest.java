package io.partnerhub.competency.domain.designation;

import static io.partnerhub.competency.domain.designation.BusinessApplications.DAY;
import static io.partnerhub.competency.domain.designation.BusinessApplications.figures;
import static io.partnerhub.competency.domain.designation.BusinessApplications.full;
import static io.partnerhub.competency.domain.designation.BusinessApplications.replacing;
import static io.partnerhub.competency.domain.designation.BusinessApplications.scoreOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnerhub.competency.domain.designation.CapabilityScore.MetricScore;

/** P9: what would make us qualify: per metric the amounts to its next point and its threshold, and one plan. */
class ToQualifyTest {

    /** 51.6 points: net customer adds 2 (10.0), intermediate 2 (6.6), advanced 0 (0.0), usage +10 % (15.0), deployments 5 (20.0). */
    static final DatedFacts BELOW = figures(2, 2, 0, 110, 5);

    static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    @ParameterizedTest(name = "{0}: {1} to its threshold, {2} to its next point")
    @CsvSource({
            "net-customer-adds, 1, 1",
            "intermediate-certifications, 4, 1",
            "advanced-certifications, 3, 1",
            "usage-growth, 10, 0.7",
            "deployments, 0, "})
    void givesPerMetricTheAmountInItsUnitToItsThresholdAndToItsNextWholePoint(String metric, String toThreshold,
            String toNextPoint) {
        Map<String, ToQualify.Hint> hints = ToQualify.hints(scoreOn(BELOW, DAY)).stream()
                .collect(Collectors.toMap(ToQualify.Hint::metricId, h -> h));
        ToQualify.Hint hint = hints.get(metric);
        assertEquals(toThreshold, plain(hint.toThreshold()));
        assertEquals(Optional.ofNullable(toNextPoint), hint.toNextPoint().map(ToQualifyTest::plain));
    }

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("already qualifies", new DatedFacts(full()), List.of(), "100.0"),
                Arguments.of("85 with one metric at zero: lift that one to its first points",
                        replacing("advanced-certified"), List.of("advanced-certifications 0 -> 1"), "90.0"),
                Arguments.of("69.8 with none at zero: the cheapest single change",
                        figures(3, 3, 2, 109.9, 5),
                        List.of("usage-growth 9.9 -> 10"), "70.0"),
                Arguments.of("51.6 with one metric at zero: two changes, the least effort",
                        BELOW, List.of("advanced-certifications 0 -> 1", "usage-growth 10 -> 19"), "70.1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void suggestsTheFewestChangesThatReach70WithNoMetricAtZero(String description, DatedFacts facts, List<String> steps,
            String score) {
        ToQualify.Plan plan = ToQualify.plan(scoreOn(facts, DAY));
        assertEquals(steps, plan.steps().stream()
                .map(s -> s.metricId() + " " + plain(s.have()) + " -> " + plain(s.target())).toList());
        assertEquals(score, plan.score().toString());
        assertTrue(applied(scoreOn(facts, DAY), plan).qualifies());
    }

    @ParameterizedTest(name = "with {0} customers and {1} intermediate, usage {2}: advanced certifications are in the plan")
    @CsvSource({"3, 6, 120", "0, 6, 120", "3, 0, 100", "1, 1, 101", "2, 5, 150"})
    void aMetricAtZeroIsInEveryPlan(int customers, int intermediate, double usage) {
        CapabilityScore score = scoreOn(figures(customers, intermediate, 0, usage, 5), DAY);
        ToQualify.Plan plan = ToQualify.plan(score);
        List<String> changed = plan.steps().stream().map(ToQualify.Step::metricId).toList();
        assertTrue(changed.contains("advanced-certifications"), changed.toString());
        score.atZero().forEach(zero -> assertTrue(changed.contains(zero.metric().id()), changed.toString()));
        assertTrue(applied(score, plan).qualifies());
    }

    /** The score with the plan's targets as the figures. */
    static CapabilityScore applied(CapabilityScore score, ToQualify.Plan plan) {
        Map<String, BigDecimal> targets = plan.steps().stream()
                .collect(Collectors.toMap(ToQualify.Step::metricId, ToQualify.Step::target));
        List<MetricScore> lines = score.metrics().stream()
                .map(l -> new MetricScore(l.metric(), targets.getOrDefault(l.metric().id(), l.have()))).toList();
        return new CapabilityScore(score.day(), score.version(), score.track(), lines);
    }
}
