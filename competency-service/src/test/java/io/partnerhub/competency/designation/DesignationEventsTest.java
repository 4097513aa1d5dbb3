package io.partnerhub.competency.designation;

import static io.partnerhub.competency.EventsSupport.certification;
import static io.partnerhub.competency.EventsSupport.certificationDefined;
import static io.partnerhub.competency.EventsSupport.clockOffset;
import static io.partnerhub.competency.EventsSupport.competencyEvents;
import static io.partnerhub.competency.EventsSupport.earned;
import static io.partnerhub.competency.EventsSupport.employee;
import static io.partnerhub.competency.EventsSupport.membership;
import static io.partnerhub.competency.EventsSupport.organizationWithMembers;
import static io.partnerhub.competency.EventsSupport.performance;
import static io.partnerhub.competency.EventsSupport.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Designations live (issue 22): certification and membership events move the skilling and performance points of an
 * area (with the certification's level from certification.defined.v1), the designation is attained, at risk and — with
 * the clock moved past the window — lost, each with its event on competency-events; the specialisation with it.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class DesignationEventsTest {

    private static final Instant LASTING = Instant.now().plus(Duration.ofDays(1200)).truncatedTo(ChronoUnit.SECONDS);

    @AfterEach
    void resetClock() {
        clockOffset("PT0S");
    }

    static ObjectNode defined(String certificationId, String level) throws Exception {
        ObjectNode event = certificationDefined(certificationId, "Certification " + certificationId);
        ((ObjectNode) event.get("data")).put("level", level);
        return event;
    }

    /** An area whose set, effective today, gives 40 points for 1 intermediate, 30 for 1 advanced, 30 for 2 new customers. */
    static String area(String intermediate, String advanced) {
        String id = unique("area-");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"Area " + id + "\",\"replaces\":[]}").post("/solution-areas")
                .then().statusCode(201);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("""
                {"version":"v1","effectiveFrom":"%s",
                 "metrics":[{"id":"intermediate","name":"Intermediate","category":"SKILLING","unit":"PEOPLE","figure":"intermediate-certified","kind":"STOCK","maxPoints":40,"threshold":1},
                  {"id":"advanced","name":"Advanced","category":"SKILLING","unit":"PEOPLE","figure":"advanced-certified","kind":"STOCK","maxPoints":30,"threshold":1},
                  {"id":"customers","name":"Net customer adds","category":"PERFORMANCE","unit":"CUSTOMERS","figure":"new-customers","kind":"FLOW","maxPoints":30,"threshold":2}],
                 "certifications":["%s","%s"],
                 "specialisations":[{"id":"%s-spec","name":"Spec","certifications":["%s"],"people":1}]}"""
                .formatted(LocalDate.now(ZoneOffset.UTC), intermediate, advanced, id, advanced))
                .post("/solution-areas/{id}/score-versions", id).then().statusCode(201)
                .body("inEffect.version", equalTo("v1"));
        return id;
    }

    static void awaitDesignation(String org, String area, Consumer<ValidatableResponse> expect) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> expect.accept(given().auth().oauth2(TestTokens.ops())
                .get("/designation-status/{o}/{a}", org, area).then().statusCode(200)));
    }

    static List<JsonNode> awaitEvent(String org, String type, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> competencyEvents(org, Duration.ofSeconds(1), Integer.MAX_VALUE)
                .stream().filter(e -> e.path("type").asText().equals(type)).toList(), events -> events.size() >= count);
    }

    @Test
    void certificationsAndAReportAttainItADepartureLeavesItAtRiskAndTheWindowRollingPastLosesIt() throws Exception {
        String intermediate = unique("cert-");
        String advanced = unique("cert-");
        certification(defined(intermediate, "ASSOCIATE"));
        certification(defined(advanced, "EXPERT"));
        String area = area(intermediate, advanced);
        String org = UUID.randomUUID().toString();
        String ana = unique("cand-");
        String bo = unique("cand-");
        organizationWithMembers(org, ana, bo);

        certification(earned(ana, intermediate, LASTING));
        awaitDesignation(org, area, s -> s.body("metrics.find { it.metricId == 'intermediate' }.points", equalTo(40.0f))
                .body("state", equalTo("NONE")).body("score", equalTo(40.0f)));
        certification(earned(bo, advanced, LASTING));
        awaitDesignation(org, area, s -> s.body("score", equalTo(70.0f)).body("qualifiesToday", equalTo(false))
                .body("toQualify.plan[0].metricId", equalTo("customers")).body("toQualify.plan[0].add", equalTo(1)));

        membership(performance(org, "NEW_CUSTOMERS", 2, LocalDate.now(ZoneOffset.UTC)));
        awaitDesignation(org, area, s -> s.body("score", equalTo(100.0f)).body("state", equalTo("ATTAINED"))
                .body("held", equalTo(true)).body("window.qualifyingDays", hasItem(LocalDate.now(ZoneOffset.UTC).toString()))
                .body("window.holdsUntil", notNullValue()).body("specialisations[0].state", equalTo("ATTAINED")));
        JsonNode attained = awaitEvent(org, "io.partnerhub.designation.attained.v1", 1).stream()
                .filter(e -> e.path("data").path("solutionAreaId").asText().equals(area)).findFirst().orElseThrow();
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), attained.path("data").path("day").asText());
        assertEquals(100.0, attained.path("data").path("score").asDouble());
        awaitEvent(org, "io.partnerhub.specialisation.attained.v1", 1);
        bothModelsSideBySide(org, area);

        membership(employee("left", org, bo, "DEPARTED"));
        awaitDesignation(org, area, s -> s.body("score", equalTo(70.0f)).body("state", equalTo("AT_RISK"))
                .body("held", equalTo(true)).body("metrics.find { it.metricId == 'advanced' }.have", equalTo(0.0f)));
        awaitEvent(org, "io.partnerhub.designation.at-risk.v1", 1);

        // the window rolls past today's qualifying day at the end of the fifth month after this one
        LocalDate lostOn = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(6);
        clockOffset("P" + (ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), lostOn) + 2) + "D");
        awaitDesignation(org, area, s -> s.body("state", equalTo("LOST")).body("held", equalTo(false)));
        JsonNode lost = awaitEvent(org, "io.partnerhub.designation.lost.v1", 1).stream()
                .filter(e -> e.path("data").path("solutionAreaId").asText().equals(area)).findFirst().orElseThrow();
        assertEquals(lostOn.toString(), lost.path("data").path("day").asText());
        assertTrue(lost.path("data").path("holdsUntil").isNull());
        awaitEvent(org, "io.partnerhub.specialisation.lost.v1", 1);
    }

    /** GET /programmes and the what-if, for the organisation holding the area's designation and no competency. */
    static void bothModelsSideBySide(String org, String area) {
        given().auth().oauth2(TestTokens.partnerAdmin(org)).get("/programmes/{o}", org).then().statusCode(200)
                .body("designations.find { it.solutionAreaId == '" + area + "' }.state", equalTo("ATTAINED"))
                .body("competencies", notNullValue());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON).body("{\"on\":\"" + today + "\"}")
                .post("/programme-switch/simulations").then().statusCode(200).header("X-Total-Count", "1")
                .body("[0].organizationId", equalTo(org))
                .body("[0].areas.find { it.solutionAreaId == '" + area + "' }.outcome", equalTo("GAINS"))
                .body("[0].areas.find { it.solutionAreaId == 'infra-azure' }.outcome", equalTo("NEITHER"));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"on\":\"" + today + "\"}")
                .queryParam("size", 1).post("/programme-switch/simulations").then().statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"on\":\"300000-01-01\"}")
                .post("/programme-switch/simulations").then().statusCode(400);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"on\":\"" + today + "\"}")
                .queryParam("page", 21474837).post("/programme-switch/simulations").then().statusCode(400);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{}")
                .post("/programme-switch/simulations").then().statusCode(400);
        given().auth().oauth2(TestTokens.employee("c", org)).contentType(ContentType.JSON).body("{\"on\":\"" + today + "\"}")
                .post("/programme-switch/simulations").then().statusCode(403);
        given().auth().oauth2(TestTokens.partnerAdmin(UUID.randomUUID().toString())).get("/programmes/{o}", org).then().statusCode(404);
    }

    @Test
    void anotherOrganisationsStatusIsNotFoundAndHostileIdsAre4xx() {
        String org = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.partnerAdmin(UUID.randomUUID().toString())).get("/designation-status/{o}", org)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.ops()).get("/designation-status/{o}", org).then().statusCode(404);
        given().auth().oauth2(TestTokens.ops()).get("/designation-status/{o}", "x".repeat(300)).then().statusCode(400);
        given().auth().oauth2(TestTokens.ops()).get("/solution-areas/{a}", "no-such-area").then().statusCode(404);
        given().auth().oauth2(TestTokens.ops()).get("/solution-areas/{a}", "x".repeat(300)).then().statusCode(400);
        given().auth().oauth2(TestTokens.employee("c", UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body("{\"id\":\"area-x\",\"name\":\"X\"}").post("/solution-areas").then().statusCode(403);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"version\":\"v1\",\"effectiveFrom\":\"2999-01-01\",\"metrics\":[{\"id\":\"a\"}]}")
                .post("/solution-areas/{a}/score-versions", "infra-azure").then().statusCode(400);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"version\":\"v1\",\"effectiveFrom\":\"300000-01-01\",\"metrics\":[]}")
                .post("/solution-areas/{a}/score-versions", "infra-azure").then().statusCode(400);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"version\":\"v9\",\"effectiveFrom\":\"2999-01-01\",\"metrics\":[{\"id\":\"aa\",\"name\":\"A\",\"category\":\"SKILLING\","
                        + "\"unit\":\"PEOPLE\",\"figure\":\"advanced-certified\",\"kind\":\"STOCK\",\"maxPoints\":90,\"threshold\":1}]}")
                .post("/solution-areas/{a}/score-versions", "infra-azure").then().statusCode(400)
                .body("detail", containsString("100"));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON) // an int overflow must not add up to 100
                .body("{\"version\":\"v8\",\"effectiveFrom\":\"2999-01-01\",\"metrics\":["
                        + "{\"id\":\"aa\",\"name\":\"A\",\"category\":\"SKILLING\",\"unit\":\"PEOPLE\",\"figure\":\"advanced-certified\",\"kind\":\"STOCK\",\"maxPoints\":2147483647,\"threshold\":1},"
                        + "{\"id\":\"bb\",\"name\":\"B\",\"category\":\"SKILLING\",\"unit\":\"PEOPLE\",\"figure\":\"advanced-certified\",\"kind\":\"STOCK\",\"maxPoints\":2147483647,\"threshold\":1},"
                        + "{\"id\":\"cc\",\"name\":\"C\",\"category\":\"SKILLING\",\"unit\":\"PEOPLE\",\"figure\":\"advanced-certified\",\"kind\":\"STOCK\",\"maxPoints\":102,\"threshold\":1}]}")
                .post("/solution-areas/{a}/score-versions", "infra-azure").then().statusCode(400);
        given().auth().oauth2(TestTokens.ops()).get("/solution-areas/infra-azure").then().statusCode(200)
                .body("replaces", hasItem("cloud-platform")).body("inEffect.metrics.size()", equalTo(5));
    }

    @Test
    void aRegisteredOrganisationSeesEveryAreaWithWhatWouldMakeItQualify() throws Exception {
        String org = UUID.randomUUID().toString();
        organizationWithMembers(org);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.partnerAdmin(org))
                .get("/designation-status/{o}/infra-azure", org).then().statusCode(200).body("state", equalTo("NONE"))
                .body("score", equalTo(0.0f)).body("toQualify.plan.size()", equalTo(5))
                .body("window.nextDrop", equalTo(LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1).toString())));
        given().auth().oauth2(TestTokens.employee("c", org)).get("/designation-status/{o}", org).then().statusCode(200)
                .body("solutionAreaId", hasItem("business-applications"));
    }
}
