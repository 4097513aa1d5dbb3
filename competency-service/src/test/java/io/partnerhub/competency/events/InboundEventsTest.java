package io.partnerhub.competency.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.FailureClassifier;
import io.partnerhub.competency.events.InboundEvents.CertificationEarned;
import io.partnerhub.competency.events.InboundEvents.EmployeeJoined;
import io.partnerhub.competency.events.InboundEvents.PerformanceReported;

/** The inbound contracts validate themselves: data lacking an id does not read, and that failure is deterministic. */
class InboundEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static CloudEvent event(String type, ObjectNode data) {
        return CloudEvent.of("/test", type, "subject", Instant.parse("2026-01-01T00:00:00Z"), data);
    }

    @ParameterizedTest(name = "{0} blank")
    @CsvSource({ "organizationId", "candidateId" })
    void anEmployeeJoinedWithoutAnIdIsADeterministicFailure(String field) {
        ObjectNode data = JSON.createObjectNode().put("organizationId", "org-1").put("candidateId", "cand-1").put(field, " ");
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> event(EmployeeJoined.TYPE, data).dataAs(EmployeeJoined.class));
        assertEquals(FailureClassifier.Kind.DETERMINISTIC, FailureClassifier.classify(failure));
    }

    @Test
    void aHoldingIdOver200CharactersIsADeterministicFailure() {
        ObjectNode data = JSON.createObjectNode().put("candidateId", "cand-1").put("certificationId", "az-104")
                .put("holdingId", "h".repeat(201));
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> event(CertificationEarned.TYPE, data).dataAs(CertificationEarned.class));
        assertEquals(FailureClassifier.Kind.DETERMINISTIC, FailureClassifier.classify(failure));
    }

    @Test
    void aFigureWithAnUnknownMetricReadsAndIsLeftToTheServiceToIgnore() {
        PerformanceReported figure = event(PerformanceReported.TYPE, JSON.createObjectNode().put("organizationId", "org-1")
                .put("metric", "PROFIT")).dataAs(PerformanceReported.class);
        assertEquals("PROFIT", figure.metric());
        assertEquals(false, figure.complete());
    }
}
