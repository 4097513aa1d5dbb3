package io.partnerhub.exam.api;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.partnerhub.devstack.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Calls of the exam API as a client makes them, with real tokens. */
final class ExamApi {

    private ExamApi() {
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String newCandidate() {
        return unique("cand-").toLowerCase();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification asOps() {
        return as(TestTokens.ops());
    }

    /** Pearson VUE, the provider of the exams {@link #createExam()} makes. */
    static RequestSpecification asProvider() {
        return asProvider("PEARSON_VUE");
    }

    static RequestSpecification asProvider(String provider) {
        return as(providerToken(provider));
    }

    static String providerToken(String provider) {
        return TestTokens.token("exam-provider", Map.of("provider", provider));
    }

    /** An ACTIVE exam with both delivery modes, by PEARSON_VUE, passing score 700. */
    static String createExam() {
        String code = unique("T-");
        createExam(code, Map.of());
        return code;
    }

    static Response createExam(String code, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("title", "Test exam " + code);
        body.put("deliveryModes", List.of("TEST_CENTER", "ONLINE_PROCTORED"));
        body.put("providers", List.of("PEARSON_VUE"));
        body.put("skillsMeasured", List.of(Map.of("area", "Manage identities", "weightMin", 20, "weightMax", 25)));
        body.putAll(overrides);
        Response response = asOps().body(body).post("/exams");
        response.then().statusCode(201);
        return response;
    }

    static Map<String, Object> booking(String candidateId, String examCode, Instant scheduledAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("candidateId", candidateId);
        body.put("examCode", examCode);
        body.put("provider", "PEARSON_VUE");
        body.put("deliveryMode", "TEST_CENTER");
        body.put("scheduledAt", scheduledAt.toString());
        return body;
    }

    static Response book(Map<String, Object> body) {
        return asProvider().body(body).post("/exam-registrations");
    }

    /** Books at a test center and returns the registration id (expects 201). */
    static String bookOk(String candidateId, String examCode, Instant scheduledAt) {
        return book(booking(candidateId, examCode, scheduledAt)).then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> result(String providerResultId, String registrationId, int score, Instant takenAt) {
        return Map.of("providerResultId", providerResultId, "registrationId", registrationId, "score", score,
                "takenAt", takenAt.toString());
    }

    static Response postResult(Map<String, Object> body) {
        return asProvider().body(body).post("/exam-results");
    }

    static Response attempts(String candidateId) {
        return asOps().get("/exam-candidates/{c}/attempts", candidateId);
    }

    static Response eligibility(String candidateId, String examCode) {
        return asOps().queryParam("examCode", examCode).get("/exam-candidates/{c}/eligibility", candidateId);
    }

    static Response issueVoucher(String candidateId, String examCode, LocalDate expiresOn) {
        return asOps().body(Map.of("examCode", examCode, "expiresOn", expiresOn.toString()))
                .post("/exam-candidates/{c}/vouchers", candidateId);
    }
}
