package io.partnerhub.membership.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.membership.organization.OrganizationResourceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Registering an organisation publishes organization.registered.v1 on membership-events, keyed by its id. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class OrganizationRegisteredEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void publishesOrganizationRegisteredKeyedByTheOrganization() throws Exception {
        String mpnId = OrganizationResourceTest.uniqueMpnId();
        String id = OrganizationResourceTest.register(mpnId, "Tailspin Toys", "NL");

        ConsumerRecord<String, String> record = awaitRecord(id, Duration.ofSeconds(30));
        assertNotNull(record, "a record keyed " + id + " on membership-events");
        JsonNode event = JSON.readTree(record.value());
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("io.partnerhub.organization.registered.v1", event.get("type").asText());
        assertEquals("/membership-service", event.get("source").asText());
        assertEquals(id, event.get("subject").asText());
        assertNotNull(UUID.fromString(event.get("id").asText()));
        assertNotNull(Instant.parse(event.get("time").asText()));
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertEquals(id, event.at("/data/organizationId").asText());
        assertEquals(mpnId, event.at("/data/mpnId").asText());
        assertEquals("Tailspin Toys", event.at("/data/name").asText());
    }

    @Test
    void publishesNothingWhenTheRegistrationIsRefused() throws Exception {
        String mpnId = OrganizationResourceTest.uniqueMpnId();
        String id = OrganizationResourceTest.register(mpnId, "Wide World Importers", "SE");
        io.restassured.RestAssured.given().auth().oauth2(io.partnerhub.devstack.test.TestTokens.ops())
                .contentType(io.restassured.http.ContentType.JSON)
                .body("{\"mpnId\":\"" + mpnId + "\",\"name\":\"Copycat\",\"country\":\"SE\"}")
                .when().post("/organizations").then().statusCode(409);

        assertNotNull(awaitRecord(id, Duration.ofSeconds(30)));
        List<ConsumerRecord<String, String>> all = readAll(Duration.ofSeconds(3));
        assertFalse(all.stream().anyMatch(r -> r.value().contains("\"Copycat\"")), "no event for the refused registration");
    }

    private static ConsumerRecord<String, String> awaitRecord(String key, Duration timeout) {
        return MembershipEvents.keyed(key, found -> !found.isEmpty(), timeout).stream().findFirst().orElse(null);
    }

    private static List<ConsumerRecord<String, String>> readAll(Duration quiet) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = MembershipEvents.consumer()) {
            consumer.subscribe(List.of("membership-events"));
            long deadline = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
