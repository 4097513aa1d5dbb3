package io.partnerhub.membership.snapshot;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * #26 POST /admin/snapshots: one association event per candidate, as it stands (a candidate who moved: the new
 * organisation; one who left: no organisation, since they left), organisations and figures, then the completion event
 * with the total, all in outbox order; ops only.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class SnapshotAssociationsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void publishesEachCandidatesAssociationAsItStands() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String mover = "cand-" + UUID.randomUUID().toString().substring(0, 8);
        String leaver = "cand-" + UUID.randomUUID().toString().substring(0, 8);
        for (String org : List.of(a, b)) {
            sql("INSERT INTO organization (id, mpn_id, name, country, created_at) VALUES ('" + org + "', '"
                    + (System.nanoTime() % 1_000_000_000L) + "', 'Snapshot " + org.substring(0, 4) + "', 'DE', now())");
        }
        String u1 = user(a);
        String u2 = user(b);
        String u3 = user(a);
        sql("INSERT INTO association (id, candidate_id, organization_id, user_id, associated_at, ended_at, end_reason, version) VALUES"
                + " (gen_random_uuid(), '" + mover + "', '" + a + "', '" + u1 + "', now() - interval '9 days', now() - interval '2 days', 'ASSOCIATED_ELSEWHERE', 1),"
                + " (gen_random_uuid(), '" + mover + "', '" + b + "', '" + u2 + "', now() - interval '2 days', NULL, NULL, 0),"
                + " (gen_random_uuid(), '" + leaver + "', '" + a + "', '" + u3 + "', now() - interval '9 days', now() - interval '1 day', 'DEPARTED', 1)");
        sql("INSERT INTO performance_report (id, organization_id, metric, value, period_start, period_end, reported_at, source, reported_by)"
                + " VALUES (gen_random_uuid(), '" + b + "', 'REVENUE', 1200, DATE '2026-10-01', DATE '2026-10-31', now(), 'demo-crm', 'test')");

        given().auth().oauth2(TestTokens.employee("c-1", a)).contentType(ContentType.JSON).body("{}").post("/admin/snapshots")
                .then().statusCode(403);
        String reference = "assoc-" + UUID.randomUUID();
        String id = given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"reference\":\"" + reference + "\"}")
                .post("/admin/snapshots").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(given().auth().oauth2(TestTokens.ops())
                .get("/admin/snapshots/{id}", id).then().statusCode(200).extract().path("state")));

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
        List<JsonNode> moverEvents = events.stream().filter(e -> e.get("subject").asText().equals(mover)).toList();
        assertEquals(1, moverEvents.size());
        assertEquals(b, moverEvents.get(0).at("/data/organizationId").asText());
        assertEquals(u2, moverEvents.get(0).at("/data/userId").asText());
        List<JsonNode> leaverEvents = events.stream().filter(e -> e.get("subject").asText().equals(leaver)).toList();
        assertEquals(1, leaverEvents.size());
        assertTrue(leaverEvents.get(0).at("/data/organizationId").isNull(), "left: no organisation");
        assertEquals(2, events.stream().filter(e -> e.get("subject").asText().equals(b)).count(), "organisation and figure");
        JsonNode completion = events.get(events.size() - 1);
        assertEquals("io.partnerhub.membership.snapshot-completed.v1", completion.get("type").asText());
        assertEquals(events.size() - 1, completion.at("/data/total").asLong());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).at("/data/sequence").asLong() > events.get(i - 1).at("/data/sequence").asLong());
        }
    }

    String user(String organization) throws Exception {
        String id = UUID.randomUUID().toString();
        sql("INSERT INTO user_account (id, organization_id, name, email, role, status, created_at) VALUES ('" + id + "', '"
                + organization + "', 'Snap', 'snap-" + id + "@example.com', 'EMPLOYEE', 'ACTIVE', now())");
        return id;
    }

    void sql(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
