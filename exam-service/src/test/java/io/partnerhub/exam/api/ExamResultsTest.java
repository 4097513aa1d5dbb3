package io.partnerhub.exam.api;

import io.partnerhub.chassis.testing.ClockMovingTest;
import static io.partnerhub.exam.api.ExamApi.asProvider;
import static io.partnerhub.exam.api.ExamApi.attempts;
import static io.partnerhub.exam.api.ExamApi.bookOk;
import static io.partnerhub.exam.api.ExamApi.booking;
import static io.partnerhub.exam.api.ExamApi.createExam;
import static io.partnerhub.exam.api.ExamApi.eligibility;
import static io.partnerhub.exam.api.ExamApi.newCandidate;
import static io.partnerhub.exam.api.ExamApi.postResult;
import static io.partnerhub.exam.api.ExamApi.result;
import static io.partnerhub.exam.api.ExamApi.unique;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ExamResultsTest extends ClockMovingTest {

    record Taken(String registrationId, Instant takenAt) {
    }

    /** Books an appointment an hour ahead, then moves the clock past it. */
    Taken bookAndSit(String candidateId, String examCode) {
        Instant at = inHours(1);
        String registrationId = bookOk(candidateId, examCode, at);
        clock.advance(Duration.ofHours(2));
        return new Taken(registrationId, at);
    }

    @Test
    void sameProviderResultTwiceGivesOneAttemptAndOneEvent() {
        String exam = createExam();
        String candidate = newCandidate();
        Taken taken = bookAndSit(candidate, exam);
        Map<String, Object> body = result(unique("PVUE-"), taken.registrationId(), 812, taken.takenAt());

        Map<String, Object> first = postResult(body).then().statusCode(201)
                .body("candidateId", equalTo(candidate))
                .body("examCode", equalTo(exam))
                .body("status", equalTo("SCORED"))
                .body("passed", equalTo(true))
                .extract().jsonPath().getMap("$");
        Map<String, Object> second = postResult(body).then().statusCode(200).extract().jsonPath().getMap("$");

        assertEquals(first, second);
        attempts(candidate).then().statusCode(200).body("$", hasSize(1));
        List<JsonNode> events = ExamEvents.await(candidate, 1);
        assertEquals(1, events.size(), "one event: " + events);
        JsonNode event = events.get(0);
        assertEquals("io.partnerhub.exam.passed.v1", event.path("type").asText());
        assertEquals("/exam-service", event.path("source").asText());
        assertEquals(candidate, event.path("subject").asText());
        assertEquals(first.get("attemptId"), event.path("data").path("attemptId").asText());
        assertEquals(812, event.path("data").path("score").asInt());
        assertEquals(taken.takenAt(), Instant.parse(event.path("data").path("takenAt").asText()));
    }

    @org.junit.jupiter.api.RepeatedTest(3)
    void concurrentDuplicateResultsAreRecordedOnce() throws Exception {
        String exam = createExam();
        String candidate = newCandidate();
        Taken taken = bookAndSit(candidate, exam);
        Map<String, Object> body = result(unique("PVUE-"), taken.registrationId(), 612, taken.takenAt());

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(pool.submit((Callable<Integer>) () -> postResult(body).statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> call : calls) {
            statuses.add(call.get());
        }
        pool.shutdown();

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one 201 among " + statuses);
        assertEquals(5, statuses.stream().filter(s -> s == 200).count(), "the others 200: " + statuses);
        attempts(candidate).then().body("$", hasSize(1));
        List<JsonNode> events = ExamEvents.await(candidate, 1);
        assertEquals(1, events.size(), "one event: " + events);
        assertEquals("io.partnerhub.exam.failed.v1", events.get(0).path("type").asText());
    }

    @Test
    void rejectsBookingWithin24HoursOfFirstFailure() {
        String exam = createExam();
        String candidate = newCandidate();
        Taken taken = bookAndSit(candidate, exam);
        postResult(result(unique("PVUE-"), taken.registrationId(), 640, taken.takenAt())).then().statusCode(201)
                .body("passed", equalTo(false));

        Instant nextEligible = taken.takenAt().plus(Duration.ofHours(24));
        ExamApi.book(booking(candidate, exam, nextEligible.minusSeconds(60))).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/retake-not-allowed"))
                .body("nextEligibleAt", equalTo(nextEligible.toString()))
                .body("reason", equalTo("FIRST_FAILURE_WAIT"))
                .body("attemptsInWindow", equalTo(1));
        bookOk(candidate, exam, nextEligible);

        List<JsonNode> events = ExamEvents.await(candidate, 1);
        assertEquals("io.partnerhub.exam.failed.v1", events.get(0).path("type").asText());
    }

    @Test
    void eligibilityTellsWhenTheNextAttemptIsAllowed() {
        String exam = createExam();
        String candidate = newCandidate();
        eligibility(candidate, exam).then().statusCode(200)
                .body("eligible", equalTo(true)).body("reason", nullValue()).body("attemptsInWindow", equalTo(0));

        Taken taken = bookAndSit(candidate, exam);
        postResult(result(unique("PVUE-"), taken.registrationId(), 300, taken.takenAt())).then().statusCode(201);
        eligibility(candidate, exam).then().statusCode(200)
                .body("eligible", equalTo(false))
                .body("nextEligibleAt", equalTo(taken.takenAt().plus(Duration.ofHours(24)).toString()))
                .body("reason", equalTo("FIRST_FAILURE_WAIT"))
                .body("attemptsInWindow", equalTo(1));

        clock.advance(Duration.ofHours(23));
        eligibility(candidate, exam).then().body("eligible", equalTo(true)).body("attemptsInWindow", equalTo(1));

        eligibility(candidate, unique("NOPE-")).then().statusCode(404).contentType("application/problem+json");
        ExamApi.asOps().get("/exam-candidates/{c}/eligibility", candidate).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void scoreOutsideOneToThousandIsRejectedAndNothingStored() {
        String exam = createExam();
        String candidate = newCandidate();
        Taken taken = bookAndSit(candidate, exam);
        for (int score : new int[] {0, 1001, -5}) {
            postResult(result(unique("PVUE-"), taken.registrationId(), score, taken.takenAt())).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        asProvider().body(Map.of("registrationId", taken.registrationId(), "score", 700)).post("/exam-results")
                .then().statusCode(400).contentType("application/problem+json");
        asProvider().body("{\"providerResultId\":\"x\",\"registrationId\":").post("/exam-results")
                .then().statusCode(400).contentType("application/problem+json");
        asProvider().body(Map.of("providerResultId", "x", "registrationId", "not-a-uuid", "score", 700, "takenAt", taken.takenAt().toString()))
                .post("/exam-results").then().statusCode(400).contentType("application/problem+json");
        asProvider().body(Map.of("providerResultId", "x", "registrationId", taken.registrationId(), "score", 700, "takenAt", "yesterday"))
                .post("/exam-results").then().statusCode(400).contentType("application/problem+json");
        postResult(result(unique("PVUE-"), java.util.UUID.randomUUID().toString(), 700, taken.takenAt())).then().statusCode(404)
                .contentType("application/problem+json");
        postResult(result(unique("PVUE-"), taken.registrationId(), 700, clock.instant().plus(Duration.ofHours(1)))).then().statusCode(400)
                .contentType("application/problem+json");

        asProvider().body("{\"providerResultId\":\"" + "x".repeat(1024 * 1024) + "\"}").post("/exam-results")
                .then().statusCode(413).contentType("application/problem+json");

        attempts(candidate).then().body("$", hasSize(0));
        ExamApi.asOps().get("/exam-registrations/{id}", taken.registrationId()).then().body("status", equalTo("SCHEDULED"));
        // the boundaries themselves are valid scores
        postResult(result(unique("PVUE-"), taken.registrationId(), 1, taken.takenAt())).then().statusCode(201).body("passed", equalTo(false));
    }

    @Test
    void thousandIsAValidScore() {
        String exam = createExam();
        String candidate = newCandidate();
        Taken taken = bookAndSit(candidate, exam);
        postResult(result(unique("PVUE-"), taken.registrationId(), 1000, taken.takenAt())).then().statusCode(201).body("passed", equalTo(true));
        ExamApi.asOps().get("/exam-registrations/{id}", taken.registrationId()).then().body("status", equalTo("COMPLETED"));
    }

    @Test
    void passingScoreIsInclusive() {
        String exam = createExam();
        String candidate = newCandidate();
        Taken taken = bookAndSit(candidate, exam);
        postResult(result(unique("PVUE-"), taken.registrationId(), 700, taken.takenAt())).then().statusCode(201).body("passed", equalTo(true));
        Taken again = bookAndSit(candidate, exam); // passed without a certification: may sit again at once
        postResult(result(unique("PVUE-"), again.registrationId(), 699, again.takenAt())).then().statusCode(201).body("passed", equalTo(false));
    }

    @Test
    void resultForCancelledOrUnconfirmedRegistrationIsRejected() {
        String exam = createExam();
        String candidate = newCandidate();
        Instant at = inHours(1);
        String cancelled = bookOk(candidate, exam, at);
        ExamApi.asProvider().post("/exam-registrations/{id}/cancellation", cancelled).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        Map<String, Object> online = booking(candidate, exam, at);
        online.put("deliveryMode", "ONLINE_PROCTORED");
        String unconfirmed = ExamApi.book(online).then().statusCode(201).body("status", equalTo("AWAITING_SYSTEM_CHECK"))
                .extract().path("id");
        clock.advance(Duration.ofHours(2));

        postResult(result(unique("PVUE-"), cancelled, 800, at)).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/registration-cancelled"));
        postResult(result(unique("PVUE-"), unconfirmed, 800, at)).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/registration-not-confirmed"));
        attempts(candidate).then().body("$", hasSize(0));
        assertEquals(0, ExamEvents.within(candidate, Duration.ofSeconds(2)).size());
    }

    @Test
    void onlyExamProvidersAndOpsPostResults() {
        Map<String, Object> body = result("x", java.util.UUID.randomUUID().toString(), 700, Instant.now());
        ExamApi.as(io.partnerhub.devstack.test.TestTokens.employee("c1", "o1")).body(body).post("/exam-results").then().statusCode(403);
        ExamApi.as(io.partnerhub.devstack.test.TestTokens.reporter()).body(body).post("/exam-results").then().statusCode(403);
        io.restassured.RestAssured.given().contentType(ContentType.JSON).body(body).post("/exam-results").then().statusCode(401);
    }
}
