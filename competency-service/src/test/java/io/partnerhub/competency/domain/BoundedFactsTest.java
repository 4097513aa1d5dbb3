package io.partnerhub.competency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnerhub.competency.domain.Holders.Holder;
import io.partnerhub.competency.domain.OrganizationFacts.Credential;
import io.partnerhub.competency.domain.OrganizationFacts.Member;

/**
 * K3b: the service evaluates an event from a bounded extract (per skill set the longest-lasting holders up to the sample
 * size and the exact count now), never the whole organisation. The rules must decide exactly as with everything.
 */
class BoundedFactsTest {

    static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    static final Duration HORIZON = Duration.ofDays(90);

    /** silver: 2 people with az-104 or az-305; gold: 150 people with az-104 (more than the counted cap). */
    static final RequirementVersion VERSION = new RequirementVersion("v", LocalDate.parse("2027-01-01"),
            List.of(List.of(new Requirement.Skill(2, List.of("az-104", "az-305")))),
            List.of(List.of(new Requirement.Skill(150, List.of("az-104")))));

    /** What FactsLoader reads: the first sampleSize holders of each set by LONGEST_LASTING, and the exact count now. */
    static Facts extract(OrganizationFacts all, RequirementVersion version, Instant now) {
        Map<Set<String>, Holders> sets = new HashMap<>();
        version.sampleSizes().forEach((set, size) -> {
            Holders complete = all.holders(set);
            List<Holder> sorted = complete.longestLasting();
            sets.put(set, sorted.size() < size ? Holders.complete(sorted)
                    : new Holders(sorted.subList(0, size), false, complete.activeAt(now), now));
        });
        return new Facts() {
            @Override
            public Holders holders(Set<String> credentials) {
                return sets.get(credentials);
            }

            @Override
            public List<OrganizationFacts.Figure> figures() {
                return all.figures();
            }
        };
    }

