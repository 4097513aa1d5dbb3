package io.partnerhub.certification.delivery;

import static io.partnerhub.certification.holding.TestSupport.awaitEvents;
import static io.partnerhub.certification.holding.TestSupport.earn;
import static io.partnerhub.certification.holding.TestSupport.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.certification.holding.TestSupport;
import io.partnerhub.certification.holding.TestSupport.Earned;
import io.partnerhub.chassis.time.AdjustableClock;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Issue 21 through the running service: the renewal assessment delivered, answered, scored, swept, and who may do what. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class RenewalAssessmentTest {

    static final String PROBLEM = TestKit.PROBLEM_JSON;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A holding whose certification has a bank (15 per area) and a blueprint (10 questions, 20 min), in its window. */
    record Ready(Earned holding, String token) {
    }

    Ready readyToRenew() throws Exception {
        Earned holding = earn("ASSOCIATE");
        Banks.fill("/certifications/" + holding.certificationId() + "/renewal-questions", 15, "design", "secure");
        Banks.blueprint("/certifications/" + holding.certificationId() + "/renewal-blueprint", 10, 20, "design", "secure")
                .then().statusCode(200);
        clock.advance(Duration.between(clock.instant(), holding.expiresAt().minus(Duration.ofDays(100))));
        return new Ready(holding, TestTokens.employee(holding.candidateId(), null));
    }

    static Response start(String token, String holdingId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .when().post("/certification-holdings/" + holdingId + "/renewal-assessments");
    }

    static Response submit(String token, String attemptId, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/assessment-attempts/" + attemptId + "/submission");
    }

    static Response holding(Earned holding) {
        return given().auth().oauth2(TestTokens.ops()).when().get("/certification-holdings/" + holding.holdingId());
    }

    @Test
    void anEmployeesOwnPassIsRefusedAndExtendsNothingWhileOpsKeepASupportOverrideWithAReason() throws Exception {
        Ready ready = readyToRenew();
        String holdingId = ready.holding().holdingId();
        given().auth().oauth2(ready.token()).contentType(ContentType.JSON).body("{\"passed\":true}")
                .when().post("/certification-holdings/" + holdingId + "/renewal-attempts")
                .then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("/certification-holdings/" + holdingId + "/renewal-assessments"))
                .body("renewalAssessments", equalTo("/certification-holdings/" + holdingId + "/renewal-assessments"));
        holding(ready.holding()).then().body("expiresAt", equalTo(ready.holding().expiresAt().toString()));

        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"passed\":true}")
                .when().post("/certification-holdings/" + holdingId + "/renewal-attempts")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"passed\":true,\"reason\":\"LMS outage, ticket 4711\"}")
                .when().post("/certification-holdings/" + holdingId + "/renewal-attempts").then().statusCode(201);
        Instant renewed = ready.holding().expiresAt().atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
        holding(ready.holding()).then().body("expiresAt", equalTo(renewed.toString()));
    }

    @Test
    void aFullAttemptRenewsExactlyOnceWhenSubmittedTwiceAtOnce() throws Exception {
        Ready ready = readyToRenew();
        Response attempt = start(ready.token(), ready.holding().holdingId());
        attempt.then().statusCode(201).body("status", equalTo("IN_PROGRESS")).body("questions", hasSize(10));
        String attemptId = attempt.path("id");
        start(ready.token(), ready.holding().holdingId()).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/attempt-open")).body("attemptId", equalTo(attemptId));
        Map<String, Object> body = Map.of("answers", Banks.answers(attempt, 10));

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Response>> submissions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            submissions.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return submit(ready.token(), attemptId, body);
            }));
        }
        Instant renewed = ready.holding().expiresAt().atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
        for (CompletableFuture<Response> submission : submissions) {
            submission.get().then().statusCode(200).body("passed", equalTo(true)).body("renewed", equalTo(true))
                    .body("percentage", equalTo(100.0f)).body("expiresAt", equalTo(renewed.toString()))
                    .body("wrongAnswers", hasSize(0)).body("skillAreas.rating", equalTo(List.of("STRONG", "STRONG")));
        }
        holding(ready.holding()).then().body("expiresAt", equalTo(renewed.toString()));
        List<JsonNode> events = awaitEvents(ready.holding().candidateId(), 2);
        assertEquals(List.of("io.partnerhub.certification.earned.v1", "io.partnerhub.certification.renewed.v1"),
                TestSupport.types(events));
    }

    @Test
    void wrongAnswersShowNeedsImprovementPerSkillAreaAndLeaveTheExpiry() throws Exception {
        Ready ready = readyToRenew();
        Response attempt = start(ready.token(), ready.holding().holdingId());
        submit(ready.token(), attempt.path("id"), Map.of("answers", Banks.answers(attempt, 0)))
                .then().statusCode(200).body("passed", equalTo(false)).body("renewed", equalTo(false))
                .body("percentage", equalTo(0.0f)).body("wrongAnswers", hasSize(10))
                .body("skillAreas.rating", equalTo(List.of("NEEDS_IMPROVEMENT", "NEEDS_IMPROVEMENT")))
                .body("expiresAt", equalTo(ready.holding().expiresAt().toString()));
        holding(ready.holding()).then().body("expiresAt", equalTo(ready.holding().expiresAt().toString()));
        // a failed attempt is closed: a new one may start (C3a: the wait comes only after the second)
        start(ready.token(), ready.holding().holdingId()).then().statusCode(201);
    }

    @Test
    void noCandidateFacingAnswerCarriesACorrectOptionOrAnExplanation() throws Exception {
        Ready ready = readyToRenew();
        String token = ready.token();
        Response started = start(token, ready.holding().holdingId());
        String id = started.path("id");
        List<Map<String, Object>> answers = Banks.answers(started, 6);
        List<Response> candidateFacing = new ArrayList<>(List.of(started,
                given().auth().oauth2(token).when().get("/assessment-attempts/" + id),
                given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("optionIds", answers.get(0).get("optionIds")))
                        .when().put("/assessment-attempts/" + id + "/answers/1")));
        candidateFacing.add(submit(token, id, Map.of("answers", answers)));
        candidateFacing.add(given().auth().oauth2(token).when().get("/assessment-attempts"));
        candidateFacing.add(given().auth().oauth2(token).when().get("/assessment-attempts/" + id + "/report"));
        candidateFacing.add(given().auth().oauth2(token).when().get("/assessment-attempts/" + id));
        for (Response response : candidateFacing) {
            assertEquals(200, response.statusCode() == 201 ? 200 : response.statusCode(), response.asString());
            assertNoAnswers(TestSupport.JSON.readTree(response.asString()), "$");
        }
        assertEquals(6, (int) candidateFacing.get(3).path("skillAreas.correct.sum()"));
    }

    /** Field by field: no explanation anywhere, options only {id, text}, a "correct" member only as a count of a skill area. */
    static void assertNoAnswers(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertNoAnswers(node.get(i), path + "[" + i + "]");
            }
            return;
        }
        if (!node.isObject()) {
            assertFalse(node.asText().startsWith("EXPLANATION-"), path + " carries an explanation");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path + "." + field.getKey();
            assertFalse(field.getKey().equalsIgnoreCase("explanation"), at);
            if (field.getKey().equals("correct")) {
                assertTrue(field.getValue().isInt() && path.contains(".skillAreas["), at + " may only count a skill area's right answers");
            }
            if (field.getKey().equals("options")) {
                field.getValue().forEach(option -> assertEquals(List.of("id", "text"), iterate(option.fieldNames()), at));
            }
            assertNoAnswers(field.getValue(), at);
        }
    }

    static List<String> iterate(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void anotherCandidatesAttemptIs404() throws Exception {
        Ready ready = readyToRenew();
        String id = start(ready.token(), ready.holding().holdingId()).path("id");
        String stranger = TestTokens.employee(unique("cand-"), null);
        given().auth().oauth2(stranger).when().get("/assessment-attempts/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body("{\"optionIds\":[]}")
                .when().put("/assessment-attempts/" + id + "/answers/1").then().statusCode(404).contentType(PROBLEM);
        submit(stranger, id, "{}").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(stranger).when().get("/assessment-attempts/" + id + "/report").then().statusCode(404);
        given().auth().oauth2(stranger).when().get("/assessment-attempts").then().statusCode(200).body("$", hasSize(0));
        start(stranger, ready.holding().holdingId()).then().statusCode(404).contentType(PROBLEM);
        start(TestTokens.ops(), ready.holding().holdingId()).then().statusCode(403);
        given().auth().oauth2(ready.token()).when().get("/assessment-attempts/" + id).then().statusCode(200);
    }

    @Test
    void theSweepScoresAnAttemptPastItsDeadlineOnceTheClockMoves() throws Exception {
        Ready ready = readyToRenew();
        Response attempt = start(ready.token(), ready.holding().holdingId());
        String id = attempt.path("id");
        Instant deadline = Instant.parse(attempt.path("deadline"));
        assertEquals(Instant.parse(attempt.path("startedAt")).plus(Duration.ofMinutes(20)), deadline);
        List<Map<String, Object>> right = Banks.answers(attempt, 10);
        for (int i = 0; i < 7; i++) {
            given().auth().oauth2(ready.token()).contentType(ContentType.JSON).body(Map.of("optionIds", right.get(i).get("optionIds")))
                    .when().put("/assessment-attempts/" + id + "/answers/" + (i + 1)).then().statusCode(200);
        }
        given().auth().oauth2(ready.token()).when().get("/assessment-attempts/" + id + "/report")
                .then().statusCode(409).body("type", endsWith("/attempt-not-scored"));

        clock.advance(Duration.ofMinutes(21));
        given().auth().oauth2(ready.token()).contentType(ContentType.JSON).body(Map.of("optionIds", right.get(7).get("optionIds")))
                .when().put("/assessment-attempts/" + id + "/answers/8").then().statusCode(409).body("type", endsWith("/attempt-closed"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(ready.token())
                .when().get("/assessment-attempts/" + id).then().body("status", equalTo("SCORED")));
        Instant renewed = ready.holding().expiresAt().atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
        given().auth().oauth2(ready.token()).when().get("/assessment-attempts/" + id + "/report").then().statusCode(200)
                .body("percentage", equalTo(70.0f)).body("passed", equalTo(true)).body("wrongAnswers", hasSize(3))
                .body("renewed", equalTo(true)).body("expiresAt", equalTo(renewed.toString()));
        // unanswered counted wrong; the submission afterwards answers the same report
        submit(ready.token(), id, "{}").then().statusCode(200).body("percentage", equalTo(70.0f));
    }

    @Test
    void anAssessmentProviderReportsOnlyForAttemptsOpenedWithIt() throws Exception {
        Ready ready = readyToRenew();
        String lmsTest = TestTokens.token("assessment-provider", Map.of("system", "lms-test"));
        String lmsOther = TestTokens.token("assessment-provider", Map.of("system", "lms-other"));
        String result = "{\"resultId\":\"r-" + unique("") + "\",\"percentage\":81.5,\"passed\":true}";

        // an attempt delivered here: no provider reports for it
        String delivered = start(ready.token(), ready.holding().holdingId()).path("id");
        given().auth().oauth2(lmsTest).contentType(ContentType.JSON).body(result)
                .when().post("/assessment-attempts/" + delivered + "/external-result").then().statusCode(404).contentType(PROBLEM);
        submit(ready.token(), delivered, Map.of("answers", List.of())).then().statusCode(200).body("passed", equalTo(false));

        Response external = given().auth().oauth2(ready.token()).contentType(ContentType.JSON).body("{\"deliveredBy\":\"lms-test\"}")
                .when().post("/certification-holdings/" + ready.holding().holdingId() + "/renewal-assessments");
        external.then().statusCode(201).body("status", equalTo("EXTERNAL")).body("questions", hasSize(0));
        String id = external.path("id");
        for (String stranger : List.of(lmsOther, TestTokens.token("assessment-provider", Map.of("system", "lms-unknown")),
                TestTokens.token("assessment-provider", Map.of()))) {
            given().auth().oauth2(stranger).contentType(ContentType.JSON).body(result)
                    .when().post("/assessment-attempts/" + id + "/external-result").then().statusCode(404).contentType(PROBLEM);
        }
        given().auth().oauth2(TestTokens.examProvider()).contentType(ContentType.JSON).body(result)
                .when().post("/assessment-attempts/" + id + "/external-result").then().statusCode(403);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(result)
                .when().post("/assessment-attempts/" + id + "/external-result").then().statusCode(403);
        Instant renewed = ready.holding().expiresAt().atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(lmsTest).contentType(ContentType.JSON).body(result)
                    .when().post("/assessment-attempts/" + id + "/external-result").then().statusCode(200)
                    .body("passed", equalTo(true)).body("renewed", equalTo(true)).body("expiresAt", equalTo(renewed.toString()));
        }
        holding(ready.holding()).then().body("expiresAt", equalTo(renewed.toString()));
        given().auth().oauth2(ready.token()).contentType(ContentType.JSON).body("{\"deliveredBy\":\"lms-nobody\"}")
                .when().post("/certification-holdings/" + ready.holding().holdingId() + "/renewal-assessments")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void hostileInputAnswersAProblemNeverA500() throws Exception {
        Ready ready = readyToRenew();
        String token = ready.token();
        Response attempt = start(token, ready.holding().holdingId());
        String id = attempt.path("id");
        given().auth().oauth2(token).when().get("/assessment-attempts/" + "x".repeat(300)).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token).urlEncodingEnabled(false).when().get("/assessment-attempts/%00").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token).queryParam("page", 21474837).when().get("/assessment-attempts").then().statusCode(400).contentType(PROBLEM);
        for (String number : List.of("0", "11", "99999", "x".repeat(300), "-1")) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"optionIds\":[]}")
                    .when().put("/assessment-attempts/" + id + "/answers/" + number).then().statusCode(404).contentType(PROBLEM);
        }
        for (String body : List.of("{\"optionIds\":[\"not-an-option\"]}", "{\"optionIds\":[\"a\\u0000\"]}", "{}", "{\"optionIds\":\"x\"}")) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .when().put("/assessment-attempts/" + id + "/answers/1").then().statusCode(400).contentType(PROBLEM);
        }
        List<Map<String, Object>> questions = attempt.path("questions");
        List<String> two = ((List<Map<String, Object>>) questions.get(0).get("options")).stream().limit(2).map(o -> (String) o.get("id")).toList();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("optionIds", two))
                .when().put("/assessment-attempts/" + id + "/answers/1").then().statusCode(400).contentType(PROBLEM);
        submit(token, id, Map.of("answers", List.of(Map.of("number", 1, "optionIds", List.of("nope"))))).then().statusCode(400);
        given().auth().oauth2(token).when().get("/assessment-attempts/" + id).then().body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"deliveredBy\":\"" + "x".repeat(300) + "\"}")
                .when().post("/certification-holdings/" + ready.holding().holdingId() + "/renewal-assessments").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .when().post("/certification-holdings/" + "x".repeat(300) + "/renewal-assessments").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).when().get("/certifications/" + "x".repeat(300) + "/renewal-blueprint")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"explanation\":\"x\"}")
                .when().put("/certifications/" + ready.holding().certificationId() + "/renewal-questions/" + "x".repeat(300))
                .then().statusCode(400).contentType(PROBLEM);
        assertTrue(attempt.path("deadline") != null);
    }

    @Test
    void aBlueprintIsRefusedWhileTheBankHoldsFewerThanThreeTimesTheDrawOfASkillArea() throws Exception {
        Earned holding = earn("EXPERT");
        String questions = "/certifications/" + holding.certificationId() + "/renewal-questions";
        String blueprint = "/certifications/" + holding.certificationId() + "/renewal-blueprint";
        Banks.fill(questions, 15, "design");
        Banks.fill(questions, 14, "secure");
        Banks.blueprint(blueprint, 10, 20, "design", "secure").then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/bank-too-small")).body("skillArea", equalTo("secure"))
                .body("have", equalTo(14)).body("need", equalTo(15));
        given().auth().oauth2(TestTokens.ops()).when().get(blueprint).then().statusCode(404);
        Banks.fill(questions, 1, "secure");
        Banks.blueprint(blueprint, 10, 20, "design", "secure").then().statusCode(200).body("questionCount", equalTo(10));

        // retiring a question shrinks the bank: a start is refused the same way, and the holder is told so
        String first = given().auth().oauth2(TestTokens.ops()).queryParam("size", 100).when().get(questions)
                .then().header("X-Total-Count", "30").extract().path("find { it.skillArea == 'secure' }.id");
        given().auth().oauth2(TestTokens.ops()).when().post(questions + "/" + first + "/retirement")
                .then().statusCode(200).body("active", equalTo(false));
        clock.advance(Duration.between(clock.instant(), holding.expiresAt().minus(Duration.ofDays(10))));
        start(TestTokens.employee(holding.candidateId(), null), holding.holdingId()).then().statusCode(409)
                .body("type", endsWith("/bank-too-small")).body("skillArea", equalTo("secure"));

        // a change is a new revision; the shares must sum to 100
        Map<String, Object> changed = Banks.question("secure", 40, 2);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(changed).when().put(questions + "/" + first)
                .then().statusCode(200).body("revision", equalTo(2)).body("active", equalTo(false))
                .body("options.find { it.correct }.text", equalTo("42")).body("options[0].id", notNullValue());
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("skillAreas", List.of(Map.of("id", "design", "name", "Design", "share", 90))))
                .when().put(blueprint).then().statusCode(400).contentType(PROBLEM);
        List<Map<String, Object>> rows = List.of(Banks.question("design", 1, 1), Map.of("skillArea", "design", "kind", "SINGLE",
                "text", "two right", "explanation", "x", "options", List.of(Map.of("text", "a", "correct", true), Map.of("text", "b", "correct", true))));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(rows).when().post(questions + "/import")
                .then().statusCode(200).body("status", equalTo(List.of("created", "invalid")))
                .body("[1].problems[0]", containsString("exactly one correct option"));
        given().auth().oauth2(TestTokens.employee(holding.candidateId(), null)).when().get(questions).then().statusCode(403);
        given().auth().oauth2(TestTokens.ops()).when().get("/certifications/" + holding.certificationId() + "/renewal-blueprint")
                .then().statusCode(200).body("skillAreas.share", equalTo(List.of(50, 50)));
    }

    @Test
    void theStartWarnsWhenTheTimeLimitRunsPastTheExpiryAndASubmissionAfterItRenewsNothing() throws Exception {
        Ready ready = readyToRenew();
        clock.advance(Duration.between(clock.instant(), ready.holding().expiresAt().minus(Duration.ofMinutes(10))));
        Response attempt = start(ready.token(), ready.holding().holdingId());
        attempt.then().statusCode(201).body("warning", containsString(ready.holding().expiresAt().toString()));
        clock.advance(Duration.ofMinutes(15));
        submit(ready.token(), attempt.path("id"), Map.of("answers", Banks.answers(attempt, 10)))
                .then().statusCode(200).body("passed", equalTo(true)).body("renewed", equalTo(false));
        holding(ready.holding()).then().body("expiresAt", equalTo(ready.holding().expiresAt().toString()));
    }
}
