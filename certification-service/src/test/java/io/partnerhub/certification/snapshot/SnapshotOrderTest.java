package io.partnerhub.certification.snapshot;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * #26 POST /admin/snapshots: the catalogue, every holding (active or ended) and the completion event go through the
 * outbox in order: per subject (the record key) the sequences only grow, the completion event comes last with the
 * total; ops only.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class SnapshotOrderTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void publishesEverySubjectInOrderThenTheCompletionWithTheTotal() throws Exception {
        String cert = "snap-" + UUID.randomUUID().toString().substring(0, 8);
        for (String id : List.of(cert, cert + "-b")) {
            sql("INSERT INTO certification (id, name, level, required_exams, created_at) VALUES ('" + id
                    + "', 'Snapshot test', 'ASSOCIATE', '[[\"AZ-104\"]]', now())");
        }
        String candidate = "cand-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            boolean ended = i == 0;
            sql("INSERT INTO certification_holding (id, candidate_id, certification_id, level, exam_codes, status, earned_at,"
                    + " expires_at, ended_at, end_reason, version, badge_salt) VALUES (gen_random_uuid(), '" + candidate + "', '" + cert
                    + (i == 2 ? "-b" : "") + "', 'ASSOCIATE', '[\"AZ-104\"]', '" + (ended ? "EXPIRED" : "ACTIVE") + "', now() - interval '400 days',"
                    + " now() + interval '" + (ended ? -35 : 300 + i) + " days', " + (ended ? "now() - interval '35 days', 'EXPIRED'" : "NULL, NULL")
                    + ", " + i + ", md5(random()::text))");
        }
        String reference = "order-test-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.partnerAdmin("o-1")).contentType(ContentType.JSON).body("{\"reference\":\"x\"}")
                .post("/admin/snapshots").then().statusCode(403);
        for (String bad : new String[] { "{\"reference\":\"" + "x".repeat(101) + "\"}", "{\"reference\":\"../x\"}",
                "{\"reference\":\"a\\u0000b\"}" }) {
            given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(bad).post("/admin/snapshots").then()
                    .statusCode(400);
        }
        String id = given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"reference\":\"" + reference + "\"}")
                .post("/admin/snapshots").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(given().auth().oauth2(TestTokens.ops())
                .get("/admin/snapshots/{id}", id).then().statusCode(200).extract().path("state")));
        given().auth().oauth2(TestTokens.ops()).get("/admin/snapshots/{id}", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TestTokens.ops()).get("/admin/snapshots/{id}", "..%2F").then().statusCode(400);

        List<JsonNode> events = new ArrayList<>();
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(
                "SELECT payload FROM outbox_event WHERE payload::jsonb -> 'data' ->> 'reference' = ? ORDER BY seq")) {
            select.setString(1, reference);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(JSON.readTree(rows.getString(1)));
                }
            }
        }
        JsonNode completion = events.get(events.size() - 1);
        assertEquals("io.partnerhub.certification.snapshot-completed.v1", completion.get("type").asText());
        assertTrue(completion.at("/data/last").asBoolean());
        assertEquals(events.size() - 1, completion.at("/data/total").asLong());
        Map<String, Long> lastSequence = new HashMap<>();
        long previous = 0;
        for (JsonNode event : events) {
            long sequence = event.at("/data/sequence").asLong();
            assertTrue(sequence > previous, "sequences grow in outbox order");
            previous = sequence;
            Long before = lastSequence.put(event.get("subject").asText(), sequence);
            assertTrue(before == null || before < sequence, "per subject in order");
        }
        List<String> mine = events.stream().filter(e -> e.get("subject").asText().equals(candidate))
                .map(e -> e.at("/data/status").asText() + " v" + e.at("/data/version").asLong()).sorted().toList();
        assertEquals(List.of("ACTIVE v1", "ACTIVE v2", "EXPIRED v0"), mine);
        assertEquals(1, events.stream().filter(e -> e.get("subject").asText().equals(cert)
                && e.get("type").asText().equals("io.partnerhub.certification.catalogue-item-snapshot.v1")).count());
    }

    void sql(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
