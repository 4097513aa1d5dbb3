package io.partnerhub.certification.assessment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.certification.holding.TestSupport;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** C6 assessments (catalogue, results, assessment.passed.v1) and the C7 transcript with holdings and assessments. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class AssessmentsAndTranscriptTest {

    static final String PROBLEM = TestKit.PROBLEM_JSON;

    static String defineAssessment() {
        String id = TestSupport.unique("assess-");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"Assessment " + id + "\"}")
                .when().post("/assessments").then().statusCode(201).body("id", equalTo(id));
        return id;
    }

    static String result(String candidate, String assessment, boolean passed, Instant takenAt) {
        return """
                {"candidateId":"%s","assessmentId":"%s","passed":%s,"takenAt":"%s"}""".formatted(candidate, assessment, passed, takenAt);
    }

    @Test
    void aPassedAssessmentIsPublishedOnceAndShownOnTheTranscriptWithHoldingsAndHistory() throws Exception {
        String assessment = defineAssessment();
        String candidate = TestSupport.unique("cand-");
        Instant takenAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(result(candidate, assessment, false, takenAt.minusSeconds(600)))
                .when().post("/assessment-results").then().statusCode(201).body("passed", equalTo(false));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(result(candidate, assessment, true, takenAt))
                .when().post("/assessment-results").then().statusCode(201).body("passed", equalTo(true));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(result(candidate, assessment, true, takenAt))
                .when().post("/assessment-results").then().statusCode(200); // the same result again: nothing new

        // a certification earned and then revoked: history
        String exam = TestSupport.examCode();
        String certification = TestSupport.defineCertification("ASSOCIATE", "[[\"%s\"]]".formatted(exam), "[]");
        String other = TestSupport.examCode();
        String active = TestSupport.defineCertification("SPECIALTY", "[[\"%s\"]]".formatted(other), "[]");
        TestSupport.pass(candidate, exam);
        TestSupport.pass(candidate, other);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.ops())
                .when().get("/transcripts/" + candidate).then().body("activeCertifications", hasSize(2)));
        String revoked = given().auth().oauth2(TestTokens.ops()).when().get("/transcripts/" + candidate)
                .path("activeCertifications.find { it.certificationId == '%s' }.id".formatted(certification));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"reason\":\"exam misconduct\"}")
                .when().post("/certification-holdings/" + revoked + "/revocation").then().statusCode(200);

        given().auth().oauth2(TestTokens.employee(candidate, null)).when().get("/transcripts/" + candidate)
                .then().statusCode(200)
                .body("activeCertifications.certificationId", contains(active))
                .body("history.certificationId", contains(certification))
                .body("history[0].status", equalTo("REVOKED"))
                .body("passedExams", hasSize(2))
                .body("passedAssessments.assessmentId", contains(assessment))
                .body("passedAssessments[0].passedAt", equalTo(takenAt.toString()));

        List<JsonNode> events = TestSupport.awaitEvents(candidate, 4);
        List<JsonNode> passed = events.stream().filter(e -> e.path("type").asText().equals("io.partnerhub.assessment.passed.v1")).toList();
        assertEquals(1, passed.size(), TestSupport.types(events).toString());
        assertEquals(assessment, passed.get(0).at("/data/assessmentId").asText());
        assertEquals(takenAt, Instant.parse(passed.get(0).at("/data/passedAt").asText()));
    }

    @Test
    void examProviderCannotReadTranscripts() throws Exception {
        String candidate = TestSupport.unique("cand-");
        TestSupport.pass(candidate, TestSupport.examCode());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.ops())
                .when().get("/transcripts/" + candidate).then().statusCode(200).body("passedExams", hasSize(1)));
        // DESIGN.md §6: a provider acts on its own registrations only; a transcript is 404 to it, as a foreign tenant's is
        for (String provider : List.of(TestTokens.examProvider("PEARSON_VUE"), TestTokens.examProvider("PSI"))) {
            given().auth().oauth2(provider).when().get("/transcripts/" + candidate)
                    .then().statusCode(404).contentType(PROBLEM).body("type", endsWith("/not-found"))
                    .body("passedExams", equalTo(null)).body("activeCertifications", equalTo(null));
        }
    }

    @Test
    void aCandidateIdLongerThanAnyCandidatesIsRefusedNotAnsweredWithAnEmptyTranscript() {
        given().auth().oauth2(TestTokens.ops()).when().get("/transcripts/" + "c".repeat(300))
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/validation-failed"));
    }

    @Test
    void nulInAJsonStringAnswers400InvalidCharacterWhileFreeTextKeepsLineBreaksAndTabs() {
        String assessment = defineAssessment();
        String ops = TestTokens.ops();
        String body = result("c-1\\u0000", assessment, true, Instant.now().minusSeconds(60));
        given().auth().oauth2(ops).contentType(ContentType.JSON).body(body)
                .when().post("/assessment-results").then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/invalid-character")).body("field", equalTo("candidateId"));
        given().auth().oauth2(ops).contentType(ContentType.JSON).body("{\"id\":\"a-nul\",\"name\":\"x\\u0000\"}")
                .when().post("/assessments").then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/invalid-character"));
        String id = TestSupport.unique("assess-");
        given().auth().oauth2(ops).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"Line one\\nline two\\twith a tab\"}")
                .when().post("/assessments").then().statusCode(201).body("name", equalTo("Line one\nline two\twith a tab"));
    }

    @Test
    void refusesBadResultsAndRolesThatMayNotCall() {
        String assessment = defineAssessment();
        String ops = TestTokens.ops();
        given().auth().oauth2(ops).contentType(ContentType.JSON).body("{\"id\":\"" + assessment + "\",\"name\":\"again\"}")
                .when().post("/assessments").then().statusCode(409).body("type", endsWith("/assessment-exists"));
        given().auth().oauth2(TestTokens.employee("c-1", null)).contentType(ContentType.JSON).body("{\"id\":\"x-y\",\"name\":\"x\"}")
                .when().post("/assessments").then().statusCode(403);
        given().auth().oauth2(TestTokens.employee("c-1", null)).contentType(ContentType.JSON)
                .body(result("c-1", assessment, true, Instant.now().minusSeconds(60)))
                .when().post("/assessment-results").then().statusCode(403);
        given().auth().oauth2(ops).contentType(ContentType.JSON).body(result("c-1", "no-such-assessment", true, Instant.now().minusSeconds(60)))
                .when().post("/assessment-results").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(ops).contentType(ContentType.JSON).body(result("c-1", assessment, true, Instant.now().plus(Duration.ofDays(2))))
                .when().post("/assessment-results").then().statusCode(400).contentType(PROBLEM);
        for (String takenAt : List.of("+300000-01-01T00:00:00Z", "300000-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "yesterday")) {
            given().auth().oauth2(ops).contentType(ContentType.JSON)
                    .body("{\"candidateId\":\"c-1\",\"assessmentId\":\"" + assessment + "\",\"passed\":true,\"takenAt\":\"" + takenAt + "\"}")
                    .when().post("/assessment-results").then().statusCode(400).contentType(PROBLEM);
        }
        given().auth().oauth2(ops).contentType(ContentType.JSON)
                .body(result("c".repeat(300), assessment, true, Instant.now().minusSeconds(60)))
                .when().post("/assessment-results").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.reporter()).queryParam("page", 21474837).when().get("/assessments").then().statusCode(400);
        given().auth().oauth2(TestTokens.reporter()).when().get("/assessments").then().statusCode(200);
    }
}
