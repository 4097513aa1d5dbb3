package io.partnerhub.systemtests;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
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
        BookedExam booked = BookedExam.book("TR-", "trace-fundamentals-", "FUNDAMENTALS");

        String traceId = HexFormat.of().formatHex(random(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(random(8)) + "-01";
        RunningSuite.asPearsonVue()
                .header("traceparent", traceparent)
                .body(booked.result("TRACE-" + UUID.randomUUID(), 900))
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
