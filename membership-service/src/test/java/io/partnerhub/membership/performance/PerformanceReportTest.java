package io.partnerhub.membership.performance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.partnerhub.membership.events.MembershipEvents;
import io.partnerhub.membership.user.UserAccountsTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class PerformanceReportTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static io.restassured.response.Response report(String token, String org, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/organizations/" + org + "/performance-reports");
    }

    @Test
    void aCorrectionReplacesTheFigureAndIsPublishedAgain() throws Exception {
        String org = UserAccountsTest.organization();
        String figure = "{\"metric\":\"REVENUE\",\"value\":%s,\"periodStart\":\"2026-10-01\",\"periodEnd\":\"2026-12-31\"}";
        String id = report(TestTokens.reporter(), org, figure.formatted("1000.5")).then().statusCode(201)
                .body("corrected", equalTo(false)).extract().path("id");
        report(TestTokens.ops(), org, figure.formatted("1200")).then().statusCode(200)
                .body("id", equalTo(id)).body("corrected", equalTo(true)).body("value", equalTo(1200));
        report(TestTokens.ops(), org, figure.formatted("1200")).then().statusCode(200); // a repeat: nothing new

        List<ConsumerRecord<String, String>> records = MembershipEvents.keyed(org, r -> r.size() >= 4, Duration.ofSeconds(20));
        List<JsonNode> reported = records.stream().map(r -> read(r.value()))
                .filter(e -> e.get("type").asText().equals("io.partnerhub.performance.reported.v1")).toList();
        assertEquals(2, reported.size(), "the report and its correction; the repeat publishes nothing");
        assertEquals(1000.5, reported.get(0).at("/data/value").asDouble());
        assertEquals(1200, reported.get(1).at("/data/value").asDouble());
        assertEquals("REVENUE", reported.get(1).at("/data/metric").asText());
        assertEquals("2026-10-01", reported.get(1).at("/data/periodStart").asText());
        assertEquals("2026-12-31", reported.get(1).at("/data/periodEnd").asText());
        assertEquals(TestTokens.DEFAULT_SOURCE, reported.get(0).at("/data/source").asText(), "issue 22: the reporter's source");
        assertEquals("ops", reported.get(1).at("/data/source").asText());
        assertEquals(org, reported.get(1).get("subject").asText());
    }

    @Test
    void refusesBadFiguresWithProblems() {
        String org = UserAccountsTest.organization();
        for (String body : new String[] {
                "{\"metric\":\"PROFIT\",\"value\":1,\"periodStart\":\"2026-10-01\",\"periodEnd\":\"2026-12-31\"}",
                "{\"metric\":\"REVENUE\",\"value\":-1,\"periodStart\":\"2026-10-01\",\"periodEnd\":\"2026-12-31\"}",
                "{\"metric\":\"REVENUE\",\"value\":1,\"periodStart\":\"2026-10-01\",\"periodEnd\":\"2026-09-30\"}",
                "{\"metric\":\"REVENUE\",\"value\":1,\"periodStart\":\"300000-01-01\",\"periodEnd\":\"2026-09-30\"}",
                "{\"metric\":\"REVENUE\",\"value\":1,\"periodStart\":\"+300000-01-01\",\"periodEnd\":\"+300000-09-30\"}",
                "{\"metric\":\"REVENUE\",\"value\":1,\"periodStart\":\"1000-01-01\",\"periodEnd\":\"2026-09-30\"}",
                "{\"metric\":\"REVENUE\",\"value\":1e400,\"periodStart\":\"2026-10-01\",\"periodEnd\":\"2026-12-31\"}",
                "{\"metric\":\"REVENUE\",\"value\":\"lots\",\"periodStart\":\"2026-10-01\",\"periodEnd\":\"2026-12-31\"}",
                "{\"metric\":\"REVENUE\",\"periodStart\":\"2026-10-01\",\"periodEnd\":\"2026-12-31\"}",
                "{\"metric\":\"REVENUE\",\"value\":1,\"periodStart\":\"2020-01-01\",\"periodEnd\":\"2026-12-31\"}",
                "{\"metric\":" }) {
            report(TestTokens.reporter(), org, body).then().statusCode(400).contentType(PROBLEM);
        }
        report(TestTokens.reporter(), UUID.randomUUID().toString(),
                "{\"metric\":\"REVENUE\",\"value\":1,\"periodStart\":\"2026-10-01\",\"periodEnd\":\"2026-12-31\"}")
                .then().statusCode(404).contentType(PROBLEM);
        String ok = "{\"metric\":\"DEPLOYED_SEATS\",\"value\":10,\"periodStart\":\"2026-10-01\",\"periodEnd\":\"2026-10-01\"}";
        report(TestTokens.partnerAdmin(org), org, ok).then().statusCode(403);
        report(TestTokens.employee("cand-1", org), org, ok).then().statusCode(403);
        given().contentType(ContentType.JSON).body(ok).when().post("/organizations/" + org + "/performance-reports")
                .then().statusCode(401);
        report(TestTokens.token("reporter", Map.of()), org, ok).then().statusCode(403).contentType(PROBLEM); // no source
        report(TestTokens.reporter(), org, ok).then().statusCode(201);
    }

    @Test
    void aCorrectionKeepsTheEarlierValueWithItsSourceInTheHistory() {
        String org = UserAccountsTest.organization();
        String figure = "{\"metric\":\"NEW_CUSTOMERS\",\"value\":%s,\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-03-31\"}";
        report(TestTokens.reporter("crm-a"), org, figure.formatted("4")).then().statusCode(201)
                .body("source", equalTo("crm-a")).body("reportedBy", notNullValue());
        report(TestTokens.reporter("crm-a"), org, figure.formatted("4")).then().statusCode(200); // identical: nothing
        report(TestTokens.reporter("crm-b"), org, figure.formatted("5")).then().statusCode(200).body("corrected", equalTo(true));
        report(TestTokens.ops(), org, figure.formatted("6")).then().statusCode(200).body("source", equalTo("ops"));
        report(TestTokens.reporter(), org, figure.replace("NEW_CUSTOMERS", "REVENUE").formatted("100")).then().statusCode(201);

        String admin = TestTokens.partnerAdmin(org);
        given().auth().oauth2(admin).queryParam("metric", "NEW_CUSTOMERS").when().get("/organizations/" + org + "/performance-reports")
                .then().statusCode(200).header("X-Total-Count", "1").body("[0].value", equalTo(6.0f))
                .body("[0].source", equalTo("ops")).body("[0].corrections", equalTo(2));
        given().auth().oauth2(admin).when().get("/organizations/" + org + "/performance-reports")
                .then().statusCode(200).header("X-Total-Count", "2");
        given().auth().oauth2(TestTokens.ops()).queryParam("metric", "new_customers")
                .when().get("/organizations/" + org + "/performance-reports/history")
                .then().statusCode(200).header("X-Total-Count", "3")
                .body("value", contains(6.0f, 5.0f, 4.0f)).body("source", contains("ops", "crm-b", "crm-a"))
                .body("[0].supersededAt", nullValue()).body("[1].supersededAt", notNullValue())
                .body("[2].supersededAt", notNullValue());
        given().auth().oauth2(admin).queryParam("metric", "PROFIT").when().get("/organizations/" + org + "/performance-reports")
                .then().statusCode(400).contentType(PROBLEM);
        for (String token : new String[] { TestTokens.partnerAdmin(UserAccountsTest.organization()),
                TestTokens.employee("cand-1", org), TestTokens.reporter() }) {
            given().auth().oauth2(token).when().get("/organizations/" + org + "/performance-reports")
                    .then().statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(token).when().get("/organizations/" + org + "/performance-reports/history")
                    .then().statusCode(404).contentType(PROBLEM);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