    /** {@code n} people holding az-104, person i expiring {@code days(i)} days from NOW (null: never). */
    static OrganizationFacts organisation(int n, java.util.function.IntFunction<Integer> days) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Integer d = days.apply(i);
            members.add(new Member("c" + String.format("%05d", i),
                    List.of(new Credential("az-104", d == null ? null : NOW.plus(Duration.ofDays(d))))));
        }
        return new OrganizationFacts(members, List.of());
    }

    static Stream<Arguments> organisations() {
        return Stream.of(
                Arguments.of("a small organisation is read completely", organisation(5, i -> 400)),
                Arguments.of("10,000 holders who never expire", organisation(10_000, i -> null)),
                Arguments.of("2,000 holders, 1,900 of them expiring within the horizon: gold at risk",
                        organisation(2_000, i -> i < 1_900 ? 30 : 800)),
                Arguments.of("2,000 holders, 1,800 expiring within the horizon: gold holds",
                        organisation(2_000, i -> i < 1_800 ? 30 : 800)),
                Arguments.of("holders past expiry without an expired event yet do not count",
                        organisation(1_000, i -> i < 900 ? -1 : 700)),
                Arguments.of("expiries spread over three years", organisation(5_000, i -> (i * 7) % 1100 - 10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("organisations")
    void aBoundedExtractDecidesLikeTheWholeOrganisation(String name, OrganizationFacts all) {
        Facts bounded = extract(all, VERSION, NOW);
        Evaluation whole = Evaluation.of(VERSION, all, NOW);
        Evaluation part = Evaluation.of(VERSION, bounded, NOW);
        assertEquals(whole.level(), part.level());
        for (int i = 0; i < whole.progress().size(); i++) {
            assertEquals(whole.progress().get(i).have(), part.progress().get(i).have(), "have of requirement " + i);
            assertEquals(whole.progress().get(i).met(), part.progress().get(i).met());
            assertEquals(whole.progress().get(i).counted(), part.progress().get(i).counted());
        }
        for (CompetencyState held : List.of(CompetencyState.NONE,
                new CompetencyState(Level.GOLD, false, List.of(), NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(265))),
                new CompetencyState(Level.SILVER, true, List.of(Reason.ofText("x")), NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(65))))) {
            StatusRules.Outcome expected = StatusRules.next(held, VERSION, all, NOW, HORIZON);
            StatusRules.Outcome actual = StatusRules.next(held, VERSION, bounded, NOW, HORIZON);
            assertEquals(expected.state().level(), actual.state().level());
            assertEquals(expected.state().atRisk(), actual.state().atRisk());
            assertEquals(expected.transitions().stream().map(StatusRules.Transition::change).toList(),
                    actual.transitions().stream().map(StatusRules.Transition::change).toList());
            assertEquals(StatusRules.nextCheck(expected.state(), expected.evaluation(), all, HORIZON, NOW),
                    StatusRules.nextCheck(actual.state(), actual.evaluation(), bounded, HORIZON, NOW));
        }
    }

    @Test
    void whoCountsIsCappedAtTheSampleSizeWhileHaveStaysExact() {
        OrganizationFacts all = organisation(10_000, i -> null);
        Evaluation evaluation = Evaluation.of(VERSION, extract(all, VERSION, NOW), NOW);
        Evaluation.Progress silver = evaluation.silver().paths().get(0).requirements().get(0);
        Evaluation.Progress gold = evaluation.gold().paths().get(0).requirements().get(0);
        assertEquals(10_000, silver.have().intValue());
        assertEquals(Facts.COUNTED_CAP, silver.counted().size());
        assertEquals(150, gold.counted().size(), "a requirement asking more people than the cap names as many as it asks");
        assertTrue(silver.counted().contains("c00000"));
    }

    @Test
    void atRiskReasonsNameTenPeoplePerRequirementAndCountTheRest() {
        OrganizationFacts all = organisation(2_000, i -> i < 1_900 ? 30 : 800);
        CompetencyState gold = new CompetencyState(Level.GOLD, false, List.of(), NOW.minus(Duration.ofDays(100)),
                NOW.plus(Duration.ofDays(265)));
        StatusRules.Outcome outcome = StatusRules.next(gold, VERSION, extract(all, VERSION, NOW), NOW, HORIZON);
        List<String> reasons = outcome.state().reasonTexts();
        assertTrue(outcome.state().atRisk());
        assertEquals(StatusRules.MAX_NAMED + 1, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).matches("c0\\d{4}'s az-104 expires on 2027-03-31, before valid-until .*"), reasons.get(0));
        assertTrue(reasons.get(StatusRules.MAX_NAMED).startsWith("40 more counted people's credentials expire"),
                reasons.get(StatusRules.MAX_NAMED));
    }

    static Stream<Arguments> countsLater() {
        List<Holder> five = List.of(new Holder("a", "x", null), new Holder("b", "x", NOW.plus(Duration.ofDays(50))),
                new Holder("c", "x", NOW.plus(Duration.ofDays(40))), new Holder("d", "x", NOW.plus(Duration.ofDays(30))),
                new Holder("e", "x", NOW.plus(Duration.ofDays(20))));
        return Stream.of(
                Arguments.of("a complete list counts at any time", Holders.complete(five), 45, 2L),
                Arguments.of("a cut list is exact now from the kept count", new Holders(five, false, 900, NOW), 0, 900L),
                Arguments.of("a cut list in which someone has expired by then is exact", new Holders(five, false, 900, NOW), 35, 3L),
                Arguments.of("a cut list all still active then is a lower bound of its size", new Holders(five, false, 900, NOW), 10, 5L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("countsLater")
    void countsHoldersActiveAtALaterInstant(String name, Holders holders, int days, long expected) {
        assertEquals(expected, holders.activeAt(NOW.plus(Duration.ofDays(days))));
    }
}
