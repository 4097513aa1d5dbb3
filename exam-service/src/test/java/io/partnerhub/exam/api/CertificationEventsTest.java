package io.partnerhub.exam.api;

import io.partnerhub.chassis.testing.ClockMovingTest;
import static io.partnerhub.exam.api.ExamApi.book;
import static io.partnerhub.exam.api.ExamApi.bookOk;
import static io.partnerhub.exam.api.ExamApi.booking;
import static io.partnerhub.exam.api.ExamApi.createExam;
import static io.partnerhub.exam.api.ExamApi.eligibility;
import static io.partnerhub.exam.api.ExamApi.newCandidate;
import static io.partnerhub.exam.api.ExamApi.postResult;
import static io.partnerhub.exam.api.ExamApi.result;
import static io.partnerhub.exam.api.ExamApi.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * exam-service learns holdings from certification-events, published here raw from certification-service's documented
 * examples (its asyncapi.yaml) with this test's candidate, holding and exam.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class CertificationEventsTest extends ClockMovingTest {

    static final Duration PROPAGATION = Duration.ofSeconds(30);

    void pass(String candidate, String exam) {
        Instant at = inHours(1);
        String registration = bookOk(candidate, exam, at);
        clock.advance(Duration.ofHours(2));
        postResult(result(unique("PVUE-"), registration, 900, at)).then().statusCode(201).body("passed", equalTo(true));
    }

    /** certification-service's own documentation of its events: the consumer reads what the producer publishes. */
    static final Path CERTIFICATION_ASYNCAPI = Path.of("..", "certification-service", "src", "main", "resources",
            "asyncapi.yaml");

    /** The {@code data} of example {@code index} of {@code message} in certification-service's asyncapi.yaml. */
    static ObjectNode producerExample(String message, int index) {
        try {
            JsonNode asyncApi = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(CERTIFICATION_ASYNCAPI));
            JsonNode data = asyncApi.at("/components/messages/" + message + "/examples/" + index + "/payload/data");
            if (!data.isObject()) {
                throw new IllegalStateException("no example " + index + " of " + message + " in " + CERTIFICATION_ASYNCAPI);
            }
            return (ObjectNode) data.deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The producer's example of certification.earned.v1, for this test's candidate, holding and exam. */
    static ObjectNode earned(String candidate, String holdingId, String exam, Instant expiresAt) {
        ObjectNode data = producerExample("certificationEarned", expiresAt == null ? 1 : 0);
        data.put("candidateId", candidate);
        data.put("holdingId", holdingId);
        data.putArray("examCodes").add(exam);
        if (expiresAt == null) {
            data.putNull("expiresAt");
        } else {
            data.put("expiresAt", expiresAt.toString());
        }
        data.put("someFutureField", "ignored by tolerant readers");
        return data;
    }

    /** The producer's example of certification.expired.v1 (reason EXPIRED) or certification.revoked.v1. */
    static ObjectNode ended(String candidate, String holdingId, String reason) {
        ObjectNode data = producerExample("EXPIRED".equals(reason) ? "certificationExpired" : "certificationRevoked", 0);
        data.put("candidateId", candidate);
        data.put("holdingId", holdingId);
        data.put("reason", reason);
        return data;
    }

    static ObjectNode renewed(String candidate, String holdingId, Instant expiresAt) {
        ObjectNode data = producerExample("certificationRenewed", 0);
        data.put("candidateId", candidate);
        data.put("holdingId", holdingId);
        data.put("expiresAt", expiresAt.toString());
        return data;
    }

    @Test
    void activeCertificationEarnedWithTheExamBlocksRebookingUntilItExpires() {
        String exam = createExam();
        String candidate = newCandidate();
        pass(candidate, exam);
        bookOk(candidate, exam, inHours(3)); // passed without a certification: may sit again
        String holding = UUID.randomUUID().toString();
        Instant expiresAt = inDays(365);

        String other = newCandidate();
        pass(other, exam);
        ExamEvents.publishCertificationEvent("io.partnerhub.certification.earned.v1", other, earned(other, holding, exam, expiresAt));
        await().atMost(PROPAGATION).untilAsserted(() -> eligibility(other, exam).then()
                .body("eligible", equalTo(false)).body("reason", equalTo("CERTIFICATION_ACTIVE"))
                .body("nextEligibleAt", equalTo(expiresAt.toString())));
        book(booking(other, exam, inHours(24))).then().statusCode(409)
                .body("type", endsWith("/retake-not-allowed"))
                .body("reason", equalTo("CERTIFICATION_ACTIVE"))
                .body("nextEligibleAt", equalTo(expiresAt.toString()));

        ExamEvents.publishCertificationEvent("io.partnerhub.certification.expired.v1", other, ended(other, holding, "EXPIRED"));
        await().atMost(PROPAGATION).untilAsserted(() -> eligibility(other, exam).then().body("eligible", equalTo(true)));
        bookOk(other, exam, inHours(24));
    }

    @Test
    void certificationThatNeverExpiresBlocksWithNoNextEligibleInstantUntilRevoked() {
        String exam = createExam();
        String candidate = newCandidate();
        pass(candidate, exam);
        String holding = UUID.randomUUID().toString();
        ExamEvents.publishCertificationEvent("io.partnerhub.certification.earned.v1", candidate, earned(candidate, holding, exam, null));
        await().atMost(PROPAGATION).untilAsserted(() -> eligibility(candidate, exam).then()
                .body("eligible", equalTo(false)).body("reason", equalTo("CERTIFICATION_ACTIVE")).body("nextEligibleAt", nullValue()));
        ExamEvents.publishCertificationEvent("io.partnerhub.certification.revoked.v1", candidate, ended(candidate, holding, "fraud"));
        await().atMost(PROPAGATION).untilAsserted(() -> eligibility(candidate, exam).then().body("eligible", equalTo(true)));
    }

    @Test
    void holdingPastItsExpiryByTheClockNoLongerBlocksEvenBeforeTheExpiredEvent() {
        String exam = createExam();
        String candidate = newCandidate();
        pass(candidate, exam);
        Instant expiresAt = inDays(2);
        ExamEvents.publishCertificationEvent("io.partnerhub.certification.earned.v1", candidate,
                earned(candidate, UUID.randomUUID().toString(), exam, expiresAt));
        await().atMost(PROPAGATION).untilAsserted(() -> eligibility(candidate, exam).then().body("eligible", equalTo(false)));
        // an appointment after the expiry can already be booked
        bookOk(candidate, exam, expiresAt.plus(Duration.ofHours(1)));
        clock.advance(Duration.ofDays(3));
        eligibility(candidate, exam).then().body("eligible", equalTo(true));
    }

    @Test
    void renewalSeenBeforeTheEarnedEventKeepsTheLaterExpiry() {
        String exam = createExam();
        String candidate = newCandidate();
        pass(candidate, exam);
        String holding = UUID.randomUUID().toString();
        Instant firstExpiry = inDays(365);
        Instant renewedExpiry = firstExpiry.plus(Duration.ofDays(365));
        ExamEvents.publishCertificationEvent("io.partnerhub.certification.renewed.v1", candidate,
                renewed(candidate, holding, renewedExpiry));
        ExamEvents.publishCertificationEvent("io.partnerhub.certification.earned.v1", candidate, earned(candidate, holding, exam, firstExpiry));
        await().atMost(PROPAGATION).untilAsserted(() -> eligibility(candidate, exam).then()
                .body("eligible", equalTo(false)).body("nextEligibleAt", equalTo(renewedExpiry.toString())));
    }
}
