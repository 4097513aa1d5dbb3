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

    @AfterEach
    void resetClocks() {
        RunningSuite.moveClocks("PT0S");
    }



}
