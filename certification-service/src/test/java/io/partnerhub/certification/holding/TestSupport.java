package io.partnerhub.certification.holding;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import java.util.List;

import java.util.UUID;












import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;


import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.partnerhub.devstack.test.Topics;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What the certification tests do with the real broker, as other services would: publish exam-service's documented
 * exam.passed.v1 (raw CloudEvents on exam-events) and read what this service published on certification-events.
 */
public final class TestSupport {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Path EXAM_ASYNCAPI = Path.of("..", "exam-service", "src", "main", "resources", "asyncapi.yaml");

    private TestSupport() {
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh exam code, so that no other test's certification is earned with it. */
    public static String examCode() {
        return unique("X").toUpperCase();
    }

    public static String defineCertification(String level, String requiredExams, String prerequisites) {
        String id = unique("cert-");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","name":"Test %s","level":"%s","requiredExams":%s,"prerequisites":%s}"""
                        .formatted(id, id, level, requiredExams, prerequisites))
                .when().post("/certifications").then().statusCode(201);
        return id;
    }

    /** exam-service's example of exam.passed.v1, for this candidate, exam and a fresh event id and attempt. */
    public static ObjectNode examPassed(String candidateId, String examCode) throws Exception {
        return examPassed(candidateId, examCode, java.time.Instant.now().minusSeconds(60));
    }

    public static ObjectNode examPassed(String candidateId, String examCode, java.time.Instant takenAt) throws Exception {
        JsonNode asyncApi = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(EXAM_ASYNCAPI));
        ObjectNode event = (ObjectNode) asyncApi.at("/components/messages/examPassed/examples/0/payload").deepCopy();
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", candidateId);
        ((ObjectNode) event.get("data")).put("candidateId", candidateId).put("examCode", examCode)
                .put("attemptId", UUID.randomUUID().toString())
                .put("takenAt", takenAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        return event;
    }

    public static void publish(ObjectNode event) throws Exception {
        Topics.send(PartnerHubTestResource.kafkaBootstrapServers(), "exam-events", event.get("subject").asText(), JSON.writeValueAsString(event));
    }

    public static void pass(String candidateId, String examCode) throws Exception {
        publish(examPassed(candidateId, examCode));
    }

    /**
     * CloudEvents on certification-events keyed {@code key}, read from the beginning for up to {@code period} or until
     * {@code enough} of them; the sweep's renewal reminders (renewal-due.v1, published when a test moves the clock into
     * a renewal window) are left out: RenewalReminderTest reads them with {@link #renewalReminders}.
     */
    public static List<JsonNode> certificationEvents(String key, Duration period, int enough) {
        return read(key, period, enough, e -> !RENEWAL_DUE.equals(e.path("type").asText()));
    }

    static final String RENEWAL_DUE = "io.partnerhub.certification.renewal-due.v1";

    /** The renewal reminders keyed {@code key} (candidate id), read for up to {@code period} or until {@code enough}. */
    public static List<JsonNode> renewalReminders(String key, Duration period, int enough) {
        return read(key, period, enough, e -> RENEWAL_DUE.equals(e.path("type").asText()));
    }

    /** Reads the key's events again (about a second each time) until {@code enough} of the wanted ones or the period ends. */
    private static List<JsonNode> read(String key, Duration period, int enough, java.util.function.Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + period.toNanos();
        List<JsonNode> events;
        do {
            Duration slice = Duration.ofNanos(Math.min(Math.max(deadline - System.nanoTime(), 0), Duration.ofSeconds(1).toNanos()));
            events = Topics.read(PartnerHubTestResource.kafkaBootstrapServers(), "certification-events", key, slice,
                    Integer.MAX_VALUE).stream().map(TestSupport::parse).filter(wanted).toList();
        } while (events.size() < enough && System.nanoTime() < deadline);
        return events;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to 30 s for {@code count} events of the candidate, then reads 2 s more to catch any extra. */
    public static List<JsonNode> awaitEvents(String candidateId, int count) {
        List<JsonNode> events = certificationEvents(candidateId, Duration.ofSeconds(30), count);
        if (events.size() < count) {
            return events;
        }
        return certificationEvents(candidateId, Duration.ofSeconds(2), Integer.MAX_VALUE);
    }

    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    /** What {@link #earn} gives: a fresh candidate's new holding of a certification that one fresh exam earns. */
    public record Earned(String candidateId, String certificationId, String examCode, String holdingId, Instant expiresAt) {
    }

    /**
     * An exam pass that earns a certification: a fresh exam code, a certification of {@code level} that requires only
     * it, exam.passed.v1 of a fresh candidate on exam-events; waits (up to 30 s) for the holding and returns it.
     */
    public static Earned earn(String level) throws Exception {
        String exam = examCode();
        String certification = defineCertification(level, "[[\"%s\"]]".formatted(exam), "[]");
        String candidate = unique("cand-");
        pass(candidate, exam);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.ops())
                .queryParam("candidateId", candidate).when().get("/certification-holdings").then().body("$", hasSize(1)));
        Response holdings = given().auth().oauth2(TestTokens.ops()).queryParam("candidateId", candidate)
                .when().get("/certification-holdings");
        String expiresAt = holdings.path("[0].expiresAt");
        return new Earned(candidate, certification, exam, holdings.path("[0].id"),
                expiresAt == null ? null : Instant.parse(expiresAt));
    }
}
