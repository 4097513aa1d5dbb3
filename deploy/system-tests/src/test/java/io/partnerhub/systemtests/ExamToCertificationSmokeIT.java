package io.partnerhub.systemtests;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A candidate's pass travels from exam-service to certification-service over the real broker:
 * exam created → booked by the provider → passing result posted → the transcript lists the pass. Everything goes
 * through the gateway, with a fresh exam code and candidate each run.
 */
@ExtendWith(RunningSuite.class)
class ExamToCertificationSmokeIT {

    @Test
    void passedExamAppearsOnTheCandidatesTranscript() {
        String code = Programme.unique("AZ").toUpperCase(Locale.ROOT);
        Programme.ops()
                .body(Map.of("code", code, "title", "Azure Administrator", "passingScore", 700, "beta", false,
                        "deliveryModes", List.of("TEST_CENTER", "ONLINE_PROCTORED"), "providers", List.of("PEARSON_VUE"),
                        "skillsMeasured", List.of(
                                Map.of("area", "Manage Azure identities and governance", "weightMin", 20, "weightMax", 25),
                                Map.of("area", "Deploy and manage compute resources", "weightMin", 20, "weightMax", 25))))
                .when().post("/exams")
                .then().statusCode(201);

        String candidateId = UUID.randomUUID().toString();
        Instant scheduledAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        String registrationId = RunningSuite.bookAtTestCenter(candidateId, code, scheduledAt);

        // the exam is taken two days from now: move the services' clocks past it (not slept on)
        Programme.clockAt(Duration.parse("P2DT3H"));
        RunningSuite.asPearsonVue()
                .body(Map.of("providerResultId", "PV-" + UUID.randomUUID(), "registrationId", registrationId,
                        "score", 850, "takenAt", scheduledAt.plus(Duration.ofHours(2)).toString()))
                .when().post("/exam-results")
                .then().statusCode(201).body("passed", equalTo(true)).body("examCode", equalTo(code));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Response transcript = Programme.ops().when().get("/transcripts/" + candidateId);
            transcript.then().statusCode(200);
            assertTrue(containsPass(transcript.jsonPath().get("$"), code),
                    "transcript lists no passed " + code + " yet: " + transcript.asString());
        });
    }

    @AfterEach
    void resetClocks() {
        Programme.resetClock();
    }


    /** Anywhere in the transcript document: an object with examCode = code (and passed not false). */
    private static boolean containsPass(Object node, String code) {
        if (node instanceof Map<?, ?> map) {
            if (code.equals(map.get("examCode")) && !Boolean.FALSE.equals(map.get("passed"))) {
                return true;
            }
            return map.values().stream().anyMatch(v -> containsPass(v, code));
        }
        if (node instanceof List<?> list) {
            return list.stream().anyMatch(v -> containsPass(v, code));
        }
        return false;
    }
}
