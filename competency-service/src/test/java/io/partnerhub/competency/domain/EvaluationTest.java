package io.partnerhub.competency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnerhub.competency.domain.OrganizationFacts.Credential;
import io.partnerhub.competency.domain.OrganizationFacts.Figure;
import io.partnerhub.competency.domain.OrganizationFacts.Member;

/** K1/K2/K4 rules, table-driven, no Quarkus. */
class EvaluationTest {

    static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");

    /** silver: 2 people with az-104 or az-305 (path 1), or 1 person + REVENUE ≥ 1000 (path 2); gold: 3 people + REVENUE ≥ 5000. */
    static final RequirementVersion VERSION = new RequirementVersion("2027-05", LocalDate.parse("2027-01-01"),
            List.of(List.of(skill(2, "az-104", "az-305")),
                    List.of(skill(1, "az-104", "assessment:caf"), revenue(1000))),
            List.of(List.of(skill(3, "az-104", "az-305"), revenue(5000))));

    static Requirement skill(int n, String... anyOf) {
        return new Requirement.Skill(n, List.of(anyOf));
    }

    static Requirement revenue(long threshold) {
        return new Requirement.Performance(Metric.REVENUE, BigDecimal.valueOf(threshold));
    }

    static Member member(String candidate, String... credentials) {
        List<Credential> list = new ArrayList<>();
        for (String c : credentials) {
            list.add(new Credential(c, FAR));
        }
        return new Member(candidate, list);
    }

