package io.partnerhub.competency.competency;

import static io.partnerhub.competency.EventsSupport.clockOffset;
import static io.partnerhub.competency.EventsSupport.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.partnerhub.competency.EventsSupport;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** K1: requirement versions, the version in effect and the roadmap; malformed versions are 400/409 problems. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class RequirementVersionTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;
    private static final String SILVER = """
            {"paths":[{"requirements":[{"kind":"SKILL","individuals":2,"anyOf":["azure-admin","assessment:caf"]}]},
                      {"requirements":[{"kind":"SKILL","individuals":1,"anyOf":["azure-admin"]},
                                       {"kind":"PERFORMANCE","metric":"REVENUE","threshold":1000}]}]}""";
    private static final String GOLD = """
            {"paths":[{"requirements":[{"kind":"SKILL","individuals":4,"anyOf":["azure-admin"]}]}]}""";

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String competency() {
        String id = unique("roadmap-");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"Roadmap\"}").post("/competencies").then().statusCode(201);
        return id;
    }

    private static io.restassured.response.ValidatableResponse post(String competency, String body) {
        return given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(body)
                .post("/competencies/{id}/requirement-versions", competency).then();
    }

    private static String version(String name, LocalDate from, String silver, String gold) {
        return "{\"version\":\"" + name + "\",\"effectiveFrom\":\"" + from + "\",\"silver\":" + silver + ",\"gold\":" + gold + "}";
    }

    @Test
    void versionsTakeEffectByDateAndFutureOnesFormTheRoadmap() throws Exception {
        String id = competency();
        EventsSupport.catalogue("azure-admin", "assessment:caf");
        EventsSupport.defineVersion(id, version("2026-10", today(), SILVER, GOLD)).statusCode(201)
                .header("Location", endsWith("/competencies/" + id + "/requirement-versions"))
                .body("version", equalTo("2026-10")).body("silver.paths", hasSize(2))
                .body("silver.paths[1].requirements[1].metric", equalTo("REVENUE"));
        post(id, version("2027-05", today().plusMonths(5), SILVER, GOLD)).statusCode(201);
        post(id, version("2027-10", today().plusMonths(10), SILVER, GOLD)).statusCode(201);
        given().auth().oauth2(TestTokens.partnerAdmin("o-1")).get("/competencies/{id}/roadmap", id).then().statusCode(200)
                .body("inEffect.version", equalTo("2026-10"))
                .body("upcoming.version", org.hamcrest.Matchers.contains("2027-05", "2027-10"));
        given().auth().oauth2(TestTokens.employee("c-1", "o-1")).get("/competencies/{id}/requirement-versions", id).then()
                .statusCode(200).body("$", hasSize(3));
        // the clock chooses: 6 months on, 2027-05 is in effect
        try {
            clockOffset("P190D");
            given().auth().oauth2(TestTokens.ops()).get("/competencies/{id}/roadmap", id).then().statusCode(200)
                    .body("inEffect.version", equalTo("2027-05")).body("upcoming.version", hasItem("2027-10"))
                    .body("upcoming", hasSize(1));
        } finally {
            clockOffset("PT0S");
        }
    }

    @Test
    void eachNewVersionIsPublishedWithTheVersionItFollows() throws Exception {
        String id = competency();
        EventsSupport.catalogue("azure-admin", "assessment:caf");
        post(id, version("2027-05", today().plusMonths(5), SILVER, GOLD)).statusCode(201);
        post(id, version("2026-12", today().plusDays(1), GOLD, GOLD)).statusCode(201); // defined later, takes effect earlier
        java.util.List<com.fasterxml.jackson.databind.JsonNode> events = io.partnerhub.devstack.test.Topics.read(
                PartnerHubTestResource.kafkaBootstrapServers(), "competency-events", id, java.time.Duration.ofSeconds(30), 2)
                .stream().map(v -> {
                    try {
                        return EventsSupport.JSON.readTree(v);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        org.junit.jupiter.api.Assertions.assertEquals(2, events.size());
        com.fasterxml.jackson.databind.JsonNode first = events.get(0);
        org.junit.jupiter.api.Assertions.assertEquals("io.partnerhub.competency.requirements-published.v1", first.path("type").asText());
        org.junit.jupiter.api.Assertions.assertEquals(id, first.path("subject").asText());
        org.junit.jupiter.api.Assertions.assertEquals("2027-05", first.at("/data/version").asText());
        org.junit.jupiter.api.Assertions.assertTrue(first.at("/data/previousVersion").isMissingNode() || first.at("/data/previousVersion").isNull());
        org.junit.jupiter.api.Assertions.assertEquals(2, first.at("/data/silver/paths").size());
        com.fasterxml.jackson.databind.JsonNode second = events.get(1).path("data");
        org.junit.jupiter.api.Assertions.assertEquals("2026-12", second.path("version").asText());
        org.junit.jupiter.api.Assertions.assertTrue(second.path("previousVersion").isNull() || second.path("previousVersion").isMissingNode(),
                "2027-05 takes effect after 2026-12: it is not the one 2026-12 follows");
        post(id, version("2027-10", today().plusMonths(10), GOLD, GOLD)).statusCode(201);
        com.fasterxml.jackson.databind.JsonNode third = EventsSupport.JSON.readTree(io.partnerhub.devstack.test.Topics.read(
                PartnerHubTestResource.kafkaBootstrapServers(), "competency-events", id, java.time.Duration.ofSeconds(30), 3).get(2));
        org.junit.jupiter.api.Assertions.assertEquals("2027-05", third.at("/data/previousVersion").asText());
        org.junit.jupiter.api.Assertions.assertEquals(2, third.at("/data/previousSilver/paths").size());
        org.junit.jupiter.api.Assertions.assertEquals(1, third.at("/data/silver/paths").size());
    }

    @Test
    void aCompetencyWithoutVersionsHasAnEmptyRoadmap() {
        String id = competency();
        given().auth().oauth2(TestTokens.ops()).get("/competencies/{id}/roadmap", id).then().statusCode(200)
                .body("inEffect", nullValue()).body("upcoming", hasSize(0));
        given().auth().oauth2(TestTokens.ops()).get("/competencies/{id}/roadmap", "no-such-competency").then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void malformedVersionsAreRefusedWithAProblemAndNothingIsStored() throws Exception {
        String id = competency();
        LocalDate next = today().plusMonths(1);
        post(id, version("v", next, "{\"paths\":[]}", GOLD)).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/validation-failed"));
        post(id, version("v", next, "{\"paths\":[{\"requirements\":[]}]}", GOLD)).statusCode(400).contentType(PROBLEM);
        post(id, version("v", next, "{\"paths\":[{\"requirements\":[{\"kind\":\"SKILL\",\"individuals\":0,\"anyOf\":[\"a1\"]}]}]}", GOLD))
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", containsString("individuals"));
        post(id, version("v", next, "{\"paths\":[{\"requirements\":[{\"kind\":\"SKILL\",\"individuals\":-3,\"anyOf\":[\"a1\"]}]}]}", GOLD))
                .statusCode(400).contentType(PROBLEM);
        post(id, version("v", next, "{\"paths\":[{\"requirements\":[{\"kind\":\"SKILL\",\"anyOf\":[\"a1\"]}]}]}", GOLD))
                .statusCode(400).contentType(PROBLEM).body("type", endsWith("/invalid-request"));
        post(id, version("v", next, "{\"paths\":[{\"requirements\":[{\"kind\":\"PERFORMANCE\",\"metric\":\"PROFIT\",\"threshold\":5}]}]}", GOLD))
                .statusCode(400).contentType(PROBLEM).body("type", endsWith("/invalid-request")).body("metric", equalTo("PROFIT"))
                .body("detail", containsString("unknown metric PROFIT"));
        post(id, version("v", next, "{\"paths\":[{\"requirements\":[{\"kind\":\"BRIBE\"}]}]}", GOLD)).statusCode(400)
                .contentType(PROBLEM).body("type", endsWith("/malformed-request"));
        post(id, version("v", today().minusDays(1), SILVER, GOLD)).statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("in the past"));
        post(id, version("v", LocalDate.of(300000, 1, 1), SILVER, GOLD)).statusCode(400).contentType(PROBLEM);
        post(id, "{\"version\":\"v\",\"effectiveFrom\":\"+300000-01-01\",\"silver\":" + SILVER + ",\"gold\":" + GOLD + "}")
                .statusCode(400).contentType(PROBLEM);
        post(id, version("v".repeat(300), next, SILVER, GOLD)).statusCode(400).contentType(PROBLEM);
        post(id, "{\"version\":\"v\",\"effectiveFrom\":\"" + next + "\",\"silver\":" + SILVER + "}").statusCode(400)
                .contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).get("/competencies/{id}/requirement-versions", id).then().statusCode(200)
                .body("$", hasSize(0));

        EventsSupport.catalogue("azure-admin", "assessment:caf");
        EventsSupport.defineVersion(id, version("2027-05", next, SILVER, GOLD)).statusCode(201);
        post(id, version("2027-06", next, SILVER, GOLD)).statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/requirement-version-date-taken")).body("version", equalTo("2027-05"));
        post(id, version("2027-05", next.plusDays(1), SILVER, GOLD)).statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/requirement-version-exists"));
        post("no-such-competency", version("x", next, SILVER, GOLD)).statusCode(404).contentType(PROBLEM);
        post("c".repeat(300), version("x", next, SILVER, GOLD)).statusCode(400).contentType(PROBLEM);
    }

    @Test
    void onlyOpsDefinesVersions() {
        String id = competency();
        given().auth().oauth2(TestTokens.partnerAdmin("o-1")).contentType(ContentType.JSON)
                .body(version("v", today(), SILVER, GOLD)).post("/competencies/{id}/requirement-versions", id).then()
                .statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(version("v", today(), SILVER, GOLD))
                .post("/competencies/{id}/requirement-versions", id).then().statusCode(401);
    }
}
