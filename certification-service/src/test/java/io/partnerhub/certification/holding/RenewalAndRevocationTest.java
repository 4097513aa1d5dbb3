package io.partnerhub.certification.holding;

import io.partnerhub.chassis.testing.ClockMovingTest;
import static io.partnerhub.certification.holding.TestSupport.awaitEvents;
import static io.partnerhub.certification.holding.TestSupport.earn;
import static io.partnerhub.certification.holding.TestSupport.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.certification.holding.TestSupport.Earned;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** C3 renewal and C9 revocation through the API, C5 retirement's effect on renewal, and who may do what. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class RenewalAndRevocationTest extends ClockMovingTest {

    static final String PROBLEM = TestKit.PROBLEM_JSON;

    /** The ops support override (issue 21: a holder renews by taking the assessment, see delivery.RenewalAssessmentTest). */
    static Response attempt(String token, String holdingId, boolean passed) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"passed\":" + passed + ",\"reason\":\"support override\"}")
                .when().post("/certification-holdings/" + holdingId + "/renewal-attempts");
    }

    void moveClockTo(Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    @Test
    void renewsInTheWindowWaitsAfterTheSecondAttemptAndExtendsFromTheCurrentExpiry() throws Exception {
        Earned holding = earn("ASSOCIATE");
        String own = TestTokens.ops(); // issue 21: the holder takes the assessment; the window and wait rules are the same
        Instant opensAt = holding.expiresAt().minus(Duration.ofDays(180));

        attempt(own, holding.holdingId(), true).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/renewal-window-closed"))
                .body("renewalOpensAt", equalTo(opensAt.toString()));
        moveClockTo(opensAt.minus(Duration.ofDays(1)));
        attempt(own, holding.holdingId(), true).then().statusCode(409).body("type", endsWith("/renewal-window-closed"));

        moveClockTo(opensAt.plus(Duration.ofMinutes(1)));
        attempt(own, holding.holdingId(), false).then().statusCode(201)
                .body("passed", equalTo(false)).body("expiresAt", equalTo(holding.expiresAt().toString()));
        Response secondAttempt = attempt(own, holding.holdingId(), false);
        secondAttempt.then().statusCode(201).body("attemptsInWindow", equalTo(2));
        Instant second = Instant.parse(secondAttempt.path("attemptedAt"));
        Response waiting = attempt(own, holding.holdingId(), true);
        waiting.then().statusCode(409).contentType(PROBLEM).body("type", endsWith("/renewal-wait"));
        Instant nextAttemptAt = Instant.parse(waiting.path("nextAttemptAt"));
        assertEquals(second.plus(Duration.ofHours(24)), nextAttemptAt);
        assertEquals(nextAttemptAt.toString(), secondAttempt.path("nextAttemptAt"));

        moveClockTo(nextAttemptAt.plusSeconds(1));
        Instant renewed = holding.expiresAt().atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
        attempt(own, holding.holdingId(), true).then().statusCode(201)
                .body("passed", equalTo(true))
                .body("expiresAt", equalTo(renewed.toString())); // from the expiry, not from today
        given().auth().oauth2(own).when().get("/certification-holdings/" + holding.holdingId())
                .then().statusCode(200).body("expiresAt", equalTo(renewed.toString()))
                .body("renewalOpensAt", equalTo(renewed.minus(Duration.ofDays(180)).toString()));

        List<JsonNode> events = awaitEvents(holding.candidateId(), 2);
        assertEquals(2, events.size());
        JsonNode event = events.get(1);
        assertEquals("io.partnerhub.certification.renewed.v1", event.path("type").asText());
        assertEquals(holding.holdingId(), event.at("/data/holdingId").asText());
        assertEquals(holding.certificationId(), event.at("/data/certificationId").asText());
        assertEquals(renewed, Instant.parse(event.at("/data/expiresAt").asText()));
    }

    @Test
    void refusesRenewalAfterExpiryForFundamentalsAndForARetiredCertification() throws Exception {
        Earned fundamentals = earn("FUNDAMENTALS");
        attempt(TestTokens.ops(), fundamentals.holdingId(), true).then().statusCode(409).body("type", endsWith("/renewal-not-needed"));

        Earned retiring = earn("EXPERT");
        String today = LocalDate.now(clock).toString();
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"retiresOn\":\"" + today + "\"}")
                .when().post("/certifications/" + retiring.certificationId() + "/retirement").then().statusCode(200);
        moveClockTo(retiring.expiresAt().minus(Duration.ofDays(10)));
        attempt(TestTokens.ops(), retiring.holdingId(), true).then().statusCode(409).body("type", endsWith("/certification-retired"));
        // C5: the holding itself stays active until it expires
        given().auth().oauth2(TestTokens.ops()).when().get("/certification-holdings/" + retiring.holdingId())
                .then().body("status", equalTo("ACTIVE")).body("certificationStatus", equalTo("RETIRED"));

        moveClockTo(retiring.expiresAt().plusSeconds(1));
        attempt(TestTokens.ops(), retiring.holdingId(), true).then().statusCode(409).body("type", endsWith("/holding-not-active"));
    }

    @Test
    void opsRevokesWithAReasonOnceAndOnlyOps() throws Exception {
        Earned holding = earn("ASSOCIATE");
        String revocation = "{\"reason\":\"exam misconduct\"}";
        given().auth().oauth2(TestTokens.employee(holding.candidateId(), null)).contentType(ContentType.JSON).body(revocation)
                .when().post("/certification-holdings/" + holding.holdingId() + "/revocation").then().statusCode(403);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .when().post("/certification-holdings/" + holding.holdingId() + "/revocation").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(revocation)
                .when().post("/certification-holdings/" + holding.holdingId() + "/revocation")
                .then().statusCode(200).body("status", equalTo("REVOKED")).body("endReason", equalTo("exam misconduct"));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(revocation)
                .when().post("/certification-holdings/" + holding.holdingId() + "/revocation")
                .then().statusCode(409).body("type", endsWith("/holding-not-active")).body("holdingStatus", equalTo("REVOKED"));
        attempt(TestTokens.ops(), holding.holdingId(), true).then().statusCode(409).body("type", endsWith("/holding-not-active"));

        List<JsonNode> events = awaitEvents(holding.candidateId(), 2);
        assertEquals(2, events.size());
        assertEquals("io.partnerhub.certification.revoked.v1", events.get(1).path("type").asText());
        assertEquals("exam misconduct", events.get(1).at("/data/reason").asText());
        assertEquals(holding.holdingId(), events.get(1).at("/data/holdingId").asText());
    }

    @Test
    void anotherCandidatesHoldingsAnswer404AndRolesThatMayNotCallAnswer403() throws Exception {
        Earned holding = earn("ASSOCIATE");
        String stranger = TestTokens.employee(unique("cand-"), null);
        given().auth().oauth2(stranger).queryParam("candidateId", holding.candidateId())
                .when().get("/certification-holdings").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(stranger).when().get("/certification-holdings/" + holding.holdingId()).then().statusCode(404).contentType(PROBLEM);
        attempt(stranger, holding.holdingId(), true).then().statusCode(404).contentType(PROBLEM);
        attempt(TestTokens.partnerAdmin("o-1"), holding.holdingId(), true).then().statusCode(403);
        attempt(TestTokens.examProvider(), holding.holdingId(), true).then().statusCode(403);
        given().auth().oauth2(TestTokens.reporter()).queryParam("candidateId", holding.candidateId())
                .when().get("/certification-holdings").then().statusCode(403);
        given().queryParam("candidateId", holding.candidateId()).when().get("/certification-holdings").then().statusCode(401);
        given().auth().oauth2(TestTokens.employee(holding.candidateId(), null)).queryParam("candidateId", holding.candidateId())
                .when().get("/certification-holdings").then().statusCode(200).body("$", hasSize(1))
                .header("X-Total-Count", "1");
    }

    @Test
    void examProviderCannotReadHoldings() throws Exception {
        Earned holding = earn("ASSOCIATE");
        for (String provider : List.of(TestTokens.examProvider("PEARSON_VUE"), TestTokens.examProvider("PSI"))) {
            given().auth().oauth2(provider).queryParam("candidateId", holding.candidateId())
                    .when().get("/certification-holdings").then().statusCode(404).contentType(PROBLEM)
                    .body("type", endsWith("/not-found")).header("X-Total-Count", nullValue());
            given().auth().oauth2(provider).when().get("/certification-holdings/" + holding.holdingId())
                    .then().statusCode(404).contentType(PROBLEM).body("type", endsWith("/not-found"))
                    .body("certificationId", equalTo(null));
        }
        // the same holding is there for ops and its holder
        given().auth().oauth2(TestTokens.ops()).when().get("/certification-holdings/" + holding.holdingId()).then().statusCode(200);
        given().auth().oauth2(TestTokens.employee(holding.candidateId(), null)).when().get("/certification-holdings/" + holding.holdingId())
                .then().statusCode(200).body("certificationId", equalTo(holding.certificationId()));
    }

    @Test
    void controlCharactersInAQueryOrPathAnswer400InvalidCharacter() throws Exception {
        String ops = TestTokens.ops();
        for (String bad : List.of("\u0000", "c-1\u0000", "c-1\n", "\u007f")) {
            given().auth().oauth2(ops).queryParam("candidateId", bad).when().get("/certification-holdings")
                    .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/invalid-character"));
            given().auth().oauth2(ops).when().get("/transcripts/{c}", bad)
                    .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/invalid-character"));
        }
        // exactly as the fuzzer sent it, and refused before authentication too
        given().auth().oauth2(ops).urlEncodingEnabled(false).when().get("/certification-holdings?candidateId=%00")
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/invalid-character"));
        given().urlEncodingEnabled(false).when().get("/certification-holdings?candidateId=%00")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(ops).queryParam("candidateId", "c-1 with é and spaces").when().get("/certification-holdings")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void hostileInputAnswersAProblemNeverA500() throws Exception {
        Earned holding = earn("ASSOCIATE");
        String ops = TestTokens.ops();
        given().auth().oauth2(ops).queryParam("candidateId", holding.candidateId()).queryParam("page", 21474837)
                .when().get("/certification-holdings").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(ops).queryParam("page", 21474837).when().get("/certifications").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(ops).queryParam("candidateId", holding.candidateId()).queryParam("size", 2147483647)
                .when().get("/certification-holdings").then().statusCode(200);
        given().auth().oauth2(ops).when().get("/certification-holdings").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(ops).queryParam("candidateId", "c".repeat(300))
                .when().get("/certification-holdings").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(ops).when().get("/certification-holdings/" + "x".repeat(300)).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(ops).when().get("/certifications/" + "x".repeat(300)).then().statusCode(404).contentType(PROBLEM);
        attempt(ops, "x".repeat(300), true).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(ops).contentType(ContentType.JSON).body("{}")
                .when().post("/certification-holdings/" + holding.holdingId() + "/renewal-attempts").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(ops).contentType(ContentType.JSON).body("{\"passed\":\"perhaps\"}")
                .when().post("/certification-holdings/" + holding.holdingId() + "/renewal-attempts").then().statusCode(400).contentType(PROBLEM);
        for (String year : List.of("300000-01-01", "+300000-01-01", "2000-01-01", "2026-13-45")) {
            given().auth().oauth2(ops).contentType(ContentType.JSON).body("{\"retiresOn\":\"" + year + "\"}")
                    .when().post("/certifications/" + holding.certificationId() + "/retirement")
                    .then().statusCode(400).contentType(PROBLEM);
        }
        given().auth().oauth2(ops).contentType(ContentType.JSON).body("{\"retiresOn\":\"2099-01-01\"}")
                .when().post("/certifications/" + "x".repeat(300) + "/retirement").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(ops).contentType(ContentType.JSON).body("{\"retiresOn\":\"2099-01-01\",\"successor\":\"no-such-cert\"}")
                .when().post("/certifications/" + holding.certificationId() + "/retirement").then().statusCode(400).contentType(PROBLEM);
        // nothing stored by the refused retirements
        given().auth().oauth2(ops).when().get("/certifications/" + holding.certificationId())
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("retiresOn", equalTo(null));
    }
}
