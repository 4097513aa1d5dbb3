package io.partnerhub.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** M7 a designation event applied to what membership knows of the designation. */
class DesignationChangeTest {

    private static final LocalDate UNTIL = LocalDate.of(2027, 5, 31);

    private static DesignationStanding before(String spec) {
        return switch (spec) {
            case "none" -> null;
            case "held" -> new DesignationStanding("business-applications", "Business Applications", true, false, null,
                    BigDecimal.valueOf(74), UNTIL);
            case "risk" -> new DesignationStanding("business-applications", "Business Applications", true, true, null,
                    BigDecimal.valueOf(65), UNTIL);
            case "lost" -> new DesignationStanding("business-applications", "Business Applications", false, false, null,
                    BigDecimal.valueOf(40), null);
            default -> throw new IllegalArgumentException(spec);
        };
    }

    @ParameterizedTest(name = "{1} after {0} -> held {2}, at risk {3}")
    @CsvSource({
            "none, ATTAINED,     true,  false",
            "lost, ATTAINED,     true,  false",
            "risk, ATTAINED,     true,  false",
            "held, AT_RISK,      true,  true",
            "none, AT_RISK,      true,  true",
            "risk, RISK_CLEARED, true,  false",
            "held, RISK_CLEARED, true,  false",
            "lost, RISK_CLEARED, false, false",
            "none, RISK_CLEARED, false, false",
            "risk, LOST,         false, false",
            "held, LOST,         false, false" })
    void holdsTheDesignationFromAttainedUntilLostWithTheRiskInBetween(String before, DesignationChange change,
            boolean held, boolean atRisk) {
        DesignationStanding after = change.apply(before(before), "business-applications", null, null, null, null);
        assertEquals(held, after.held());
        assertEquals(atRisk, after.atRisk());
    }

    @Test
    void keepsWhatWasKnownWhereTheEventIsSilentAndForgetsTheHoldUntilOnALoss() {
        DesignationStanding risk = DesignationChange.AT_RISK.apply(before("held"), "business-applications", null, "SMB",
                BigDecimal.valueOf(68.5), null);
        assertEquals("Business Applications", risk.name());
        assertEquals("SMB", risk.track());
        assertEquals(BigDecimal.valueOf(68.5), risk.score());
        assertEquals(UNTIL, risk.holdsUntil());
        assertNull(DesignationChange.LOST.apply(risk, "business-applications", null, null, null, null).holdsUntil());
    }

    @ParameterizedTest
    @CsvSource({
            "io.partnerhub.designation.attained.v1,     ATTAINED",
            "io.partnerhub.designation.at-risk.v1,      AT_RISK",
            "io.partnerhub.designation.risk-cleared.v1, RISK_CLEARED",
            "io.partnerhub.designation.lost.v1,         LOST",
            "io.partnerhub.specialisation.attained.v1,  ",
            "io.partnerhub.competency.attained.v1,      " })
    void readsTheDesignationTypesOnly(String type, DesignationChange change) {
        assertEquals(change, DesignationChange.ofType(type));
    }
}
