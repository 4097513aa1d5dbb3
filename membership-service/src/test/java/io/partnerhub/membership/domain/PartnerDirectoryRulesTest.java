package io.partnerhub.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnerhub.membership.domain.PartnerDirectory.PublicCompetency;

class PartnerDirectoryRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @ParameterizedTest(name = "{0} valid until {1}, at risk {2}: shown {3}")
    @CsvSource({
            "GOLD,   2027-06-01, false, true",
            "SILVER, 2027-06-01, true,  true",
            "SILVER, 2026-12-07, false, true",
            "SILVER, 2026-12-06, false, false",
            "NONE,   2027-06-01, false, false",
            "GOLD,   ,           false, true",
    })
    void aCompetencyIsShownWhileAttainedAndNotPastValidUntil(CompetencyLevel level, LocalDate validUntil, boolean atRisk,
            boolean shown) {
        List<PublicCompetency> shownList = PartnerDirectory.competencies(
                List.of(new CompetencyStanding("cloud-platform", level, validUntil, atRisk, List.of("secret reason"))), TODAY);
        assertEquals(shown ? List.of(new PublicCompetency("cloud-platform", level)) : List.of(), shownList);
    }

    @ParameterizedTest(name = "held {0}, at risk {1}: shown {2}")
    @CsvSource({ "true, false, true", "true, true, true", "false, false, false" })
    void aDesignationIsShownWhileHeld(boolean held, boolean atRisk, boolean shown) {
        assertEquals(shown ? 1 : 0, PartnerDirectory.designations(List.of(new DesignationStanding("infrastructure",
                "Infrastructure", held, atRisk, null, BigDecimal.TEN, TODAY))).size());
    }
}
