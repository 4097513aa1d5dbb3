package io.partnerhub.exam.api;

import io.partnerhub.chassis.testing.ClockMovingTest;
import static io.partnerhub.exam.api.ExamApi.asOps;
import static io.partnerhub.exam.api.ExamApi.bookOk;
import static io.partnerhub.exam.api.ExamApi.booking;
import static io.partnerhub.exam.api.ExamApi.createExam;
import static io.partnerhub.exam.api.ExamApi.newCandidate;
import static io.partnerhub.exam.api.ExamApi.postResult;
import static io.partnerhub.exam.api.ExamApi.result;
import static io.partnerhub.exam.api.ExamApi.unique;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input never reaches a 500: the three reproduced through the gateway, and their relatives, answer 400 problem+json. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class BadInputTest extends ClockMovingTest {

    static final String PROBLEM = TestKit.PROBLEM_JSON;

    @Test
    void nulInAJsonStringOrAControlCharacterInTheUrlAnswers400InvalidCharacter() {
        String exam = unique("NUL-");
        createExam(exam, Map.of("title", "Line one\nline two\twith a tab")); // free text keeps line breaks and tabs
        String candidate = newCandidate();
        asOps().body("{\"examCode\":\"" + exam + "\\u0000\",\"expiresOn\":\"2099-01-01\"}")
                .post("/exam-candidates/{c}/vouchers", candidate).then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/invalid-character")).body("field", equalTo("examCode"));
        asOps().body(Map.of("examCode", exam, "expiresOn", "2099-01-01"))
                .post("/exam-candidates/{c}/vouchers", candidate + "\u0000").then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/invalid-character"));
        asOps().queryParam("examCode", exam + "\u001f").get("/exam-candidates/{c}/eligibility", candidate)
                .then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/invalid-character"));
        asOps().get("/exam-candidates/{c}/vouchers", candidate).then().statusCode(200).body("$", hasSize(0));
        asOps().get("/exams/{code}", exam).then().statusCode(200).body("title", equalTo("Line one\nline two\twith a tab"));
    }

    @Test
    void pageWhoseOffsetOverflowsAnIntIsRejected() {
        asOps().queryParam("page", 21474837).queryParam("size", 100).get("/exams").then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", endsWith("/validation-failed"))
                .body("violations.field", hasItem("page"));
        asOps().queryParam("page", "9223372036854775807").get("/exams").then().statusCode(400).contentType(PROBLEM);
        asOps().queryParam("page", -1).get("/exams").then().statusCode(400).contentType(PROBLEM);
        // beyond a long: the parameter cannot even be converted, still the client's mistake
        asOps().queryParam("page", "99999999999999999999").get("/exams").then().statusCode(400).contentType(PROBLEM);
        asOps().queryParam("size", "abc").get("/exams").then().statusCode(400).contentType(PROBLEM);
        asOps().queryParam("page", 100000).queryParam("size", 100).get("/exams").then().statusCode(200).body("$", hasSize(0));
        asOps().queryParam("page", 21474837).get("/exam-candidates/{c}/attempts", newCandidate()).then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem("page"));
    }

    @Test
    void scheduledAtInYear300000IsRejected() {
        String exam = createExam();
        Map<String, Object> body = booking(newCandidate(), exam, Instant.now());
        body.put("scheduledAt", "+300000-01-01T00:00:00Z");
        ExamApi.book(body).then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/validation-failed"))
                .body("violations[0].field", equalTo("scheduledAt"));
        body.put("scheduledAt", "+1000000001-01-01T00:00:00Z"); // beyond java.time: Jackson cannot parse it
        ExamApi.book(body).then().statusCode(400).contentType(PROBLEM);
        body.put("scheduledAt", 1e30); // epoch seconds beyond java.time
        ExamApi.book(body).then().statusCode(400).contentType(PROBLEM);
        body.put("scheduledAt", "1899-12-31T23:59:59Z");
        ExamApi.book(body).then().statusCode(400).contentType(PROBLEM).body("type", endsWith("/validation-failed"));
    }

    @Test
    void takenAtOutsideStorableYearsIsRejected() {
        String exam = createExam();
        String candidate = newCandidate();
        Instant at = inHours(1);
        String registration = bookOk(candidate, exam, at);
        clock.advance(Duration.ofHours(2));
        Map<String, Object> body = new java.util.HashMap<>(result(unique("PVUE-"), registration, 800, at));
        body.put("takenAt", "-290000-01-01T00:00:00Z");
        postResult(body).then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("takenAt"));
        ExamApi.attempts(candidate).then().body("$", hasSize(0));
    }

    @Test
    void datesOutsideStorableYearsAreRejected() {
        String exam = createExam();
        asOps().body(Map.of("retiresOn", "+300000-01-01")).post("/exams/{code}/retirement", exam).then().statusCode(400)
                .contentType(PROBLEM).body("violations[0].field", equalTo("retiresOn"));
        asOps().body(Map.of("examCode", exam, "expiresOn", "+10000-01-01")).post("/exam-candidates/{c}/vouchers", newCandidate())
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("expiresOn"));
        ExamApi.createExam(unique("B-"), Map.of()); // sanity: a normal exam is still created
        asOps().body(Map.of("code", unique("B-"), "title", "Beta", "beta", true, "liveOn", "+999999-01-01",
                        "deliveryModes", java.util.List.of("TEST_CENTER"), "providers", java.util.List.of("PSI")))
                .post("/exams").then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("liveOn"));
    }

    @Test
    void candidateIdOf300CharactersIsRejected() {
        String exam = createExam();
        String longId = "c".repeat(300);
        asOps().body(Map.of("examCode", exam, "expiresOn", "2099-01-01")).post("/exam-candidates/{c}/vouchers", longId)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/validation-failed"))
                .body("violations[0].field", equalTo("candidateId"));
        asOps().get("/exam-candidates/{c}/attempts", longId).then().statusCode(400).contentType(PROBLEM);
        asOps().get("/exam-candidates/{c}/vouchers", longId).then().statusCode(400).contentType(PROBLEM);
        asOps().queryParam("examCode", exam).get("/exam-candidates/{c}/eligibility", longId).then().statusCode(400).contentType(PROBLEM);
        asOps().queryParam("examCode", "X".repeat(300)).get("/exam-candidates/{c}/eligibility", newCandidate())
                .then().statusCode(400).contentType(PROBLEM);
        asOps().get("/exams/{code}", "A".repeat(300)).then().statusCode(400).contentType(PROBLEM);
        asOps().body(Map.of("retiresOn", "2099-01-01")).post("/exams/{code}/retirement", "A".repeat(300)).then().statusCode(400)
                .contentType(PROBLEM);
        asOps().body(booking(longId, exam, Instant.now().plus(Duration.ofDays(1)))).post("/exam-registrations")
                .then().statusCode(400).contentType(PROBLEM);
    }
}
