package io.partnerhub.competency.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnerhub.competency.domain.Change;
import io.partnerhub.competency.live.StatusWatch.CompetencyChange;

/** The name a live {@code status} event gives each competency event: its type without prefix and version. */
class CompetencyChangeTest {

    @ParameterizedTest
    @CsvSource({
        "ATTAINED,     attained",
        "RENEWED,      renewed",
        "AT_RISK,      at-risk",
        "RISK_CLEARED, risk-cleared",
        "LAPSED,       lapsed",
    })
    void namesEachCompetencyEventAsItsTypeSays(Change change, String name) {
        assertEquals(name, CompetencyChange.name(change.eventType()));
    }
}
