package io.partnerhub.membership.membership;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.Topics;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.partnerhub.membership.events.CompetencyEventExamples;
import io.partnerhub.membership.user.UserAccountsTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * M5/M6 over real Kafka: raw CloudEvents published to competency-events (competency-service's asyncapi.yaml example
 * of each type, DESIGN §3) drive purchases, renewals, alerts and the public profile.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class MembershipTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;
    private static Instant time = Instant.now();

    @BeforeAll
    static void setUp() throws Exception {
        producer = Topics.producer(PartnerHubTestResource.kafkaBootstrapServers());
    }

    @AfterAll
    static void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    /**
     * The producer's example of {@code message} for this organisation, competency and level, with a new id and a later
     * time; valid until 11 months from now, or (lapsed) the valid-until just reached, an instant as the producer writes.
     */
    private static void publish(String message, String org, String competency, String level) throws Exception {
        ObjectNode event = CompetencyEventExamples.forOrganization(message, org, competency);
        time = time.plusSeconds(1);
        event.put("time", time.toString());
        Instant validUntil = message.equals("competencyLapsed") ? time
                : LocalDate.now(ZoneOffset.UTC).plusMonths(11).atTime(11, 20, 5, 120_000_000).toInstant(ZoneOffset.UTC);
        ((ObjectNode) event.get("data")).put("level", level)
                .put("validUntil", validUntil.truncatedTo(ChronoUnit.MILLIS).toString());
        producer.send(new ProducerRecord<>("competency-events", org, JSON.writeValueAsString(event))).get();
    }

    private static io.restassured.response.ValidatableResponse membership(String org) {
        return given().auth().oauth2(TestTokens.partnerAdmin(org)).when().get("/organizations/" + org + "/membership")
                .then().statusCode(200);
    }

    private static io.restassured.response.Response purchase(String org, String level) {
        return given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON)
                .body("{\"level\":\"" + level + "\"}").when().post("/organizations/" + org + "/membership/purchases");
    }

    @Test
    void aPurchaseIsRefusedUntilACompetencyIsAttainedAtThatLevel() throws Exception {
        String org = UserAccountsTest.organization();
        membership(org).body("level", equalTo("NETWORK_MEMBER")).body("subscription", nullValue())
                .body("benefits", hasItem("Partner network listing"));
        purchase(org, "SILVER").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/level-not-earned"));

        publish("competencyAttained", org, "cloud-platform", "SILVER");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> membership(org)
                .body("competencies[0].competencyId", equalTo("cloud-platform")));

        purchase(org, "GOLD").then().statusCode(409).body("type", equalTo("https://partnerhub.io/problems/level-not-earned"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        purchase(org, "SILVER").then().statusCode(201)
                .body("level", equalTo("SILVER"))
                .body("subscription.level", equalTo("SILVER"))
                .body("subscription.startsOn", equalTo(today.toString()))
                .body("subscription.endsOn", equalTo(today.plusMonths(12).toString()))
                .body("benefits", hasItem("Silver partner badge"));
        purchase(org, "SILVER").then().statusCode(409).body("type", equalTo("https://partnerhub.io/problems/already-subscribed"));

        given().when().get("/organizations/" + org + "/profile").then().statusCode(200)
                .body("level", equalTo("SILVER")).body("silverCompetencies", equalTo(java.util.List.of("cloud-platform")))
                .body("goldCompetencies", hasSize(0)).body("country", equalTo("DE"));

        publish("competencyAttained", org, "data-analytics", "GOLD");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> membership(org).body("competencies", hasSize(2)));
        purchase(org, "GOLD").then().statusCode(201).body("level", equalTo("GOLD"));
        given().when().get("/organizations/" + org + "/profile").then().statusCode(200)
                .body("level", equalTo("GOLD"))
                .body("silverCompetencies", equalTo(java.util.List.of("cloud-platform")))
                .body("goldCompetencies", equalTo(java.util.List.of("data-analytics")));
    }

    @Test
    void anAtRiskCompetencyRaisesTheAlertAndRiskClearedClearsIt() throws Exception {
        String org = UserAccountsTest.organization();
        publish("competencyAttained", org, "cloud-platform", "SILVER");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> membership(org).body("competencies", hasSize(1)));
        purchase(org, "SILVER").then().statusCode(201).body("renewalAtRisk", equalTo(false)).body("alerts", hasSize(0));

        publish("competencyAtRisk", org, "cloud-platform", "SILVER");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> membership(org)
                .body("alerts", hasSize(1))
                .body("alerts[0].competencyId", equalTo("cloud-platform"))
                .body("alerts[0].message", containsString(
                        "A recent change to your competency achievement has put your membership renewal eligibility at risk"))
                .body("alerts[0].message", containsString("cloud-platform"))
                .body("alerts[0].reasons[0]", containsString("SILVER requirement not met"))
                .body("renewalAtRisk", equalTo(true))
                .body("level", equalTo("SILVER")));
        given().auth().oauth2(TestTokens.employee("cand-1", org)).when().get("/organizations/" + org + "/membership")
                .then().statusCode(200).body("alerts", hasSize(1));

        // renewal refused while the requirements do not hold
        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().post("/organizations/" + org + "/membership/renewals")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/renewal-requirements-not-met"));

        publish("competencyRiskCleared", org, "cloud-platform", "SILVER");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> membership(org)
                .body("alerts", hasSize(0)).body("renewalAtRisk", equalTo(false)));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().post("/organizations/" + org + "/membership/renewals")
                .then().statusCode(201)
                .body("renewal.level", equalTo("SILVER"))
                .body("renewal.startsOn", equalTo(today.plusMonths(12).toString()))
                .body("renewal.endsOn", equalTo(today.plusMonths(24).toString()));
        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().post("/organizations/" + org + "/membership/renewals")
                .then().statusCode(409).body("type", equalTo("https://partnerhub.io/problems/already-renewed"));

        // the purchase and the one renewal are in the activity log (the refused attempts are not)
        given().auth().oauth2(TestTokens.partnerAdmin(org)).queryParam("kind", "MEMBERSHIP_RENEWED")
                .when().get("/organizations/" + org + "/activity").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].details.level", equalTo("SILVER")).body("[0].actor.role", equalTo("partner-admin"));
        given().auth().oauth2(TestTokens.partnerAdmin(org)).queryParam("kind", "MEMBERSHIP_PURCHASED")
                .when().get("/organizations/" + org + "/activity").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void renewalIsRefusedOnceTheCompetencyLapsedButTheLevelKeepsDisplaying() throws Exception {
        String org = UserAccountsTest.organization();
        publish("competencyAttained", org, "cloud-platform", "GOLD");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> membership(org).body("competencies", hasSize(1)));
        purchase(org, "GOLD").then().statusCode(201);
        publish("competencyRenewed", org, "cloud-platform", "GOLD");
        publish("competencyLapsed", org, "cloud-platform", "GOLD"); // the level lost
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> membership(org)
                .body("competencies[0].level", equalTo("NONE")));
        membership(org).body("level", equalTo("GOLD")).body("renewalAtRisk", equalTo(true));
        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().post("/organizations/" + org + "/membership/renewals")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/renewal-requirements-not-met"));
        given().when().get("/organizations/" + org + "/profile").then().statusCode(200)
                .body("level", equalTo("GOLD")).body("goldCompetencies", hasSize(0));

        // the level displays until the subscription year has elapsed, read from the application clock
        try {
            moveClock("P364D");
            membership(org).body("level", equalTo("GOLD"));
            moveClock("P366D");
            membership(org).body("level", equalTo("NETWORK_MEMBER")).body("subscription", nullValue())
                    .body("renewalAtRisk", equalTo(false));
        } finally {
            moveClock("PT0S");
        }
    }

    private static void moveClock(String offset) {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"offset\":\"" + offset + "\"}")
                .when().put("/admin/clock").then().statusCode(200);
    }

    /** A designation event as competency-service publishes it (its asyncapi.yaml), sent {@code times} times. */
    private static void publishDesignation(String change, String org, String area, String score, int times) throws Exception {
        time = time.plusSeconds(1);
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/competency-service").put("type", "io.partnerhub.designation." + change + ".v1")
                .put("subject", org).put("time", time.toString()).put("datacontenttype", "application/json");
        event.putObject("data").put("organizationId", org).put("solutionAreaId", area)
                .put("solutionAreaName", "Business Applications").putNull("track").put("score", new java.math.BigDecimal(score))
                .put("day", LocalDate.now(ZoneOffset.UTC).toString())
                .put("holdsUntil", LocalDate.now(ZoneOffset.UTC).plusMonths(5).toString());
        for (int i = 0; i < times; i++) {
            producer.send(new ProducerRecord<>("competency-events", org, JSON.writeValueAsString(event))).get();
        }
    }

    @Test
    void theSolutionsPartnerPackNeedsADesignationHeldAndSwitchesFromGold() throws Exception {
        String org = UserAccountsTest.organization();
        purchase(org, "SOLUTIONS_PARTNER").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/level-not-earned"))
                .body("detail", containsString("designation"));
        publish("competencyAttained", org, "cloud-platform", "GOLD");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> membership(org).body("competencies", hasSize(1)));
        purchase(org, "GOLD").then().statusCode(201).body("level", equalTo("GOLD"));
        purchase(org, "SOLUTIONS_PARTNER").then().statusCode(409)
                .body("type", equalTo("https://partnerhub.io/problems/level-not-earned"));

        publishDesignation("attained", org, "business-applications", "74.5", 2); // delivered twice: applied once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> membership(org)
                .body("designations", hasSize(1))
                .body("designations[0].solutionAreaId", equalTo("business-applications"))
                .body("designations[0].held", equalTo(true))
                .body("designations[0].atRisk", equalTo(false))
                .body("designations[0].score", equalTo(74.5f)));
        purchase(org, "SOLUTIONS_PARTNER").then().statusCode(201).body("level", equalTo("SOLUTIONS_PARTNER"))
                .body("subscription.level", equalTo("SOLUTIONS_PARTNER"))
                .body("benefits", hasItem("Solutions Partner badge for each designation held"));
        purchase(org, "GOLD").then().statusCode(409).body("type", equalTo("https://partnerhub.io/problems/already-subscribed"));
        given().when().get("/organizations/" + org + "/profile").then().statusCode(200)
                .body("level", equalTo("SOLUTIONS_PARTNER"))
                .body("designations", equalTo(java.util.List.of("business-applications")))
                .body("goldCompetencies", equalTo(java.util.List.of("cloud-platform")));

        publishDesignation("at-risk", org, "business-applications", "62.0", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> membership(org)
                .body("designations[0].atRisk", equalTo(true)).body("renewalAtRisk", equalTo(true)));
        publishDesignation("risk-cleared", org, "business-applications", "71.0", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> membership(org)
                .body("designations[0].atRisk", equalTo(false)).body("renewalAtRisk", equalTo(false)));
        publishDesignation("lost", org, "business-applications", "40.0", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> membership(org)
                .body("designations[0].held", equalTo(false)).body("renewalAtRisk", equalTo(true))
                .body("level", equalTo("SOLUTIONS_PARTNER")));
        given().when().get("/organizations/" + org + "/profile").then().statusCode(200).body("designations", hasSize(0));
    }

    @Test
    void scopesMembershipsToTheOrganisation() {
        String org = UserAccountsTest.organization();
        String other = UserAccountsTest.organization();
        given().auth().oauth2(TestTokens.partnerAdmin(other)).when().get("/organizations/" + org + "/membership")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partnerAdmin(other)).contentType(ContentType.JSON).body("{\"level\":\"SILVER\"}")
                .when().post("/organizations/" + org + "/membership/purchases").then().statusCode(404);
        given().auth().oauth2(TestTokens.employee("cand-1", org)).contentType(ContentType.JSON).body("{\"level\":\"SILVER\"}")
                .when().post("/organizations/" + org + "/membership/purchases").then().statusCode(403);
        given().auth().oauth2(TestTokens.reporter()).when().get("/organizations/" + org + "/membership").then().statusCode(403);
        given().when().get("/organizations/" + org + "/membership").then().statusCode(401);
        purchase(org, "PLATINUM").then().statusCode(400).contentType(PROBLEM);
        purchase(org, "NETWORK_MEMBER").then().statusCode(409);
        given().when().get("/organizations/" + UUID.randomUUID() + "/profile").then().statusCode(404).contentType(PROBLEM);
        given().when().get("/organizations/" + "x".repeat(300) + "/profile").then().statusCode(400).contentType(PROBLEM);
        given().when().get("/organizations/" + org + "/profile").then().statusCode(200)
                .body("level", equalTo("NETWORK_MEMBER")).body("silverCompetencies", hasSize(0));
    }
}
