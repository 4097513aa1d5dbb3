package io.partnerhub.competency.domain.designation;

import static io.partnerhub.competency.domain.designation.BusinessApplications.AREA;
import static io.partnerhub.competency.domain.designation.BusinessApplications.DAY;
import static io.partnerhub.competency.domain.designation.BusinessApplications.V1;
import static io.partnerhub.competency.domain.designation.BusinessApplications.V2;
import static io.partnerhub.competency.domain.designation.BusinessApplications.fact;
import static io.partnerhub.competency.domain.designation.BusinessApplications.figures;
import static io.partnerhub.competency.domain.designation.BusinessApplications.full;
import static io.partnerhub.competency.domain.designation.BusinessApplications.replacing;
import static io.partnerhub.competency.domain.designation.BusinessApplications.scoreOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnerhub.competency.domain.designation.DatedFacts.Fact;

/** P1-P4, P7: the capability score on a day from effective-dated facts, qualification, versions and tracks. */
class CapabilityScoreTest {

    static DatedFacts fullPlus(Fact... more) {
        List<Fact> facts = new ArrayList<>(full());
        facts.addAll(List.of(more));
        return new DatedFacts(facts);
    }

    /** Full but for active usage: {@code before} a year before {@code now}. */
    static DatedFacts usage(double before, double now) {
        return replacing("active-usage", fact("active-usage", before, "2026-05-01"), fact("active-usage", now, "2027-05-01"));
    }

