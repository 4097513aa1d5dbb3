package io.partnerhub.certification.holding;

import io.partnerhub.chassis.testing.ClockMovingTest;
import static io.partnerhub.certification.holding.TestSupport.awaitEvents;
import static io.partnerhub.certification.holding.TestSupport.defineCertification;
import static io.partnerhub.certification.holding.TestSupport.examCode;
import static io.partnerhub.certification.holding.TestSupport.examPassed;
import static io.partnerhub.certification.holding.TestSupport.pass;
import static io.partnerhub.certification.holding.TestSupport.publish;
import static io.partnerhub.certification.holding.TestSupport.types;
import static io.partnerhub.certification.holding.TestSupport.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.certification.events.ExamPassed;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** C2 earning and C4 expiry over the real broker: exam.passed.v1 in, certification events out. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class CertificationEarningTest extends ClockMovingTest {

    static final Duration PROPAGATION = Duration.ofSeconds(30);

    @Inject
    HoldingService holdingService;

    static ValidatableResponse holdings(String candidateId) {
        return given().auth().oauth2(TestTokens.ops()).queryParam("candidateId", candidateId)
                .when().get("/certification-holdings").then().statusCode(200);
    }

    @Test
    void passingTheDecidingExamTwiceYieldsExactlyOneHoldingAndOneEarnedEvent() throws Exception {
        String architect = examCode();
        String administrator = examCode();
        String developer = examCode();
        String certification = defineCertification("EXPERT",
                "[[\"%s\"],[\"%s\",\"%s\"]]".formatted(architect, administrator, developer), "[]");
        String candidate = unique("cand-");

        pass(candidate, architect);
        ObjectNode deciding = examPassed(candidate, administrator);
        publish(deciding);
        publish(deciding); // redelivery of the same event
        ObjectNode again = examPassed(candidate, developer); // a later pass that also meets the group: no second holding
        publish(again);
        pass(candidate, examCode()); // unrelated

        await().atMost(PROPAGATION).untilAsserted(() -> given().auth().oauth2(TestTokens.ops())
                .when().get("/transcripts/" + candidate).then().body("passedExams", hasSize(4)));
        holdings(candidate)
                .body("$", hasSize(1))
                .body("[0].certificationId", equalTo(certification))
                .body("[0].status", equalTo("ACTIVE"))
                .body("[0].level", equalTo("EXPERT"))
                .body("[0].examCodes", contains(architect, administrator))
                .body("[0].renewalOpensAt", notNullValue());

        List<JsonNode> events = awaitEvents(candidate, 1);
        assertEquals(List.of("io.partnerhub.certification.earned.v1"), types(events));
        JsonNode earned = events.get(0);
        assertEquals("/certification-service", earned.path("source").asText());
        assertEquals(candidate, earned.path("subject").asText());
        JsonNode data = earned.path("data");
        assertEquals(candidate, data.path("candidateId").asText());
        assertEquals(certification, data.path("certificationId").asText());
        assertEquals("EXPERT", data.path("level").asText());
        assertEquals(List.of(architect, administrator), List.of(data.path("examCodes").get(0).asText(), data.path("examCodes").get(1).asText()));
        Instant earnedAt = Instant.parse(data.path("earnedAt").asText());
        assertEquals(earnedAt.atZone(ZoneOffset.UTC).plusMonths(12).toInstant(), Instant.parse(data.path("expiresAt").asText()));
        String holdingId = data.path("holdingId").asText();
        given().auth().oauth2(TestTokens.employee(candidate, null)).when().get("/certification-holdings/" + holdingId)
                .then().statusCode(200).body("id", equalTo(holdingId)).body("earnedAt", equalTo(data.path("earnedAt").asText()));
    }

    @Test
    void aCertificationWhosePrerequisiteIsJustEarnedIsEarnedToo() throws Exception {
        String associateExam = examCode();
        String expertExam = examCode();
        String associate = defineCertification("ASSOCIATE", "[[\"%s\"]]".formatted(associateExam), "[]");
        String expert = defineCertification("EXPERT", "[[\"%s\"]]".formatted(expertExam), "[\"%s\"]".formatted(associate));
        String candidate = unique("cand-");

        pass(candidate, expertExam); // the prerequisite is not held yet: nothing earned
        await().atMost(PROPAGATION).untilAsserted(() -> given().auth().oauth2(TestTokens.ops())
                .when().get("/transcripts/" + candidate).then().body("passedExams", hasSize(1)));
        holdings(candidate).body("$", hasSize(0));

        pass(candidate, associateExam);
        await().atMost(PROPAGATION).untilAsserted(() -> holdings(candidate)
                .body("certificationId", containsInAnyOrder(associate, expert)));
        List<JsonNode> events = awaitEvents(candidate, 2);
        assertEquals(2, events.size());
        assertEquals(associate, events.get(0).at("/data/certificationId").asText(), "the prerequisite first");
        assertEquals(expert, events.get(1).at("/data/certificationId").asText());
    }

    @Test
    void aRetiredCertificationIsNotEarned() throws Exception {
        String exam = examCode();
        String retired = defineCertification("ASSOCIATE", "[[\"%s\"]]".formatted(exam), "[]");
        String today = LocalDate.now(clock).toString();
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"retiresOn\":\"" + today + "\"}")
                .when().post("/certifications/" + retired + "/retirement")
                .then().statusCode(200).body("status", equalTo("RETIRED"));
        String candidate = unique("cand-");
        pass(candidate, exam);
        await().atMost(PROPAGATION).untilAsserted(() -> given().auth().oauth2(TestTokens.ops())
                .when().get("/transcripts/" + candidate).then().body("passedExams", hasSize(1)));
        holdings(candidate).body("$", hasSize(0));
    }

    @Test
    void movingTheClockPastExpiryExpiresTheHoldingWithoutARequestButNeverFundamentals() throws Exception {
        String exam = examCode();
        String fundamentalsExam = examCode();
        String associate = defineCertification("ASSOCIATE", "[[\"%s\"]]".formatted(exam), "[]");
        String fundamentals = defineCertification("FUNDAMENTALS", "[[\"%s\"]]".formatted(fundamentalsExam), "[]");
        String candidate = unique("cand-");
        pass(candidate, exam);
        pass(candidate, fundamentalsExam);
        await().atMost(PROPAGATION).untilAsserted(() -> holdings(candidate).body("$", hasSize(2)));
        holdings(candidate).body("find { it.certificationId == '%s' }.expiresAt".formatted(fundamentals), nullValue())
                .body("find { it.certificationId == '%s' }.renewalOpensAt".formatted(fundamentals), nullValue());

        clock.advance(Duration.ofDays(400));

        await().atMost(PROPAGATION).untilAsserted(() -> holdings(candidate)
                .body("find { it.certificationId == '%s' }.status".formatted(associate), equalTo("EXPIRED"))
                .body("find { it.certificationId == '%s' }.status".formatted(fundamentals), equalTo("ACTIVE")));
        List<JsonNode> events = awaitEvents(candidate, 3);
        assertEquals(3, events.size(), types(events).toString());
        JsonNode expired = events.stream().filter(e -> e.path("type").asText().equals("io.partnerhub.certification.expired.v1"))
                .findFirst().orElseThrow();
        assertEquals(associate, expired.at("/data/certificationId").asText());
        assertEquals("EXPIRED", expired.at("/data/reason").asText());
        assertEquals(candidate, expired.at("/data/candidateId").asText());
        assertTrue(expired.at("/data/holdingId").isTextual());
        JsonNode fundamentalsEarned = events.stream().filter(e -> e.at("/data/certificationId").asText().equals(fundamentals))
                .findFirst().orElseThrow();
        assertEquals("FUNDAMENTALS", fundamentalsEarned.at("/data/level").asText());
        assertTrue(fundamentalsEarned.path("data").has("expiresAt") && fundamentalsEarned.at("/data/expiresAt").isNull(),
                "expiresAt present and null = never");

        // re-earned only through the exams: a new pass after the expiry (by the moved clock) earns a new holding
        publish(examPassed(candidate, exam, clock.instant()));
        await().atMost(PROPAGATION).untilAsserted(() -> holdings(candidate)
                .body("findAll { it.certificationId == '%s' }.status".formatted(associate), contains("EXPIRED", "ACTIVE")));
    }

    /**
     * C2e: a pass after the expiry earns again even when the expiry sweep has not reached the old holding yet: the old
     * holding is expired first (with its event), once, whichever of the pass and the sweep comes first. The pass is
     * applied at once after the clock moves, as the consumer applies it (the sweep runs every second in tests).
     */
    @Test
    void aPassAfterTheExpiryEarnsAgainBeforeTheSweepAndTheOldHoldingExpiresOnce() throws Exception {
        TestSupport.Earned earned = TestSupport.earn("ASSOCIATE");

        clock.advance(Duration.ofDays(400));
        ExamPassed again = new ExamPassed(earned.candidateId(), earned.examCode(), UUID.randomUUID().toString(), 800, clock.instant());
        QuarkusTransaction.requiringNew().run(() -> holdingService.earn(again));

        holdings(earned.candidateId()).body("findAll { it.certificationId == '%s' }.status".formatted(earned.certificationId()),
                contains("EXPIRED", "ACTIVE"));
        List<JsonNode> events = awaitEvents(earned.candidateId(), 3);
        assertEquals(List.of("io.partnerhub.certification.earned.v1", "io.partnerhub.certification.expired.v1",
                "io.partnerhub.certification.earned.v1"), types(events));
        assertEquals(earned.holdingId(), events.get(1).at("/data/holdingId").asText());
    }
}
