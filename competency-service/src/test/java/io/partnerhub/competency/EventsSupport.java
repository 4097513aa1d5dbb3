package io.partnerhub.competency;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.partnerhub.devstack.test.Topics;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * What the competency tests do with the real broker, as the producers would: raw CloudEvents on membership-events and
 * certification-events, built from the producers' asyncapi.yaml examples (DESIGN §3); and reading what this
 * service published on competency-events.
 */
public final class EventsSupport {

    public static final ObjectMapper JSON = new ObjectMapper();
    static final Path CERTIFICATION_ASYNCAPI = Path.of("..", "certification-service", "src", "main", "resources", "asyncapi.yaml");
    static final Path MEMBERSHIP_ASYNCAPI = Path.of("..", "membership-service", "src", "main", "resources", "asyncapi.yaml");

    private EventsSupport() {
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    /**
     * A competency whose version in effect from today asks: silver 2 people holding {@code cert}; gold 3 people + REVENUE
     * ≥ 1000. {@code cert} is put in the certification catalogue first (certification.defined.v1).
     */
    public static String defineCompetency(String cert) throws Exception {
        String id = unique("comp-");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"Test " + id + "\"}").post("/competencies").then().statusCode(201);
        catalogue(cert);
        defineVersion(id, """
                {"version":"v1","effectiveFrom":"%s",
                 "silver":{"paths":[{"requirements":[{"kind":"SKILL","individuals":2,"anyOf":["%s"]}]}]},
                 "gold":{"paths":[{"requirements":[{"kind":"SKILL","individuals":3,"anyOf":["%s"]},
                                                   {"kind":"PERFORMANCE","metric":"REVENUE","threshold":1000}]}]}}"""
                .formatted(today(), cert, cert)).statusCode(201);
        return id;
    }

    /**
     * Puts each credential (a certification id or {@code assessment:<id>}) in the certification catalogue as
     * certification-service would: its example of certification.defined.v1 / assessment.defined.v1 on
     * certification-events. The consumer applies it within milliseconds; {@link #defineVersion} waits for that.
     */
    public static void catalogue(String... credentials) throws Exception {
        for (String credential : credentials) {
            certification(credential.startsWith("assessment:")
                    ? assessmentDefined(credential.substring("assessment:".length()), "Assessment " + credential)
                    : certificationDefined(credential, "Certification " + credential));
        }
    }

    public static ObjectNode certificationDefined(String certificationId, String name) throws Exception {
        ObjectNode event = example(CERTIFICATION_ASYNCAPI, "certificationDefined", certificationId);
        data(event).put("certificationId", certificationId).put("name", name);
        return event;
    }

    public static ObjectNode assessmentDefined(String assessmentId, String name) throws Exception {
        ObjectNode event = example(CERTIFICATION_ASYNCAPI, "assessmentDefined", assessmentId);
        data(event).put("assessmentId", assessmentId).put("name", name);
        return event;
    }