    static Stream<Arguments> scores() {
        return Stream.of(
                Arguments.of("every metric at its threshold", new DatedFacts(full()), DAY, "100.0", true),
                Arguments.of("no advanced certifications: 85 with a metric at zero",
                        replacing("advanced-certified"), DAY, "85.0", false),
                Arguments.of("exactly 70 with every metric above zero", figures(3, 3, 2, 110, 5), DAY, "70.0", true),
                Arguments.of("just below 70", figures(3, 3, 2, 109.9, 5), DAY, "69.8", false),
                Arguments.of("usage growth under a tenth of a percent is a metric at zero",
                        usage(1000, 1000.5), DAY, "70.0", false),
                Arguments.of("a fact effective after the day does not count on the day",
                        fullPlus(fact("advanced-certified", 0, "2027-06-16")), DAY, "100.0", true),
                Arguments.of("the day after, it does",
                        fullPlus(fact("advanced-certified", 0, "2027-06-16")), DAY.plusDays(1), "85.0", false),
                Arguments.of("of two stock facts on one date the one listed last counts",
                        fullPlus(fact("advanced-certified", 1, "2027-06-01"), fact("advanced-certified", 3, "2027-06-01")),
                        DAY, "100.0", true),
                Arguments.of("a stock stays in force until the next fact",
                        fullPlus(fact("advanced-certified", 1, "2027-06-01")), DAY, "90.0", true),
                Arguments.of("a flow sums its facts of the 12 months up to the day",
                        replacing("new-customers", fact("new-customers", 1, "2026-06-16"),
                                fact("new-customers", 1, "2027-06-15")), DAY, "95.0", true),
                Arguments.of("a flow fact 12 months before the day has left the window",
                        replacing("new-customers", fact("new-customers", 3, "2026-06-15")), DAY, "85.0", false),
                Arguments.of("usage growth of 10 percent gives half its points",
                        usage(100, 110), DAY, "85.0", true),
                Arguments.of("usage growth above the threshold gives its max",
                        usage(100, 150), DAY, "100.0", true),
                Arguments.of("shrinking usage gives 0",
                        usage(100, 80), DAY, "70.0", false),
                Arguments.of("usage without a base 12 months before gives 0",
                        replacing("active-usage", fact("active-usage", 120, "2026-07-01")), DAY, "70.0", false),
                Arguments.of("usage from a base of zero gives 0",
                        usage(0, 120), DAY, "70.0", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scores")
    void scoresTheDayFromTheFactsAsTheyStoodAndQualifiesAt70WithNoMetricAtZero(String description, DatedFacts facts,
            LocalDate day, String total, boolean qualifies) {
        CapabilityScore score = scoreOn(facts, day);
        assertEquals(new BigDecimal(total), score.total().value());
        assertEquals(qualifies, score.qualifies());
    }

    @Test
    void aMetricWhoseFigureGivesFewerThanATenthOfAPointIsAtZero() {
        List<CapabilityScore.MetricScore> lines = new ArrayList<>(scoreOn(new DatedFacts(full()), DAY).metrics());
        lines.set(3, new CapabilityScore.MetricScore(lines.get(3).metric(), new BigDecimal("0.05")));
        CapabilityScore score = new CapabilityScore(DAY, "2026-10", Optional.empty(), lines);
        assertEquals("70.0", score.total().toString());
        assertEquals(List.of("usage-growth"), score.atZero().stream().map(l -> l.metric().id()).toList());
        assertEquals(false, score.qualifies());
    }

    @Test
    void listsHaveThresholdAndPointsPerMetric() {
        CapabilityScore score = scoreOn(replacing("intermediate-certified", fact("intermediate-certified", 2, "2027-01-10")),
                DAY);
        CapabilityScore.MetricScore line = score.metrics().get(1);
        assertEquals("intermediate-certifications", line.metric().id());
        assertEquals(BigDecimal.valueOf(2.0), line.have());
        assertEquals(BigDecimal.valueOf(6), line.threshold());
        assertEquals("6.6", line.points().toString());
        assertEquals("86.6", score.total().toString());
    }

    @ParameterizedTest(name = "on {0}: version {1}")
    @CsvSource({"2026-09-30, ", "2026-10-01, 2026-10", "2026-12-31, 2026-10", "2027-01-01, 2027-01"})
    void picksTheRequirementSetInForceOnTheDay(LocalDate day, String version) {
        assertEquals(Optional.ofNullable(version), AREA.inEffect(day).map(ScoreVersion::version));
    }

    @ParameterizedTest(name = "{0} deployed seats effective {1}: track {2}, deployments {3} points")
    @CsvSource({
            "1000, 2027-06-01, ENTERPRISE, 10.0",
            "5000, 2027-06-01, ENTERPRISE, 10.0",
            "999, 2027-06-01, SMB, 20.0",
            "1000, 2027-06-16, SMB, 20.0"})
    void choosesTheTrackByTheFiguresOfTheDayAndScoresWithItsThresholds(int seats, String effective, String track,
            String deploymentPoints) {
        CapabilityScore score = CapabilityScore.of(V2, fullPlus(fact("deployed-seats", seats, effective)), DAY);
        assertEquals(Optional.of(track), score.track());
        assertEquals(deploymentPoints, score.metrics().get(4).points().toString());
    }

    @Test
    void aVersionWithoutTracksUsesTheMetricsThresholds() {
        assertEquals(Optional.empty(), scoreOn(new DatedFacts(full()), DAY).track());
        assertEquals(Optional.empty(), V1.track(new DatedFacts(full()), DAY));
    }

    @Test
    void refusesARequirementSetWhoseMaxPointsDoNotAddUpTo100() {
        List<ScoreMetric> short5 = new ArrayList<>(BusinessApplications.METRICS.subList(0, 4));
        assertThrows(IllegalArgumentException.class,
                () -> new ScoreVersion("x", DAY, short5, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ScoreVersion("x", DAY, BusinessApplications.METRICS,
                List.of(Track.otherwise("SMB", java.util.Map.of("unknown", BigDecimal.ONE)))));
        assertThrows(IllegalArgumentException.class, () -> new ScoreVersion("x", DAY, BusinessApplications.METRICS,
                List.of(Track.otherwise("SMB", java.util.Map.of("deployments", BigDecimal.ZERO)))));
    }
}
