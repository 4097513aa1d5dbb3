package io.partnerhub.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;


/**
 * C2 → E3 → C4 across the real services: passing the deciding exam earns the certification, exam-service then refuses
 * to book that exam again while it is active, and once the clock passes its expiry the sweep expires it without any
 * request and the exam can be booked again.
 */
@ExtendWith(RunningSuite.class)
class CertificationLifecycleIT {

    @Test
    void passedExamEarnsTheCertificationWhichBlocksTheExamUntilItExpiresOnTime() {
        BookedExam booked = BookedExam.book("LC-", "lifecycle-associate-", "ASSOCIATE");
        String exam = booked.exam();
        String certification = booked.certification();
        String candidate = booked.candidate();
        RunningSuite.asPearsonVue().body(booked.result("LC-" + UUID.randomUUID(), 880))
                .post("/exam-results").then().statusCode(201).body("passed", equalTo(true));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                RunningSuite.api("ops", Map.of()).queryParam("candidateId", candidate).get("/certification-holdings")
                        .then().statusCode(200).body("certificationId", hasItem(certification))
                        .body("status", hasItem("ACTIVE")));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                RunningSuite.api("ops", Map.of()).queryParam("examCode", exam).get("/exam-candidates/{c}/eligibility", candidate)
                        .then().statusCode(200).body("eligible", equalTo(false))
                        .body("reason", equalTo("CERTIFICATION_ACTIVE")));

        RunningSuite.moveClocks("P400D"); // past the 12-month expiry: nobody asks, the sweep expires it
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                RunningSuite.api("ops", Map.of()).queryParam("candidateId", candidate).get("/certification-holdings")
                        .then().statusCode(200).body("status", hasItem("EXPIRED")));
        RunningSuite.api("ops", Map.of()).queryParam("examCode", exam).get("/exam-candidates/{c}/eligibility", candidate)
                .then().statusCode(200).body("eligible", equalTo(true));
        RunningSuite.asPearsonVue().body(Map.of("candidateId", candidate, "examCode", exam, "provider", "PEARSON_VUE",
                        "deliveryMode", "TEST_CENTER", "scheduledAt",
                        Instant.now().plus(Duration.ofDays(401)).truncatedTo(ChronoUnit.SECONDS).toString()))
                .post("/exam-registrations").then().statusCode(201);
    }

    /**
     * Issue 21: in the renewal window, the holder's own {passed:true} (with or without a reason) is refused with a 403
     * that points at the renewal assessment, through the gateway with the holder's real token, and the expiry stays.
     */
    @Test
    void theHoldersOwnPassedIsRefusedAndExtendsNothing() {
        BookedExam booked = BookedExam.book("SR-", "self-report-associate-", "ASSOCIATE");
        RunningSuite.asPearsonVue().body(booked.result("SR-" + UUID.randomUUID(), 880))
                .post("/exam-results").then().statusCode(201).body("passed", equalTo(true));
        Map<String, Object> holding = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                RunningSuite.api("ops", Map.of()).queryParam("candidateId", booked.candidate()).get("/certification-holdings")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$"), found -> found.size() == 1).get(0);
        String id = (String) holding.get("id");
        RunningSuite.moveClocks("P300D"); // inside the renewal window (it opens 180 days before the expiry)

        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("passed", true),
                Map.of("passed", true, "reason", "I passed, trust me"))) {
            RunningSuite.api("employee", Map.of("candidate", booked.candidate())).body(body)
                    .post("/certification-holdings/{id}/renewal-attempts", id).then().statusCode(403)
                    .contentType(org.hamcrest.Matchers.containsString("application/problem+json"))
                    .body("renewalAssessments", equalTo("/certification-holdings/" + id + "/renewal-assessments"));
        }
        RunningSuite.api("ops", Map.of()).get("/certification-holdings/{id}", id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("expiresAt", equalTo(holding.get("expiresAt")));
    }

    @AfterEach
    void resetClocks() {
        RunningSuite.moveClocks("PT0S");
    }
}
