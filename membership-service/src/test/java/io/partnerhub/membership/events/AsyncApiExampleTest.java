package io.partnerhub.membership.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.partnerhub.chassis.events.CloudEvent;

/** The documented example is a valid CloudEvent whose data reads as the event this service publishes. */
class AsyncApiExampleTest {

    @Test
    void documentsOrganizationRegisteredWithAReadableExample() throws Exception {
        JsonNode asyncApi = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(Path.of("src", "main", "resources", "asyncapi.yaml")));
        JsonNode message = asyncApi.at("/components/messages/organizationRegistered");
        assertEquals(OrganizationRegistered.TYPE, message.get("name").asText());

        JsonNode example = message.at("/examples/0/payload");
        CloudEvent event = CloudEvent.parse(new ObjectMapper().writeValueAsBytes(example));
        assertEquals(OrganizationRegistered.TYPE, event.type());
        assertEquals("/membership-service", event.source());
        OrganizationRegistered data = event.dataAs(OrganizationRegistered.class);
        assertEquals(event.subject(), data.organizationId());
        assertTrue(data.mpnId().matches("[0-9]+"));
        assertFalse(data.name().isBlank());
    }

    private static JsonNode example(String message) throws Exception {
        JsonNode asyncApi = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(Path.of("src", "main", "resources", "asyncapi.yaml")));
        return asyncApi.at("/components/messages/" + message);
    }

    private static CloudEvent event(JsonNode message) throws Exception {
        CloudEvent event = CloudEvent.parse(new ObjectMapper().writeValueAsBytes(message.at("/examples/0/payload")));
        assertEquals(message.get("name").asText(), event.type());
        assertEquals("/membership-service", event.source());
        return event;
    }

    @Test
    void documentsEmployeeJoinedAndLeftKeyedByTheCandidate() throws Exception {
        CloudEvent joined = event(example("employeeJoined"));
        assertEquals(EmployeeJoined.TYPE, joined.type());
        EmployeeJoined joinedData = joined.dataAs(EmployeeJoined.class);
        assertEquals(joined.subject(), joinedData.candidateId());
        assertEquals(joined.subject(), joinedData.subject());

        CloudEvent left = event(example("employeeLeft"));
        assertEquals(EmployeeLeft.TYPE, left.type());
        EmployeeLeft leftData = left.dataAs(EmployeeLeft.class);
        assertEquals(left.subject(), leftData.candidateId());
        assertEquals(EmployeeLeft.ASSOCIATED_ELSEWHERE, leftData.reason());
        assertNotNull(leftData.organizationId());
        assertNotNull(leftData.userId());
    }

    @Test
    void documentsPerformanceReportedKeyedByTheOrganisation() throws Exception {
        CloudEvent reported = event(example("performanceReported"));
        assertEquals(PerformanceReported.TYPE, reported.type());
        PerformanceReported data = reported.dataAs(PerformanceReported.class);
        assertEquals(reported.subject(), data.organizationId());
        assertEquals("REVENUE", data.metric());
        assertTrue(data.value().signum() >= 0);
        assertFalse(data.periodEnd().isBefore(data.periodStart()));
    }
}
