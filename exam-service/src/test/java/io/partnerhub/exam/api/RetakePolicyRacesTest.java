package io.partnerhub.exam.api;

import io.partnerhub.chassis.testing.ClockMovingTest;
import static io.partnerhub.exam.api.ExamApi.attempts;
import static io.partnerhub.exam.api.ExamApi.bookOk;
import static io.partnerhub.exam.api.ExamApi.createExam;
import static io.partnerhub.exam.api.ExamApi.newCandidate;
import static io.partnerhub.exam.api.ExamApi.postResult;
import static io.partnerhub.exam.api.ExamApi.result;
import static io.partnerhub.exam.api.ExamApi.unique;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** E3 when results arrive: under the booking's candidate+exam lock, against every attempt, in any order. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class RetakePolicyRacesTest extends ClockMovingTest {

    record Sitting(String registrationId, Instant takenAt) {
    }

    /** Two sittings of one exam by one candidate, two hours apart (booked one after the other, each an hour ahead). */
    List<Sitting> twoSittingsTwoHoursApart(String candidate, String exam) {
        List<Sitting> sittings = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Instant at = inHours(1);
            sittings.add(new Sitting(bookOk(candidate, exam, at), at));
            clock.advance(Duration.ofHours(2));
        }
        return sittings;
    }

    @RepeatedTest(3)
    void twoResultsPostedTogetherThatThePolicyForbidsTogetherStoreExactlyOne() throws Exception {
        String exam = createExam();
        String candidate = newCandidate();
        List<Sitting> sittings = twoSittingsTwoHoursApart(candidate, exam);
        // two failures two hours apart: either alone is fine, together the second breaks the 24-hour wait
        List<Map<String, Object>> bodies = sittings.stream()
                .map(s -> result(unique("PVUE-"), s.registrationId(), 500, s.takenAt())).toList();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (Map<String, Object> body : bodies) {
            calls.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                return postResult(body).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> call : calls) {
            statuses.add(call.get());
        }
        pool.shutdown();

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one stored: " + statuses);
        assertEquals(1, statuses.stream().filter(s -> s == 409).count(), "one refused: " + statuses);
        attempts(candidate).then().body("$", hasSize(1));
        assertEquals(1, ExamEvents.await(candidate, 1).size());
    }

    @Test
    void earlierFailurePostedAfterTheLaterSittingIsRefusedForTheLaterOnesSake() {
        String exam = createExam();
        String candidate = newCandidate();
        List<Sitting> sittings = twoSittingsTwoHoursApart(candidate, exam);
        Sitting earlier = sittings.get(0);
        Sitting later = sittings.get(1);

        postResult(result(unique("PVUE-"), later.registrationId(), 820, later.takenAt())).then().statusCode(201);
        postResult(result(unique("PVUE-"), earlier.registrationId(), 500, earlier.takenAt())).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/retake-not-allowed"))
                .body("reason", equalTo("FIRST_FAILURE_WAIT"))
                .body("laterAttemptTakenAt", equalTo(later.takenAt().toString()))
                .body("nextEligibleAt", nullValue());

        attempts(candidate).then().body("$", hasSize(1)).body("[0].registrationId", equalTo(later.registrationId()));
    }

    @Test
    void earlierPassPostedAfterTheLaterSittingIsRecorded() {
        String exam = createExam();
        String candidate = newCandidate();
        List<Sitting> sittings = twoSittingsTwoHoursApart(candidate, exam);

        postResult(result(unique("PVUE-"), sittings.get(1).registrationId(), 500, sittings.get(1).takenAt())).then().statusCode(201);
        postResult(result(unique("PVUE-"), sittings.get(0).registrationId(), 820, sittings.get(0).takenAt())).then().statusCode(201)
                .body("passed", equalTo(true));
        attempts(candidate).then().body("$", hasSize(2));
    }
}
