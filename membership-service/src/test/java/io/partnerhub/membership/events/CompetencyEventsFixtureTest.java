package io.partnerhub.membership.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.membership.domain.CompetencyChange;
import io.partnerhub.membership.domain.CompetencyLevel;

/**
 * The competency events membership consumes, as written in the fixture competency-events.json (DESIGN §3, until
 * competency-service publishes its asyncapi.yaml): each parses as a CloudEvent whose type and data this service reads.
 */
class CompetencyEventsFixtureTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "attained, ATTAINED, SILVER", "renewed, RENEWED, SILVER", "atRisk, AT_RISK, SILVER",
            "riskCleared, RISK_CLEARED, SILVER", "lapsed, LAPSED, NONE" })
    void readsEachCompetencyEventOfTheFixture(String example, CompetencyChange change, CompetencyLevel level)
            throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/competency-events.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        CloudEvent event = CloudEvent.parse(new ObjectMapper().writeValueAsBytes(fixture.get(example)));
        assertEquals(change, CompetencyChange.ofType(event.type()));
        CompetencyEventData data = event.dataAs(CompetencyEventData.class).requireComplete();
        assertEquals(event.subject(), data.organizationId());
        assertEquals("cloud-platform", data.competencyId());
        assertEquals(level, data.levelValue());
        if (change == CompetencyChange.LAPSED) {
            assertNull(data.validUntilDate());
        } else {
            assertNotNull(data.validUntilDate());
        }
        assertEquals(change == CompetencyChange.AT_RISK, !data.reasons().isEmpty() && change != CompetencyChange.LAPSED);
    }

    @ParameterizedTest(name = "validUntil {0}")
    @CsvSource({ "2027-12-01, 2027-12-01", "2027-12-01T00:00:00Z, 2027-12-01", "2027-11-30T23:30:00-01:00, 2027-12-01" })
    void readsValidUntilAsADateOrAnInstant(String validUntil, LocalDate expected) {
        assertEquals(expected, new CompetencyEventData("3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d", "c", "GOLD", validUntil, null)
                .validUntilDate());
    }
}
