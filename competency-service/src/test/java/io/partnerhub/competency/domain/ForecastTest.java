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

/** K7: the dated expiry that would cost a level, and who must renew. */
class ForecastTest {

    static final Instant NOW = EvaluationTest.NOW;
    static final Instant YEAR = NOW.plus(Duration.ofDays(365));

    static Member member(String candidate, String credential, Instant expiresAt) {
        return new Member(candidate, List.of(new Credential(credential, expiresAt)));
    }

    @Test
    void namesTheFirstExpiryThatCostsSilverAndWhoMustRenew() {
        OrganizationFacts facts = new OrganizationFacts(List.of(member("c1", "az-104", NOW.plus(Duration.ofDays(200))),
                member("c2", "az-305", NOW.plus(Duration.ofDays(40)))), List.of());
        List<Forecast.Entry> entries = Forecast.of(EvaluationTest.VERSION, facts, NOW, YEAR);
        assertEquals(1, entries.size());
        Forecast.Entry entry = entries.get(0);
        assertEquals(Level.SILVER, entry.level());
        assertEquals(LocalDate.parse("2027-04-10"), entry.on());
        assertEquals(List.of("c2"), entry.candidates());
        assertEquals("c2 renews before 2027-04-10, or 1 more person certifies", entry.keepsLevelIf());
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
}
