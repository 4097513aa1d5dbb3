package io.partnerhub.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** M6 alert raising and clearing: what each competency event does to what membership knows. */
class CompetencyChangeTest {

    private static final LocalDate UNTIL = LocalDate.of(2027, 11, 30);

    @ParameterizedTest(name = "{0} after [{1} at risk={2}] with level {3} -> level {4}, at risk {5}")
    @CsvSource({
            "ATTAINED,     ,       false, SILVER, SILVER, false",
            "ATTAINED,     SILVER, true,  GOLD,   GOLD,   false",
            "RENEWED,      SILVER, true,  SILVER, SILVER, false",
            "AT_RISK,      SILVER, false, SILVER, SILVER, true",
            "AT_RISK,      GOLD,   false, NONE,   GOLD,   true",
            "RISK_CLEARED, SILVER, true,  SILVER, SILVER, false",
            "RISK_CLEARED, GOLD,   true,  NONE,   GOLD,   false",
            "LAPSED,       SILVER, true,  SILVER, NONE,   false",
            "LAPSED,       GOLD,   false, NONE,   NONE,   false" })
    void raisesTheAlertOnAtRiskAndClearsItWhenTheRiskClears(CompetencyChange change, CompetencyLevel before,
            boolean beforeAtRisk, CompetencyLevel eventLevel, CompetencyLevel level, boolean atRisk) {
        CompetencyStanding previous = before == null ? null
                : new CompetencyStanding("cloud-platform", before, UNTIL, beforeAtRisk, beforeAtRisk ? List.of("old") : List.of());
        CompetencyStanding after = change.apply(previous, "cloud-platform", eventLevel, null, List.of("employee cand-1 left"));
        assertEquals(level, after.level());
        assertEquals(atRisk, after.atRisk());
        assertEquals(atRisk ? List.of("employee cand-1 left") : List.of(), after.reasons());
        assertEquals(before == null ? null : UNTIL, after.validUntil());
    }

    @Test
    void readsTheEventTypesOfTheCompetencyService() {
        assertEquals(CompetencyChange.AT_RISK, CompetencyChange.ofType("io.partnerhub.competency.at-risk.v1"));
        assertEquals(CompetencyChange.RISK_CLEARED, CompetencyChange.ofType("io.partnerhub.competency.risk-cleared.v1"));
        assertNull(CompetencyChange.ofType("io.partnerhub.competency.status-changed.v1"));
    }
}
