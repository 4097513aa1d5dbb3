package io.partnerhub.competency.rebuild;

import static io.partnerhub.competency.EventsSupport.awaitStatus;
import static io.partnerhub.competency.EventsSupport.certification;
import static io.partnerhub.competency.EventsSupport.defineCompetency;
import static io.partnerhub.competency.EventsSupport.earned;
import static io.partnerhub.competency.EventsSupport.ended;
import static io.partnerhub.competency.EventsSupport.membership;
import static io.partnerhub.competency.EventsSupport.organizationWithMembers;
import static io.partnerhub.competency.EventsSupport.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * #26 A rebuild of the projections from snapshot events published on the real broker (as the producers publish them,
 * from their asyncapi examples) with live events interleaved: a holding ended live before its (stale) snapshot event
 * stays ended, a holding earned live during the rebuild counts, a snapshot event delivered twice changes nothing;
 * an organisation no live event touched meanwhile has identical statuses before and after, row by row. Ops only.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ProjectionRebuildTest {

    @Inject
    DataSource dataSource;
    @Inject
    RebuildGate gate;

    @AfterEach
    void neverLeaveTheGateClosed() throws Exception {
        // a failed run must not freeze the statuses of the test classes after this one
        sql("UPDATE projection_rebuild SET state = 'DONE', finished_at = now() WHERE state <> 'DONE'");
        gate.set(false);
    }

    @Test
    void rebuildWithLiveEventsInterleavedLosesAndDoublesNothing() throws Exception {
        String cert = unique("cert-");
        String competency = defineCompetency(cert);
        Instant expires = Instant.now().plus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        // organisation B: its history (a holding ended, another earned) all before the rebuild
        String orgB = UUID.randomUUID().toString();
        String d1 = unique("cand-");
        String d2 = unique("cand-");
        String d3 = unique("cand-");
        organizationWithMembers(orgB, d1, d2, d3);
        ObjectNode f1 = earned(d1, cert, expires);
        ObjectNode f2 = earned(d2, cert, expires);
        ObjectNode f3 = earned(d3, cert, expires);
        certification(f1);
        certification(f2);
        certification(ended("certificationExpired", d1, cert, holding(f1)));
        certification(f3);
        // organisation A: two holders before; during the rebuild one ends and a third earns (live)
        String orgA = UUID.randomUUID().toString();
        String c1 = unique("cand-");
        String c2 = unique("cand-");
        String c3 = unique("cand-");
        organizationWithMembers(orgA, c1, c2, c3);
        ObjectNode e1 = earned(c1, cert, expires);
        ObjectNode e2 = earned(c2, cert, expires);
        certification(e1);
        certification(e2);
        awaitStatus(orgA, competency, "SILVER", false);
        awaitStatus(orgB, competency, status -> status.body("requirements[0].counted", containsInAnyOrder(d2, d3)));
        List<String> beforeB = statuses(orgB);

        given().auth().oauth2(TestTokens.partnerAdmin(orgA)).post("/admin/projections/rebuild").then().statusCode(403);
        String id = given().auth().oauth2(TestTokens.ops()).post("/admin/projections/rebuild").then().statusCode(202)
                .extract().path("id");
        given().auth().oauth2(TestTokens.ops()).post("/admin/projections/rebuild").then().statusCode(409);

        certification(ended("certificationExpired", c1, cert, holding(e1))); // live, before the snapshot's (stale) ACTIVE
        SnapshotSupport snapshot = new SnapshotSupport(id);
        Instant since = Instant.now().minus(1, ChronoUnit.HOURS);
        for (String org : List.of(orgA, orgB)) {
            membership(snapshot.organization(org));
        }
        for (String candidate : List.of(c1, c2, c3)) {
            membership(snapshot.association(candidate, orgA, since));
        }
        for (String candidate : List.of(d1, d2, d3)) {
            membership(snapshot.association(candidate, orgB, since));
        }
        certification(snapshot.catalogueItem(cert, "Certification " + cert, "ASSOCIATE"));
        certification(snapshot.holding(c1, cert, holding(e1), "ACTIVE", expires));
        ObjectNode h2 = snapshot.holding(c2, cert, holding(e2), "ACTIVE", expires);
        certification(h2);
        certification(h2); // delivered again: the same event id
        certification(snapshot.holding(d1, cert, holding(f1), "EXPIRED", expires));
        certification(snapshot.holding(d2, cert, holding(f2), "ACTIVE", expires));
        certification(snapshot.holding(d3, cert, holding(f3), "ACTIVE", expires));
        certification(earned(c3, cert, expires)); // live, during the rebuild
        membership(snapshot.membershipCompleted());
        certification(snapshot.certificationCompleted());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals("DONE", given().auth().oauth2(TestTokens.ops())
                .get("/admin/projections/rebuild/{id}", id).then().statusCode(200).extract().path("state")));
        var progress = given().auth().oauth2(TestTokens.ops()).get("/admin/projections/rebuild/{id}", id).then().extract();
        assertEquals(16, progress.<Integer>path("events"), "8 + 6 snapshot events and the 2 completions");
        assertEquals(1, progress.<Integer>path("duplicates"));
        assertFalse(gate.deferring());

        assertEquals(beforeB, statuses(orgB), "statuses identical before and after, row by row");
        assertEquals(List.of(holding(e1) + " false"), rows("SELECT id || ' ' || active FROM credential WHERE candidate_id = '" + c1 + "'"));
        assertEquals(List.of("2"), rows("SELECT sum(holders)::text FROM skill_holders WHERE organization_id = '" + orgA + "'"));
        awaitStatus(orgA, competency, status -> status.body("level", equalTo("SILVER"))
                .body("requirements[0].counted", containsInAnyOrder(c2, c3)));

        given().auth().oauth2(TestTokens.ops()).get("/admin/projections/rebuild/{id}", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TestTokens.ops()).get("/admin/projections/rebuild/{id}", "not-a-rebuild").then().statusCode(400);
        given().auth().oauth2(TestTokens.employee(c2, orgA)).get("/admin/projections/rebuild/{id}", id).then().statusCode(403);
    }

    static String holding(ObjectNode event) {
        return event.get("data").get("holdingId").asText();
    }

    List<String> statuses(String organizationId) throws Exception {
        return rows("SELECT concat_ws(' | ', competency_id, level, path, at_risk, reasons::text, attained_at, valid_until,"
                + " requirement_version, requirements::text, next_check_at) FROM competency_status WHERE organization_id = '"
                + organizationId + "' ORDER BY competency_id");
    }

    List<String> rows(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }

    void sql(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
