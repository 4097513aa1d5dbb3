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
}
