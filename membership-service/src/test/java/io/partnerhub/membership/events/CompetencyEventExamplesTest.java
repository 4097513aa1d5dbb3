package io.partnerhub.membership.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.membership.domain.CompetencyChange;
import io.partnerhub.membership.domain.CompetencyLevel;
import io.partnerhub.membership.domain.CompetencyStanding;

/**
 * The competency events membership consumes, as competency-service documents them in its asyncapi.yaml: each example
 * parses as a CloudEvent whose type and data this service reads. The producer's shape: {@code validUntil} an instant
 * with milliseconds, {@code level} SILVER or GOLD only (lapsed names the level lost, with the valid-until reached).
 */
class CompetencyEventExamplesTest {

    private static CloudEvent event(ObjectNode example) throws Exception {
        return CloudEvent.parse(new ObjectMapper().writeValueAsBytes(example));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "competencyAttained, ATTAINED", "competencyRenewed, RENEWED", "competencyAtRisk, AT_RISK",
            "competencyRiskCleared, RISK_CLEARED", "competencyLapsed, LAPSED" })
    void readsEachExampleOfTheProducer(String message, CompetencyChange change) throws Exception {
        ObjectNode example = CompetencyEventExamples.example(message);
        CloudEvent event = event(example);
        assertEquals("/competency-service", event.source());
        assertEquals(change, CompetencyChange.ofType(event.type()));
        CompetencyEventData data = event.dataAs(CompetencyEventData.class);
        assertEquals(event.subject(), data.organizationId());
        assertFalse(data.competencyId().isBlank());
        assertNotEquals(CompetencyLevel.NONE, data.levelValue());
        assertEquals(Instant.parse(example.at("/data/validUntil").asText()).atZone(ZoneOffset.UTC).toLocalDate(),
                data.validUntilDate());
        assertEquals(change == CompetencyChange.AT_RISK || change == CompetencyChange.LAPSED, !data.reasons().isEmpty());
    }

    @Test
    void theProducersLapsedExampleDropsTheLevelItNames() throws Exception {
        CompetencyEventData data = event(CompetencyEventExamples.forOrganization("competencyLapsed",
                "5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d", "data-analytics")).dataAs(CompetencyEventData.class);
        assertEquals("5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d", data.organizationId());
        assertEquals("data-analytics", data.competencyId());
        CompetencyStanding before = new CompetencyStanding(data.competencyId(), data.levelValue(), data.validUntilDate(),
                true, data.reasons());
        CompetencyStanding after = CompetencyChange.LAPSED.apply(before, data.competencyId(), data.levelValue(),
                data.validUntilDate(), data.reasons());
        assertEquals(CompetencyLevel.NONE, after.level());
        assertFalse(after.atRisk());
        assertEquals(data.validUntilDate(), after.validUntil());
    }

    @ParameterizedTest(name = "validUntil {0}")
    @CsvSource({ "2027-12-01, 2027-12-01", "2027-12-01T00:00:00Z, 2027-12-01", "2027-12-01T11:20:05.120Z, 2027-12-01",
            "2027-11-30T23:30:00-01:00, 2027-12-01" })
    void readsValidUntilAsADateOrAnInstant(String validUntil, LocalDate expected) {
        assertEquals(expected, new CompetencyEventData("3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d", "c", "GOLD", validUntil, null)
                .validUntilDate());
    }
}
