package io.partnerhub.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.specification.RequestSpecification;

/**
 * C2 → E3 → C4 across the real services: passing the deciding exam earns the certification, exam-service then refuses
 * to book that exam again while it is active, and once the clock passes its expiry the sweep expires it without any
 * request and the exam can be booked again.
 */
@ExtendWith(RunningSuite.class)
class CertificationLifecycleIT {

    private static final List<String> CLOCKED = List.of("exam-service", "certification-service");

    @Test
    void passedExamEarnsTheCertificationWhichBlocksTheExamUntilItExpiresOnTime() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        String exam = "LC-" + suffix;
        String certification = "lifecycle-associate-" + suffix.toLowerCase(Locale.ROOT);
        api("ops", Map.of())
                .body(Map.of("code", exam, "title", "Lifecycle administrator", "deliveryModes", List.of("TEST_CENTER"),
                        "providers", List.of("PEARSON_VUE"),
                        "skillsMeasured", List.of(Map.of("area", "Everything", "weightMin", 100, "weightMax", 100))))
                .post("/exams").then().statusCode(anyOf(is(201), is(409)));
        api("ops", Map.of())
                .body(Map.of("id", certification, "name", "Lifecycle Administrator Associate", "level", "ASSOCIATE",
                        "requiredExams", List.of(List.of(exam)), "prerequisites", List.of()))
                .post("/certifications").then().statusCode(anyOf(is(201), is(409)));

        String candidate = UUID.randomUUID().toString();
        Instant scheduledAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String registration = provider()
                .body(Map.of("candidateId", candidate, "examCode", exam, "provider", "PEARSON_VUE",
                        "deliveryMode", "TEST_CENTER", "scheduledAt", scheduledAt.toString()))
                .post("/exam-registrations").then().statusCode(201).extract().path("id");
        moveClocks("PT3H");
        provider().body(Map.of("providerResultId", "LC-" + UUID.randomUUID(), "registrationId", registration,
                        "score", 880, "takenAt", scheduledAt.plus(Duration.ofMinutes(30)).toString()))
                .post("/exam-results").then().statusCode(201).body("passed", equalTo(true));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                api("ops", Map.of()).queryParam("candidateId", candidate).get("/certification-holdings")
                        .then().statusCode(200).body("certificationId", hasItem(certification))
                        .body("status", hasItem("ACTIVE")));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                api("ops", Map.of()).queryParam("examCode", exam).get("/exam-candidates/{c}/eligibility", candidate)
                        .then().statusCode(200).body("eligible", equalTo(false))
                        .body("reason", equalTo("CERTIFICATION_ACTIVE")));

        moveClocks("P400D"); // past the 12-month expiry: nobody asks, the sweep expires it
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                api("ops", Map.of()).queryParam("candidateId", candidate).get("/certification-holdings")
                        .then().statusCode(200).body("status", hasItem("EXPIRED")));
        api("ops", Map.of()).queryParam("examCode", exam).get("/exam-candidates/{c}/eligibility", candidate)
                .then().statusCode(200).body("eligible", equalTo(true));
        provider().body(Map.of("candidateId", candidate, "examCode", exam, "provider", "PEARSON_VUE",
                        "deliveryMode", "TEST_CENTER", "scheduledAt",
                        Instant.now().plus(Duration.ofDays(401)).truncatedTo(ChronoUnit.SECONDS).toString()))
                .post("/exam-registrations").then().statusCode(201);
    }

    @AfterEach
    void resetClocks() {
        moveClocks("PT0S");
    }

    private static RequestSpecification provider() {
        return api("exam-provider", Map.of("provider", "PEARSON_VUE"));
    }

    private static RequestSpecification api(String role, Map<String, String> claims) {
        return given().baseUri(RunningSuite.service("gateway").baseUrl()).basePath("/api")
                .auth().oauth2(RunningSuite.stack().token(role, claims))
                .contentType("application/json").accept("application/json");
    }

    private static void moveClocks(String offset) {
        for (String service : CLOCKED) {
            RunningSuite.asOps(service).body(Map.of("offset", offset)).when().put("/admin/clock");
        }
    }
}
