package io.partnerhub.competency.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnerhub.competency.domain.OrganizationFacts.Credential;
import io.partnerhub.competency.domain.OrganizationFacts.Member;

/** K7: every dated loss of a level in the horizon, and who must renew to keep it through the whole of it. */
class ForecastTest {

    static final Instant NOW = EvaluationTest.NOW;
    static final Instant YEAR = NOW.plus(Duration.ofDays(365));

    static Member member(String candidate, String credential, Instant expiresAt) {
        return new Member(candidate, List.of(new Credential(credential, expiresAt)));
    }

    @Test
    void namesEachExpiryThatCostsSilverAndWhoMustRenew() {
        OrganizationFacts facts = new OrganizationFacts(List.of(member("c1", "az-104", NOW.plus(Duration.ofDays(200))),
                member("c2", "az-305", NOW.plus(Duration.ofDays(40)))), List.of());
        List<Forecast.Entry> entries = Forecast.of(EvaluationTest.VERSION, facts, NOW, YEAR);
        assertEquals(2, entries.size(), entries.toString()); // c2's expiry, then (c2 renewed) c1's
        Forecast.Entry entry = entries.get(0);
        assertEquals(Level.SILVER, entry.level());
        assertEquals(LocalDate.parse("2027-04-10"), entry.on());
        assertEquals(List.of("c2"), entry.candidates());
        assertEquals("c2 renews before 2027-04-10, or 1 more person certifies", entry.keepsLevelIf());
        assertEquals(LocalDate.parse("2027-09-17"), entries.get(1).on());
        assertEquals(List.of("c1"), entries.get(1).candidates());
        assertEquals(List.of("c1", "c2"), entry.mustRenew());
    }

    @Test
    void nothingWhenAThirdPersonCoversTheExpiryOrNoLevelIsHeld() {
        OrganizationFacts covered = new OrganizationFacts(List.of(member("c1", "az-104", null),
                member("c2", "az-305", NOW.plus(Duration.ofDays(40))), member("c3", "az-305", null)), List.of());
        assertTrue(Forecast.of(EvaluationTest.VERSION, covered, NOW, YEAR).isEmpty());
        OrganizationFacts none = new OrganizationFacts(List.of(member("c1", "az-104", NOW.plus(Duration.ofDays(5)))), List.of());
        assertTrue(Forecast.of(EvaluationTest.VERSION, none, NOW, YEAR).isEmpty());
    }

    @Test
    void expiriesBeyondTheHorizonAreNotForecast() {
        OrganizationFacts facts = new OrganizationFacts(List.of(member("c1", "az-104", null),
                member("c2", "az-305", NOW.plus(Duration.ofDays(400)))), List.of());
        assertTrue(Forecast.of(EvaluationTest.VERSION, facts, NOW, YEAR).isEmpty());
    }

    @Test
    void twoCountedPeopleExpiringADayApartAreTwoLossesAndBothMustRenew() {
        OrganizationFacts facts = new OrganizationFacts(List.of(member("c1", "az-104", NOW.plus(Duration.ofDays(40))),
                member("c2", "az-305", NOW.plus(Duration.ofDays(41)))), List.of());
        List<Forecast.Entry> entries = Forecast.of(EvaluationTest.VERSION, facts, NOW, YEAR);
        assertEquals(List.of(LocalDate.parse("2027-04-10"), LocalDate.parse("2027-04-11")),
                entries.stream().map(Forecast.Entry::on).toList());
        assertEquals(List.of(List.of("c1"), List.of("c2")), entries.stream().map(Forecast.Entry::candidates).toList());
        entries.forEach(e -> assertEquals(List.of("c1", "c2"), e.mustRenew(), e.toString()));
    }

    @Test
    void whenAnyOneOfThreeMayRenewOnlyTheFewestNeededAreAssumedToRenew() {
        // silver needs 2: c1 lapsing costs nothing, c2 a day later costs it (either renews), c3 later costs it again
        OrganizationFacts facts = new OrganizationFacts(List.of(member("c1", "az-104", NOW.plus(Duration.ofDays(40))),
                member("c2", "az-305", NOW.plus(Duration.ofDays(41))), member("c3", "az-305", NOW.plus(Duration.ofDays(90)))),
                List.of());
        List<Forecast.Entry> entries = Forecast.of(EvaluationTest.VERSION, facts, NOW, YEAR);
        assertEquals(List.of(LocalDate.parse("2027-04-11"), LocalDate.parse("2027-05-30")),
                entries.stream().map(Forecast.Entry::on).toList());
        assertEquals(List.of("c1", "c2"), entries.get(0).candidates());
        assertEquals("c1 or c2 renew before 2027-04-11, or 1 more person certifies", entries.get(0).keepsLevelIf());
        assertEquals(List.of("c1", "c3"), entries.get(1).candidates()); // c2 is assumed to have renewed
        entries.forEach(e -> assertEquals(List.of("c2", "c3"), e.mustRenew(), e.toString()));
    }

    @Test
    void aRoadmapVersionTakingEffectInsideTheHorizonThatIsNotMetIsALoss() {
        RequirementVersion stricter = new RequirementVersion("2027-06", LocalDate.parse("2027-06-01"),
                List.of(List.of(EvaluationTest.skill(3, "az-104", "az-305"))), EvaluationTest.VERSION.gold());
        OrganizationFacts facts = new OrganizationFacts(List.of(member("c1", "az-104", null), member("c2", "az-305", null)),
                List.of());
        List<Forecast.Entry> entries = Forecast.of(List.of(EvaluationTest.VERSION, stricter), facts, NOW, YEAR);
        assertEquals(1, entries.size(), entries.toString());
        Forecast.Entry entry = entries.get(0);
        assertEquals(Level.SILVER, entry.level());
        assertEquals(LocalDate.parse("2027-06-01"), entry.on());
        assertEquals("requirement version 2027-06 takes effect", entry.cause());
        assertEquals("2027-06", entry.requirementVersion());
        assertEquals(List.of(), entry.candidates());
        assertTrue(entry.keepsLevelIf().contains("2 of 3 individuals holding one of az-104, az-305"), entry.keepsLevelIf());
        // a roadmap version beyond the horizon is not forecast
        assertTrue(Forecast.of(List.of(EvaluationTest.VERSION, stricter), facts, NOW, NOW.plus(Duration.ofDays(30))).isEmpty());
    }
}
