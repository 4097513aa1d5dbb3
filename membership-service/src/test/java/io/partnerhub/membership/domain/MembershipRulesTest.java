package io.partnerhub.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** M5/M6/M7 purchase eligibility, renewal, the displayed level and the profile. */
class MembershipRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static Standings standings(String spec) {
        // competencies "SILVER", "GOLD:risk", "SILVER:expired"; designations "SP", "SP:risk", "SP:lost"; "" ...
        List<CompetencyStanding> list = new ArrayList<>();
        List<DesignationStanding> designations = new ArrayList<>();
        int i = 0;
        for (String s : spec.isBlank() ? new String[0] : spec.split(" ")) {
            String[] parts = s.split(":");
            boolean risk = parts.length > 1 && parts[1].equals("risk");
            if (parts[0].equals("SP")) {
                boolean held = !(parts.length > 1 && parts[1].equals("lost"));
                designations.add(new DesignationStanding("a" + i++, "Area", held, risk, null, null, null));
                continue;
            }
            LocalDate until = parts.length > 1 && parts[1].equals("expired") ? TODAY.minusDays(1) : TODAY.plusMonths(6);
            list.add(new CompetencyStanding("c" + i++, CompetencyLevel.valueOf(parts[0]), until, risk, List.of()));
        }
        return new Standings(list, designations);
    }

    private static List<Subscription> subscriptions(String spec) {
        // "SILVER" active since a month, "SILVER+renewed", "GOLD:ended", ""
        if (spec.isBlank()) {
            return List.of();
        }
        String[] parts = spec.split(":");
        String[] levels = parts[0].split("\\+");
        MembershipLevel level = MembershipLevel.valueOf(levels[0]);
        Subscription first = parts.length > 1 && parts[1].equals("ended")
                ? Subscription.starting(level, TODAY.minusMonths(13))
                : Subscription.starting(level, TODAY.minusMonths(1));
        return levels.length > 1 ? List.of(first, Subscription.starting(level, first.endsOn())) : List.of(first);
    }

    @ParameterizedTest(name = "buy {0} with competencies [{1}] and subscriptions [{2}] -> {3}")
    @CsvSource({
            "SILVER,         SILVER,        '',           ",
            "SILVER,         GOLD,          '',           ",
            "SILVER,         SILVER:risk,   '',           ",
            "GOLD,           SILVER,        '',           level-not-earned",
            "SILVER,         '',            '',           level-not-earned",
            "SILVER,         NONE,          '',           level-not-earned",
            "SILVER,         SILVER:expired,'',           level-not-earned",
            "GOLD,           SILVER GOLD,   '',           ",
            "SILVER,         SILVER,        SILVER,       already-subscribed",
            "SILVER,         GOLD,          GOLD,         already-subscribed",
            "GOLD,           GOLD,          SILVER,       ",
            "SILVER,         SILVER,        SILVER:ended, ",
            "NETWORK_MEMBER, SILVER,        '',           level-not-purchasable",
            "SOLUTIONS_PARTNER, SP,         '',           ",
            "SOLUTIONS_PARTNER, SP:risk,    '',           ",
            "SOLUTIONS_PARTNER, SP:lost,    '',           level-not-earned",
            "SOLUTIONS_PARTNER, GOLD,       '',           level-not-earned",
            "GOLD,           SP,            '',           level-not-earned",
            "SOLUTIONS_PARTNER, GOLD SP,    GOLD,         ",
            "GOLD,           GOLD SP,       SOLUTIONS_PARTNER, already-subscribed",
            "SOLUTIONS_PARTNER, SP,         SOLUTIONS_PARTNER, already-subscribed" })
    void decidesWhetherABenefitPackMayBeBought(MembershipLevel level, String competencies, String subscriptions,
            String refusal) {
        assertEquals(refusal, MembershipRules.purchase(level, standings(competencies), subscriptions(subscriptions), TODAY)
                .map(MembershipRules.Refusal::slug).orElse(null));
    }

    @ParameterizedTest(name = "renew with competencies [{0}] and subscriptions [{1}] -> {2}")
    @CsvSource({
            "SILVER,        SILVER,         ",
            "GOLD,          SILVER,         ",
            "SILVER:risk,   SILVER,         renewal-requirements-not-met",
            "'',            SILVER,         renewal-requirements-not-met",
            "SILVER,        GOLD,           renewal-requirements-not-met",
            "SILVER:risk GOLD, SILVER,      ",
            "SILVER,        '',             no-subscription",
            "SILVER,        SILVER:ended,   no-subscription",
            "SILVER,        SILVER+renewed, already-renewed",
            "SP,            SOLUTIONS_PARTNER, ",
            "SP:risk,       SOLUTIONS_PARTNER, renewal-requirements-not-met",
            "SP:lost,       SOLUTIONS_PARTNER, renewal-requirements-not-met",
            "GOLD,          SOLUTIONS_PARTNER, renewal-requirements-not-met",
            "SP,            GOLD,           renewal-requirements-not-met" })
    void renewsAtTheSameLevelOnlyWhenTheRequirementsHoldNow(String competencies, String subscriptions, String refusal) {
        assertEquals(refusal, MembershipRules.renewal(standings(competencies), subscriptions(subscriptions), TODAY)
                .map(MembershipRules.Refusal::slug).orElse(null));
    }

    @ParameterizedTest(name = "competencies [{0}], subscriptions [{1}] -> level {2}, renewal at risk {3}")
    @CsvSource({
            "SILVER,      SILVER,       SILVER,         false",
            "SILVER:risk, SILVER,       SILVER,         true",
            "'',          SILVER,       SILVER,         true",
            "SILVER,      SILVER:ended, NETWORK_MEMBER, false",
            "GOLD,        '',           NETWORK_MEMBER, false",
            "SP,          SOLUTIONS_PARTNER, SOLUTIONS_PARTNER, false",
            "SP:risk,     SOLUTIONS_PARTNER, SOLUTIONS_PARTNER, true" })
    void keepsDisplayingTheLevelUntilTheSubscriptionEnds(String competencies, String subscriptions,
            MembershipLevel level, boolean atRisk) {
        assertEquals(level, MembershipRules.displayedLevel(subscriptions(subscriptions), TODAY));
        assertEquals(atRisk, MembershipRules.renewalAtRisk(standings(competencies), subscriptions(subscriptions), TODAY));
    }

    @Test
    void aSubscriptionLastsTwelveMonths() {
        Subscription s = Subscription.starting(MembershipLevel.GOLD, LocalDate.of(2026, 2, 28));
        assertEquals(LocalDate.of(2027, 2, 28), s.endsOn());
        assertEquals(true, s.activeOn(LocalDate.of(2027, 2, 27)));
        assertEquals(false, s.activeOn(LocalDate.of(2027, 2, 28)));
    }

    @ParameterizedTest(name = "{0} with [{1}] shows silver {2} and gold {3}")
    @CsvSource({
            "NETWORK_MEMBER, SILVER GOLD,        '',    '',    ''",
            "SILVER,         SILVER GOLD NONE,   c0|c1, '',    ''",
            "GOLD,           SILVER GOLD NONE,   c0,    c1,    ''",
            "GOLD,           SILVER:expired GOLD, '',   c1,    ''",
            "GOLD,           SILVER GOLD SP,     c0,    c1,    ''",
            "SOLUTIONS_PARTNER, SILVER SP SP:lost, c0, '',    a1" })
    void showsSilverCompetenciesAndForGoldAlsoGoldOnesAndDesignationsOnlyForSolutionsPartner(MembershipLevel level,
            String competencies, String silver, String gold, String designations) {
        MembershipRules.ProfileCompetencies profile = MembershipRules.profile(level, standings(competencies), TODAY);
        assertEquals(silver.isBlank() ? List.of() : List.of(silver.split("\\|")), profile.silver());
        assertEquals(gold.isBlank() ? List.of() : List.of(gold.split("\\|")), profile.gold());
        assertEquals(designations.isBlank() ? List.of() : List.of(designations.split("\\|")), profile.designations());
    }
}
