package io.partnerhub.certification.share;

import io.partnerhub.chassis.testing.ClockMovingTest;
import static io.partnerhub.certification.holding.TestSupport.examCode;
import static io.partnerhub.certification.holding.TestSupport.pass;
import static io.partnerhub.certification.holding.TestSupport.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** C7 share codes over the real app: created by the candidate, open without a token, revocable, expiring, scoped. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ShareCodeTest extends ClockMovingTest {

    static final String PROBLEM = TestKit.PROBLEM_JSON;

    /** A candidate with one passed exam on their transcript. */
    static String candidateWithAPass(String exam) throws Exception {
        String candidate = unique("cand-");
        pass(candidate, exam);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.ops())
                .when().get("/transcripts/" + candidate).then().statusCode(200).body("passedExams", hasSize(1)));
        return candidate;
    }

    static Response create(String token, String candidateId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/transcripts/" + candidateId + "/share-codes");
    }

    @Test
    void theCandidateSharesTheirTranscriptThatOpensWithoutATokenUntilRevoked() throws Exception {
        String exam = examCode();
        String candidate = candidateWithAPass(exam);
        String own = TestTokens.employee(candidate, null);

        Response created = create(own, candidate, "{}");
        created.then().statusCode(201).contentType(ContentType.JSON)
                .body("code", matchesPattern("[A-Za-z0-9_-]{22}"))
                .body("candidateId", equalTo(candidate)).body("status", equalTo("ACTIVE"))
                .body("expiresAt", nullValue());
        String code = created.path("code");
        created.then().body("url", equalTo("http://localhost:8080/api/shared-transcripts/" + code))
                .header("Location", endsWith("/shared-transcripts/" + code));
        assertNotEquals(code, create(own, candidate, "{}").path("code"));

        given().when().get("/shared-transcripts/" + code).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body("candidateId", equalTo(candidate))
                .body("passedExams[0].examCode", equalTo(exam));

        given().auth().oauth2(own).when().get("/transcripts/" + candidate + "/share-codes").then().statusCode(200)
                .header("X-Total-Count", "2").body("$", hasSize(2)).body("[0].code", equalTo(code));

        given().auth().oauth2(own).when().delete("/transcripts/" + candidate + "/share-codes/" + code).then().statusCode(204);
        given().when().get("/shared-transcripts/" + code).then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("/not-found"));
        given().auth().oauth2(own).when().delete("/transcripts/" + candidate + "/share-codes/" + code).then().statusCode(204);
        given().auth().oauth2(own).when().get("/transcripts/" + candidate + "/share-codes").then().statusCode(200)
                .body("[0].status", equalTo("REVOKED")).body("[0].revokedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anExpiringCodeStopsOpeningAtItsExpiry() throws Exception {
        String candidate = candidateWithAPass(examCode());
        String own = TestTokens.employee(candidate, null);
        Instant expiresAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Response created = create(own, candidate, "{\"expiresAt\":\"" + expiresAt + "\"}");
        created.then().statusCode(201).body("expiresAt", equalTo(expiresAt.toString()));
        String code = created.path("code");
        given().when().get("/shared-transcripts/" + code).then().statusCode(200);

        clock.setOffset(Duration.ofHours(2));
        given().when().get("/shared-transcripts/" + code).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(own).when().get("/transcripts/" + candidate + "/share-codes").then().statusCode(200)
                .body("[0].status", equalTo("EXPIRED"));
        clock.reset();
        given().when().get("/shared-transcripts/" + code).then().statusCode(200);
    }

    @Test
    void onlyTheCandidateThemselfOrOpsManageShareCodes() throws Exception {
        String candidate = candidateWithAPass(examCode());
        String other = TestTokens.employee(unique("cand-"), null);
        create(other, candidate, "{}").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(other).when().get("/transcripts/" + candidate + "/share-codes").then().statusCode(404);
        create(TestTokens.partnerAdmin("org-1"), candidate, "{}").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").when().post("/transcripts/" + candidate + "/share-codes")
                .then().statusCode(401).contentType(PROBLEM);

        String code = create(TestTokens.ops(), candidate, "").then().statusCode(201).extract().path("code");
        given().auth().oauth2(other).when().delete("/transcripts/" + candidate + "/share-codes/" + code).then().statusCode(404);
        // another candidate's own transcript path does not reach this code either
        String otherCandidate = unique("cand-");
        given().auth().oauth2(TestTokens.employee(otherCandidate, null))
                .when().delete("/transcripts/" + otherCandidate + "/share-codes/" + code).then().statusCode(404);
        given().when().get("/shared-transcripts/" + code).then().statusCode(200);
    }

    @Test
    void examProviderCannotManageShareCodes() throws Exception {
        String candidate = candidateWithAPass(examCode());
        String code = create(TestTokens.ops(), candidate, "{}").then().statusCode(201).extract().path("code");
        String provider = TestTokens.examProvider();
        create(provider, candidate, "{}").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(provider).when().get("/transcripts/" + candidate + "/share-codes")
                .then().statusCode(404).contentType(PROBLEM).body("code", equalTo(null));
        given().auth().oauth2(provider).when().delete("/transcripts/" + candidate + "/share-codes/" + code)
                .then().statusCode(404).contentType(PROBLEM);
        // nothing created, nothing revoked
        given().auth().oauth2(TestTokens.ops()).when().get("/transcripts/" + candidate + "/share-codes")
                .then().statusCode(200).header("X-Total-Count", "1").body("[0].status", equalTo("ACTIVE"));
        given().when().get("/shared-transcripts/" + code).then().statusCode(200);
    }

    @Test
    void badExpiriesAndHostileCodesAnswer4xxProblems() throws Exception {
        String candidate = unique("cand-");
        String own = TestTokens.employee(candidate, null);
        create(own, candidate, "{\"expiresAt\":\"" + Instant.now().minusSeconds(60) + "\"}").then().statusCode(400).contentType(PROBLEM);
        create(own, candidate, "{\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(2000)) + "\"}").then().statusCode(400);
        create(own, candidate, "{\"expiresAt\":\"tomorrow\"}").then().statusCode(400).contentType(PROBLEM);
        create(own, candidate, "[]").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(own).when().get("/transcripts/" + candidate + "/share-codes").then().statusCode(200)
                .body("$", hasSize(0));

        given().when().get("/shared-transcripts/AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404).contentType(PROBLEM);
        for (String hostile : new String[] { "x".repeat(300), "..", "%2e%2e", "a..b", "%2E%2E%2Ftranscripts", "1%00", "'%20OR%201=1" }) {
            int status = given().urlEncodingEnabled(false).when().get("/shared-transcripts/" + hostile).then().extract().statusCode();
            assertTrue(status >= 400 && status < 500, hostile + " answered " + status);
        }
        String longId = "c".repeat(300);
        create(TestTokens.ops(), longId, "{}").then().statusCode(400).contentType(PROBLEM); // ids are length-bounded everywhere
    }
}
