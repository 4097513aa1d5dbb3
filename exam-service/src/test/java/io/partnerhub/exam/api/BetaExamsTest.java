package io.partnerhub.exam.api;

import io.partnerhub.chassis.testing.ClockMovingTest;
import static io.partnerhub.exam.api.ExamApi.asOps;
import static io.partnerhub.exam.api.ExamApi.attempts;
import static io.partnerhub.exam.api.ExamApi.bookOk;
import static io.partnerhub.exam.api.ExamApi.newCandidate;
import static io.partnerhub.exam.api.ExamApi.postResult;
import static io.partnerhub.exam.api.ExamApi.result;
import static io.partnerhub.exam.api.ExamApi.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class BetaExamsTest extends ClockMovingTest {

    String betaExam(LocalDate liveOn) {
        String code = unique("B-");
        ExamApi.createExam(code, Map.of("beta", true, "liveOn", liveOn.toString()));
        return code;
    }

    @Test
    void betaScoreIsWithheldUntilTenDaysAfterGoLiveThenPublishedWithTheOriginalTakenAt() {
        LocalDate liveOn = today();
        String exam = betaExam(liveOn);
        String candidate = newCandidate();
        Instant takenAt = inHours(1);
        String registration = bookOk(candidate, exam, takenAt);
        clock.advance(Duration.ofHours(2));

        String providerResultId = unique("PSI-");
        postResult(result(providerResultId, registration, 810, takenAt)).then().statusCode(201)
                .body("status", equalTo("WITHHELD")).body("passed", nullValue());
        attempts(candidate).then().body("[0].status", equalTo("WITHHELD")).body("[0].score", nullValue()).body("[0].passed", nullValue());
        assertEquals(0, ExamEvents.within(candidate, Duration.ofSeconds(3)).size(), "no event while withheld");

        Instant release = liveOn.plusDays(10).atStartOfDay(ZoneOffset.UTC).toInstant();
        clock.advance(Duration.between(clock.instant(), release).minusMinutes(5));
        assertEquals(0, ExamEvents.within(candidate, Duration.ofSeconds(3)).size(), "still withheld 5 minutes before release");

        clock.advance(Duration.ofMinutes(6));
        List<JsonNode> events = ExamEvents.await(candidate, 1);
        assertEquals(1, events.size(), "one event after release: " + events);
        assertEquals("io.partnerhub.exam.passed.v1", events.get(0).path("type").asText());
        assertEquals(takenAt, Instant.parse(events.get(0).path("data").path("takenAt").asText()), "original takenAt");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> attempts(candidate).then()
                .body("[0].status", equalTo("SCORED")).body("[0].score", equalTo(810)).body("[0].passed", equalTo(true)));
        // the same provider result again still answers with the stored attempt, now SCORED, and publishes nothing more
        postResult(result(providerResultId, registration, 810, takenAt)).then().statusCode(200).body("status", equalTo("SCORED"));
        assertEquals(1, ExamEvents.within(candidate, Duration.ofSeconds(2)).size());
    }

    @Test
    void resultPostedAfterTheReleaseMomentIsScoredAtOnce() {
        String exam = betaExam(today().minusDays(11));
        String candidate = newCandidate();
        Instant takenAt = inHours(1);
        String registration = bookOk(candidate, exam, takenAt);
        clock.advance(Duration.ofHours(2));
        postResult(result(unique("PSI-"), registration, 420, takenAt)).then().statusCode(201)
                .body("status", equalTo("SCORED")).body("passed", equalTo(false));
        List<JsonNode> events = ExamEvents.await(candidate, 1);
        assertEquals("io.partnerhub.exam.failed.v1", events.get(0).path("type").asText());
    }

    @Test
    void withheldResultCountsAsAnAttemptButImposesNoWait() {
        String exam = betaExam(today().plusDays(30));
        String candidate = newCandidate();
        Instant takenAt = inHours(1);
        String registration = bookOk(candidate, exam, takenAt);
        clock.advance(Duration.ofHours(2));
        postResult(result(unique("PSI-"), registration, 300, takenAt)).then().statusCode(201).body("status", equalTo("WITHHELD"));
        asOps().queryParam("examCode", exam).get("/exam-candidates/{c}/eligibility", candidate).then()
                .body("eligible", equalTo(true)).body("attemptsInWindow", equalTo(1));
    }
}