    /**
     * POSTs a requirement version as ops, again while the answer is 400 unknown-credential (a certification.defined
     * event on its way) for up to 30 s; the last answer.
     */
    public static ValidatableResponse defineVersion(String competencyId, String body) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).atMost(Duration.ofSeconds(30)).until(() -> {
                Response response = given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(body)
                        .post("/competencies/{id}/requirement-versions", competencyId);
                last.set(response);
                return response.statusCode() != 400 || !response.asString().contains("/unknown-credential");
            });
        } catch (ConditionTimeoutException stillUnknown) {
            // the last answer (400 unknown-credential) is the caller's to assert
        }
        return last.get().then();
    }

    static ObjectNode example(Path asyncApi, String message) throws Exception {
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(asyncApi));
        JsonNode example = document.at("/components/messages/" + message + "/examples/0/payload");
        if (example.isMissingNode()) {
            throw new IllegalStateException(message + " has no example in " + asyncApi);
        }
        ObjectNode event = (ObjectNode) example.deepCopy();
        event.put("id", UUID.randomUUID().toString());
        event.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        return event;
    }

    /** The example of {@code message} (a new id and time) about {@code subject}, the record key; its data to fill in. */
    static ObjectNode example(Path asyncApi, String message, String subject) throws Exception {
        ObjectNode event = example(asyncApi, message);
        event.put("subject", subject);
        return event;
    }

    static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    /** membership-service's example of organization.registered.v1 for this organisation. */
    public static ObjectNode organizationRegistered(String organizationId) throws Exception {
        ObjectNode event = example(MEMBERSHIP_ASYNCAPI, "organizationRegistered", organizationId);
        data(event).put("organizationId", organizationId);
        return event;
    }

    /**
     * membership-service's example of employee.joined.v1 ({@code change} "joined") or employee.left.v1 ("left", with
     * {@code reason}) for this candidate in this organisation. As membership publishes them, the subject (and record
     * key) is the candidate id, so that a move's left and joined stay in order.
     */
    public static ObjectNode employee(String change, String organizationId, String candidateId, String reason)
            throws Exception {
        ObjectNode event = example(MEMBERSHIP_ASYNCAPI, switch (change) {
            case "joined" -> "employeeJoined";
            case "left" -> "employeeLeft";
            default -> throw new IllegalArgumentException("no employee." + change + " event");
        }, candidateId);
        ObjectNode data = data(event).put("organizationId", organizationId)
                .put("userId", UUID.nameUUIDFromBytes(candidateId.getBytes(StandardCharsets.UTF_8)).toString())
                .put("candidateId", candidateId);
        if (reason != null) {
            data.put("reason", reason);
        }
        return event;
    }

    /** membership-service's example of performance.reported.v1: this figure for the month ending {@code periodEnd}. */
    public static ObjectNode performance(String organizationId, String metric, long value, LocalDate periodEnd)
            throws Exception {
        ObjectNode event = example(MEMBERSHIP_ASYNCAPI, "performanceReported", organizationId);
        data(event).put("organizationId", organizationId).put("metric", metric).put("value", value)
                .put("periodStart", periodEnd.minusMonths(1).plusDays(1).toString()).put("periodEnd", periodEnd.toString());
        return event;
    }

    /** {@link #performance(String, String, long, LocalDate)} reported by {@code source}. */
    public static ObjectNode performance(String organizationId, String metric, long value, LocalDate periodEnd, String source)
            throws Exception {
        ObjectNode event = performance(organizationId, metric, value, periodEnd);
        data(event).put("source", source);
        return event;
    }

    /** certification-service's example of certification.earned.v1 for this candidate and certification, a new holding. */
    public static ObjectNode earned(String candidateId, String certificationId, Instant expiresAt) throws Exception {
        ObjectNode event = example(CERTIFICATION_ASYNCAPI, "certificationEarned", candidateId);
        data(event).put("candidateId", candidateId).put("certificationId", certificationId)
                .put("holdingId", UUID.randomUUID().toString()).put("expiresAt", expiresAt.toString());
        return event;
    }

    /** certification-service's example of certification.expired.v1 (or revoked) for this holding. */
    public static ObjectNode ended(String message, String candidateId, String certificationId, String holdingId) throws Exception {
        ObjectNode event = example(CERTIFICATION_ASYNCAPI, message, candidateId);
        data(event).put("candidateId", candidateId).put("certificationId", certificationId)
                .put("holdingId", holdingId);
        return event;
    }

    public static ObjectNode assessmentPassed(String candidateId, String assessmentId) throws Exception {
        ObjectNode event = example(CERTIFICATION_ASYNCAPI, "assessmentPassed", candidateId);
        data(event).put("candidateId", candidateId).put("assessmentId", assessmentId);
        return event;
    }

    public static void publish(String topic, ObjectNode event) throws Exception {
        Topics.send(PartnerHubTestResource.kafkaBootstrapServers(), topic, event.get("subject").asText(), JSON.writeValueAsString(event));
    }

    public static void membership(ObjectNode event) throws Exception {
        publish("membership-events", event);
    }

    public static void certification(ObjectNode event) throws Exception {
        publish("certification-events", event);
    }

    /** Waits up to 30 s until ops reads the organisation's status in the competency (200) and {@code expect} holds of it. */
    public static void awaitStatus(String organizationId, String competencyId, Consumer<ValidatableResponse> expect) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> expect.accept(given().auth().oauth2(TestTokens.ops())
                .get("/competency-status/{o}/{c}", organizationId, competencyId).then().statusCode(200)));
    }

    /** {@link #awaitStatus(String, String, Consumer)} until the status is there at all. */
    public static void awaitStatus(String organizationId, String competencyId) {
        awaitStatus(organizationId, competencyId, status -> {
        });
    }

    /** {@link #awaitStatus(String, String, Consumer)} until the status has this level and is (not) at risk. */
    public static void awaitStatus(String organizationId, String competencyId, String level, boolean atRisk) {
        awaitStatus(organizationId, competencyId, status -> status.body("level", equalTo(level)).body("atRisk", equalTo(atRisk)));
    }

    /** organization.registered for {@code organizationId}, then employee.joined for each candidate, in that order. */
    public static void organizationWithMembers(String organizationId, String... candidateIds) throws Exception {
        membership(organizationRegistered(organizationId));
        for (String candidateId : candidateIds) {
            membership(employee("joined", organizationId, candidateId, null));
        }
    }

    /** Sets the service's adjustable clock to now + {@code offset} (ISO-8601, "PT0S" resets it). */
    public static void clockOffset(String offset) {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"offset\":\"" + offset + "\"}")
                .put("/admin/clock").then().statusCode(200);
    }

    /** CloudEvents on competency-events keyed {@code key}, read from the beginning for up to {@code period}. */
    public static List<JsonNode> competencyEvents(String key, Duration period, int enough) {
        return Topics.read(PartnerHubTestResource.kafkaBootstrapServers(), "competency-events", key, period, enough).stream().map(EventsSupport::parse).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to 30 s for {@code count} events of the organisation, then reads 2 s more to catch any extra. */
    public static List<JsonNode> awaitEvents(String organizationId, int count) {
        List<JsonNode> events = competencyEvents(organizationId, Duration.ofSeconds(30), count);
        if (events.size() < count) {
            return events;
        }
        return competencyEvents(organizationId, Duration.ofSeconds(2), Integer.MAX_VALUE);
    }

    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    /**
     * The first reading of {@code clock} at least a millisecond after {@code previous}: the stamp of the next of a
     * series of events that the service orders by time (membership events), so no two share an instant.
     */
    public static Instant stampAfter(Supplier<Instant> clock, Instant previous) {
        return await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .atMost(Duration.ofSeconds(5)).until(clock::get, now -> !now.isBefore(previous.plusMillis(1)));
    }
}
