package io.partnerhub.exam.api;

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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.chassis.time.AdjustableClock;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** exam-service learns holdings from certification-events (published here raw, as certification-service does). */
@QuarkusTest
@QuarkusTestResource(PartnerHubTestResource.class)
class CertificationEventsTest {

    static final Duration PROPAGATION = Duration.ofSeconds(30);

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Instant inHours(long hours) {
        return clock.instant().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
    }

    void pass(String candidate, String exam) {
        Instant at = inHours(1);
        String registration = bookOk(candidate, exam, at);
        clock.advance(Duration.ofHours(2));
        postResult(result(unique("PVUE-"), registration, 900, at)).then().statusCode(201).body("passed", equalTo(true));
    }

    static ObjectNode earned(String candidate, String holdingId, String exam, Instant expiresAt) {
        ObjectNode data = ExamEvents.JSON.createObjectNode();
        data.put("candidateId", candidate);
        data.put("certificationId", "azure-administrator");
        data.put("holdingId", holdingId);
        data.put("level", "ASSOCIATE");
        data.putArray("examCodes").add(exam);
        data.put("earnedAt", Instant.now().toString());
        if (expiresAt == null) {
            data.putNull("expiresAt");
        } else {
            data.put("expiresAt", expiresAt.toString());
        }
        data.put("someFutureField", "ignored by tolerant readers");
        return data;
    }

    static ObjectNode ended(String candidate, String holdingId, String reason) {
        ObjectNode data = ExamEvents.JSON.createObjectNode();
        data.put("candidateId", candidate);
        data.put("certificationId", "azure-administrator");
        data.put("holdingId", holdingId);
        data.put("reason", reason);
        return data;
    }

    @Test
    void activeCertificationEarnedWithTheExamBlocksRebookingUntilItExpires() {
        String exam = createExam();
        String candidate = newCandidate();
        pass(candidate, exam);
        bookOk(candidate, exam, inHours(3)); // passed without a certification: may sit again
        String holding = UUID.randomUUID().toString();
        Instant expiresAt = clock.instant().plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);

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
        Instant expiresAt = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
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
        Instant firstExpiry = clock.instant().plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);
        Instant renewedExpiry = firstExpiry.plus(Duration.ofDays(365));
        ObjectNode renewed = ExamEvents.JSON.createObjectNode();
        renewed.put("candidateId", candidate);
        renewed.put("certificationId", "azure-administrator");
        renewed.put("holdingId", holding);
        renewed.put("expiresAt", renewedExpiry.toString());
        ExamEvents.publishCertificationEvent("io.partnerhub.certification.renewed.v1", candidate, renewed);
        ExamEvents.publishCertificationEvent("io.partnerhub.certification.earned.v1", candidate, earned(candidate, holding, exam, firstExpiry));
        await().atMost(PROPAGATION).untilAsserted(() -> eligibility(candidate, exam).then()
                .body("eligible", equalTo(false)).body("nextEligibleAt", equalTo(renewedExpiry.toString())));
    }
}
