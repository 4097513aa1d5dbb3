package io.partnerhub.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;


/**
 * One exam result can be followed by its trace id: posted through the gateway with a W3C {@code traceparent}, it is
 * recorded by exam-service and, through the outbox, Kafka and the inbox, earns a certification in
 * certification-service, and both services' logs carry that trace id on those lines.
 */
@ExtendWith(RunningSuite.class)
class TraceAcrossServicesIT {

    @Test
    void oneExamResultCarriesOneTraceIdThroughTheGatewayExamAndCertificationServices() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        String exam = "TR-" + suffix;
        String certification = "trace-fundamentals-" + suffix.toLowerCase(Locale.ROOT);
        RunningSuite.certificationOfOneExam(exam, certification, "FUNDAMENTALS");

        String candidate = UUID.randomUUID().toString();
        Instant scheduledAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String registration = RunningSuite.bookAtTestCenter(candidate, exam, scheduledAt);
        RunningSuite.moveClocks("PT3H");

        String traceId = HexFormat.of().formatHex(random(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(random(8)) + "-01";
        RunningSuite.asPearsonVue()
                .header("traceparent", traceparent)
                .body(Map.of("providerResultId", "TRACE-" + UUID.randomUUID(), "registrationId", registration,
                        "score", 900, "takenAt", scheduledAt.plus(Duration.ofMinutes(30)).toString()))
                .post("/exam-results").then().statusCode(201).body("passed", equalTo(true));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertTrue(logOf("exam-service").contains(traceId), "exam-service's log has no line with trace id " + traceId);
            assertTrue(logOf("certification-service").contains(traceId),
                    "certification-service's log has no line with trace id " + traceId);
        });
    }

    @AfterEach
    void resetClocks() {
        RunningSuite.moveClocks("PT0S");
    }



    private static String logOf(String service) throws IOException {
        Path log = RunningSuite.stack().home().resolve("logs").resolve(service + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }
}
