package io.partnerhub.certification.transcript;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.Topics;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Publishes real CloudEvents to exam-events, as exam-service documents them in its asyncapi.yaml, and checks the
 * transcript. The test owns the producer: nothing here goes through the application's own Kafka code.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ExamPassedConsumerTest {

    private static final Path EXAM_ASYNCAPI = Path.of("..", "exam-service", "src", "main", "resources", "asyncapi.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void producer() {
        producer = Topics.producer(PartnerHubTestResource.kafkaBootstrapServers());
    }

    @AfterAll
    static void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    /** The producer's documented example of {@code messageName}, read from exam-service's asyncapi.yaml. */
    private static ObjectNode producerExample(String messageName) throws Exception {
        JsonNode asyncApi = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(EXAM_ASYNCAPI));
        return (ObjectNode) asyncApi.at("/components/messages/" + messageName + "/examples/0/payload").deepCopy();
    }

    private static void publish(ObjectNode event) throws Exception {
        producer.send(new ProducerRecord<>("exam-events", event.get("subject").asText(), JSON.writeValueAsString(event)))
                .get();
    }

    /** The example with a fresh candidate (and attempt) so that the test does not depend on earlier runs. */
    private static ObjectNode forCandidate(ObjectNode example, String candidateId) {
        example.put("subject", candidateId);
        ((ObjectNode) example.get("data")).put("candidateId", candidateId)
                .put("attemptId", UUID.randomUUID().toString());
        return example;
    }

    @Test
    void recordsThePassOfTheProducersExampleExactlyOnceWhenDeliveredTwice() throws Exception {
        ObjectNode passed = producerExample("examPassed");
        String candidateId = passed.at("/data/candidateId").asText();
        String attemptId = passed.at("/data/attemptId").asText();

        publish(passed);
        publish(passed); // the same event id again: a redelivery

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.ops())
                .when().get("/transcripts/" + candidateId)
                .then().statusCode(200)
                .body("candidateId", equalTo(candidateId))
                .body("passedExams", hasSize(1))
                .body("passedExams[0].examCode", equalTo(passed.at("/data/examCode").asText()))
                .body("passedExams[0].attemptId", equalTo(attemptId))
                .body("passedExams[0].score", equalTo(passed.at("/data/score").asInt()))
                .body("passedExams[0].takenAt", equalTo(passed.at("/data/takenAt").asText())));

        // a later event proves both copies were consumed before we look again
        ObjectNode marker = forCandidate(producerExample("examPassed"), candidateId);
        marker.put("id", UUID.randomUUID().toString());
        publish(marker);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.ops())
                .when().get("/transcripts/" + candidateId)
                .then().statusCode(200)
                .body("passedExams", hasSize(2))
                .body("passedExams.attemptId", org.hamcrest.Matchers.hasItem(attemptId)));
    }

    @Test
    void ignoresFailuresAndRecordsAnAttemptOnceEvenUnderANewEventId() throws Exception {
        String candidateId = "cand-" + UUID.randomUUID();
        ObjectNode failed = forCandidate(producerExample("examFailed"), candidateId);
        failed.put("id", UUID.randomUUID().toString());
        ObjectNode passed = forCandidate(producerExample("examPassed"), candidateId);
        passed.put("id", UUID.randomUUID().toString());
        ObjectNode republished = passed.deepCopy();
        republished.put("id", UUID.randomUUID().toString());
        ((ObjectNode) republished.get("data")).put("futureField", "ignored by a tolerant reader");

        publish(failed);
        publish(passed);
        publish(republished);
        ObjectNode later = forCandidate(producerExample("examPassed"), candidateId);
        later.put("id", UUID.randomUUID().toString());
        ((ObjectNode) later.get("data")).put("examCode", "AZ-305").put("takenAt", "2026-12-02T09:00:00Z");
        publish(later);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.ops())
                .when().get("/transcripts/" + candidateId)
                .then().statusCode(200)
                .body("passedExams", hasSize(2))
                .body("passedExams[0].attemptId", equalTo(passed.at("/data/attemptId").asText()))
                .body("passedExams[1].examCode", equalTo("AZ-305")));
    }

    @Test
    void showsAnEmployeeOnlyTheirOwnTranscript() {
        given().auth().oauth2(TestTokens.employee("cand-own", null))
                .when().get("/transcripts/cand-own")
                .then().statusCode(200)
                .body("candidateId", equalTo("cand-own"));
        given().auth().oauth2(TestTokens.employee("cand-own", null))
                .when().get("/transcripts/cand-someone-else")
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partnerAdmin("o-1"))
                .when().get("/transcripts/cand-own")
                .then().statusCode(403);
    }
}