    static Figure figure(long value, String periodEnd) {
        LocalDate end = LocalDate.parse(periodEnd);
        return new Figure(Metric.REVENUE, BigDecimal.valueOf(value), end.minusMonths(1), end);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nobody", List.of(), List.of(), Level.NONE, null),
                Arguments.of("one person holding both listed certifications counts once",
                        List.of(member("c1", "az-104", "az-305")), List.of(), Level.NONE, null),
                Arguments.of("two distinct people meet silver path 1",
                        List.of(member("c1", "az-104"), member("c2", "az-305")), List.of(), Level.SILVER, 1),
                Arguments.of("an unlisted certification does not count",
                        List.of(member("c1", "az-104"), member("c2", "ms-900")), List.of(), Level.NONE, null),
                Arguments.of("one assessment plus revenue meets silver path 2",
                        List.of(member("c1", "assessment:caf")), List.of(figure(600, "2027-02-28"), figure(400, "2026-06-30")),
                        Level.SILVER, 2),
                Arguments.of("revenue older than 12 months does not count",
                        List.of(member("c1", "assessment:caf")), List.of(figure(600, "2027-02-28"), figure(400, "2026-03-01")),
                        Level.NONE, null),
                Arguments.of("a figure ending in the future does not count yet",
                        List.of(member("c1", "assessment:caf")), List.of(figure(600, "2027-02-28"), figure(400, "2027-03-31")),
                        Level.NONE, null),
                Arguments.of("gold needs three people and 5000",
                        List.of(member("c1", "az-104"), member("c2", "az-104"), member("c3", "az-305")),
                        List.of(figure(5000, "2027-01-31")), Level.GOLD, 1),
                Arguments.of("three people without the revenue stay silver",
                        List.of(member("c1", "az-104"), member("c2", "az-104"), member("c3", "az-305")),
                        List.of(figure(4999, "2027-01-31")), Level.SILVER, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesLevelsAndPaths(String name, List<Member> members, List<Figure> figures, Level level, Integer silverPath) {
        Evaluation evaluation = Evaluation.of(VERSION, new OrganizationFacts(members, figures), NOW);
        assertEquals(level, evaluation.level());
        assertEquals(silverPath, evaluation.silver().pathMet());
    }

    @Test
    void reportsHaveNeedAndWhoCountsPerRequirement() {
        Evaluation evaluation = Evaluation.of(VERSION, new OrganizationFacts(
                List.of(member("c2", "az-305", "az-104"), member("c1", "az-104"), member("c3", "ms-900")), List.of()), NOW);
        Evaluation.Progress first = evaluation.silver().paths().get(0).requirements().get(0);
        assertEquals(BigDecimal.valueOf(2), first.have());
        assertEquals(BigDecimal.valueOf(2), first.need());
        assertEquals(List.of("c1", "c2"), first.counted());
        assertEquals("2 individuals holding one of az-104, az-305", first.description());
    }

    @Test
    void anExpiredCredentialDoesNotCount() {
        Member expired = new Member("c2", List.of(new Credential("az-104", NOW.minusSeconds(1))));
        Evaluation evaluation = Evaluation.of(VERSION, new OrganizationFacts(List.of(member("c1", "az-104"), expired), List.of()), NOW);
        assertEquals(Level.NONE, evaluation.level());
    }

    static Stream<Arguments> versions() {
        return Stream.of(Arguments.of("2027-04-30", "2026-10"), Arguments.of("2027-05-01", "2027-05"),
                Arguments.of("2027-12-31", "2027-10"), Arguments.of("2026-09-30", null));
    }

    @ParameterizedTest(name = "on {0} version {1} is in effect")
    @MethodSource("versions")
    void choosesTheVersionInEffectByDate(String day, String expected) {
        List<RequirementVersion> all = List.of(version("2027-10", "2027-10-01"), version("2026-10", "2026-10-01"),
                version("2027-05", "2027-05-01"));
        assertEquals(expected, RequirementVersion.inEffect(all, LocalDate.parse(day)).map(RequirementVersion::version).orElse(null));
        assertTrue(RequirementVersion.upcoming(all, LocalDate.parse(day)).stream()
                .allMatch(v -> v.effectiveFrom().isAfter(LocalDate.parse(day))));
    }

    static RequirementVersion version(String name, String from) {
        return new RequirementVersion(name, LocalDate.parse(from), VERSION.silver(), VERSION.gold());
    }

    // K4 transitions

    static final Duration HORIZON = Duration.ofDays(90);

    static OrganizationFacts facts(Member... members) {
        return new OrganizationFacts(List.of(members), List.of());
    }

    @Test
    void attainsSilverForTwelveMonthsWhenTheSecondPersonQualifies() {
        StatusRules.Outcome outcome = StatusRules.next(CompetencyState.NONE, VERSION,
                facts(member("c1", "az-104"), member("c2", "az-305")), NOW, HORIZON);
        assertEquals(Level.SILVER, outcome.state().level());
        assertEquals(Instant.parse("2028-03-01T10:00:00Z"), outcome.state().validUntil());
        assertEquals(List.of(Change.ATTAINED), outcome.transitions().stream().map(StatusRules.Transition::change).toList());
        assertFalse(outcome.state().atRisk());
    }

    @Test
    void aDepartureMakesItAtRiskNotLapsedThenRiskClearedWhenSomeoneQualifies() {
        CompetencyState silver = new CompetencyState(Level.SILVER, false, List.of(), NOW, StatusRules.plusYear(NOW));
        StatusRules.Outcome left = StatusRules.next(silver, VERSION, facts(member("c1", "az-104")), NOW.plusSeconds(60), HORIZON);
        assertEquals(Level.SILVER, left.state().level());
        assertTrue(left.state().atRisk());
        assertEquals(List.of(Change.AT_RISK), left.transitions().stream().map(StatusRules.Transition::change).toList());
        assertEquals("SILVER requirement not met (path 1): 1 of 2 individuals holding one of az-104, az-305; counted: c1",
                left.state().reasons().get(0).text());
        StatusRules.Outcome again = StatusRules.next(left.state(), VERSION, facts(member("c1", "az-104")), NOW.plusSeconds(120), HORIZON);
        assertTrue(again.transitions().isEmpty(), "still at risk: nothing new to publish");
        StatusRules.Outcome cleared = StatusRules.next(left.state(), VERSION,
                facts(member("c1", "az-104"), member("c3", "az-104")), NOW.plusSeconds(180), HORIZON);
        assertEquals(List.of(Change.RISK_CLEARED), cleared.transitions().stream().map(StatusRules.Transition::change).toList());
        assertFalse(cleared.state().atRisk());
    }

    @Test
    void atValidUntilRenewsWhenMetAndLapsesWhenNot() {
        CompetencyState silver = new CompetencyState(Level.SILVER, true, List.of(Reason.ofText("x")), NOW, StatusRules.plusYear(NOW));
        Instant later = StatusRules.plusYear(NOW).plusSeconds(1);
        StatusRules.Outcome renewed = StatusRules.next(silver, VERSION, facts(member("c1", "az-104"), member("c2", "az-104")),
                later, HORIZON);
        assertEquals(List.of(Change.RENEWED), renewed.transitions().stream().map(StatusRules.Transition::change).toList());
        assertEquals(StatusRules.plusYear(StatusRules.plusYear(NOW)), renewed.state().validUntil());
        StatusRules.Outcome lapsed = StatusRules.next(silver, VERSION, facts(member("c1", "az-104")), later, HORIZON);
        assertEquals(List.of(Change.LAPSED), lapsed.transitions().stream().map(StatusRules.Transition::change).toList());
        assertEquals(Level.NONE, lapsed.state().level());
    }

    @Test
    void goldLapsingToSilverLapsesGoldAndAttainsSilver() {
        CompetencyState gold = new CompetencyState(Level.GOLD, true, List.of(Reason.ofText("x")), NOW, StatusRules.plusYear(NOW));
        StatusRules.Outcome outcome = StatusRules.next(gold, VERSION, facts(member("c1", "az-104"), member("c2", "az-104")),
                StatusRules.plusYear(NOW), HORIZON);
        assertEquals(List.of(Change.LAPSED, Change.ATTAINED),
                outcome.transitions().stream().map(StatusRules.Transition::change).toList());
        assertEquals(Level.SILVER, outcome.state().level());
    }

    @Test
    void atRiskWhenACountedCertificationExpiresWithinTheHorizonBeforeValidUntilAndNobodyReplacesIt() {
        CompetencyState silver = new CompetencyState(Level.SILVER, false, List.of(), NOW, StatusRules.plusYear(NOW));
        Member expiring = new Member("c2", List.of(new Credential("az-305", NOW.plus(Duration.ofDays(30)))));
        StatusRules.Outcome outcome = StatusRules.next(silver, VERSION, facts(member("c1", "az-104"), expiring), NOW, HORIZON);
        assertEquals(List.of(Change.AT_RISK), outcome.transitions().stream().map(StatusRules.Transition::change).toList());
        assertTrue(outcome.state().reasons().get(0).text().startsWith("c2's az-305 expires on 2027-03-31, before valid-until 2028-03-01"),
                outcome.state().reasons().toString());
        // an expiry beyond the horizon is not a risk yet, but the state must be looked at when it enters the horizon
        Member later = new Member("c2", List.of(new Credential("az-305", NOW.plus(Duration.ofDays(200)))));
        StatusRules.Outcome calm = StatusRules.next(silver, VERSION, facts(member("c1", "az-104"), later), NOW, HORIZON);
        assertTrue(calm.transitions().isEmpty());
        assertEquals(NOW.plus(Duration.ofDays(110)),
                StatusRules.nextCheck(calm.state(), calm.evaluation(), facts(member("c1", "az-104"), later), HORIZON, NOW));
        // a third person with a lasting certification replaces the expiring one
        StatusRules.Outcome replaced = StatusRules.next(silver, VERSION,
                facts(member("c1", "az-104"), expiring, member("c3", "az-305")), NOW, HORIZON);
        assertTrue(replaced.transitions().isEmpty());
    }

    @Test
    void aHigherLevelStartsANewYear() {
        CompetencyState silver = new CompetencyState(Level.SILVER, false, List.of(), NOW, StatusRules.plusYear(NOW));
        Instant later = NOW.plus(Duration.ofDays(10));
        StatusRules.Outcome outcome = StatusRules.next(silver, VERSION, new OrganizationFacts(
                List.of(member("c1", "az-104"), member("c2", "az-104"), member("c3", "az-305")),
                List.of(figure(6000, "2027-02-28"))), later, HORIZON);
        assertEquals(Level.GOLD, outcome.state().level());
        assertEquals(StatusRules.plusYear(later), outcome.state().validUntil());
        assertEquals(List.of(Change.ATTAINED), outcome.transitions().stream().map(StatusRules.Transition::change).toList());
    }
}
