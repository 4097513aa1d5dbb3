package io.partnerhub.certification.delivery;

import static io.partnerhub.certification.holding.TestSupport.awaitEvents;
import static io.partnerhub.certification.holding.TestSupport.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.certification.holding.TestSupport;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** C6 through the running service: an online assessment taken with the same engine; a pass publishes assessment.passed.v1. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class OnlineAssessmentTest {

    @Test
    void aPassedOnlineAssessmentPublishesAssessmentPassedOnceAndKeepsTheRevisionItWasDrawnAt() throws Exception {
        String assessment = unique("assess-");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(Map.of("id", assessment, "name", "Cloud adoption"))
                .when().post("/assessments").then().statusCode(201);
        Banks.fill("/assessments/" + assessment + "/questions", 12, "adopt");
        Banks.blueprint("/assessments/" + assessment + "/blueprint", 4, 10, "adopt").then().statusCode(200);
        String candidate = unique("cand-");
        String token = TestTokens.employee(candidate, null);

        Response attempt = given().auth().oauth2(token).contentType(ContentType.JSON)
                .when().post("/assessments/" + assessment + "/attempts");
        attempt.then().statusCode(201).body("kind", equalTo("ASSESSMENT")).body("assessmentId", equalTo(assessment))
                .body("questions", hasSize(4));
        String id = attempt.path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).when().post("/assessments/" + assessment + "/attempts")
                .then().statusCode(409).body("type", endsWith("/attempt-open"));

        // ops change every question meanwhile: the attempt keeps what it drew and is scored on it
        List<Map<String, Object>> bank = given().auth().oauth2(TestTokens.ops()).queryParam("size", 100)
                .when().get("/assessments/" + assessment + "/questions").path("$");
        for (Map<String, Object> question : bank) {
            given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(Banks.question("adopt", 500, 500))
                    .when().put("/assessments/" + assessment + "/questions/" + question.get("id")).then().statusCode(200);
        }
        given().auth().oauth2(token).when().get("/assessment-attempts/" + id).then().body("questions[0].text", equalTo(attempt.path("questions[0].text")));

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("answers", Banks.answers(attempt, 3)))
                .when().post("/assessment-attempts/" + id + "/submission").then().statusCode(200)
                .body("passed", equalTo(true)).body("percentage", equalTo(75.0f)).body("renewed", equalTo(false));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/assessment-attempts/" + id + "/submission").then().statusCode(200).body("percentage", equalTo(75.0f));

        List<JsonNode> events = awaitEvents(candidate, 1);
        assertEquals(List.of("io.partnerhub.assessment.passed.v1"), TestSupport.types(events));
        assertEquals(assessment, events.get(0).at("/data/assessmentId").asText());
        given().auth().oauth2(token).when().get("/transcripts/" + candidate).then().statusCode(200)
                .body("passedAssessments.assessmentId", equalTo(List.of(assessment)));
    }
}
