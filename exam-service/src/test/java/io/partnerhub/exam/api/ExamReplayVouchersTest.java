package io.partnerhub.exam.api;

import io.partnerhub.chassis.testing.ClockMovingTest;
import static io.partnerhub.exam.api.ExamApi.as;
import static io.partnerhub.exam.api.ExamApi.asOps;
import static io.partnerhub.exam.api.ExamApi.book;
import static io.partnerhub.exam.api.ExamApi.bookOk;
import static io.partnerhub.exam.api.ExamApi.booking;
import static io.partnerhub.exam.api.ExamApi.createExam;
import static io.partnerhub.exam.api.ExamApi.issueVoucher;
import static io.partnerhub.exam.api.ExamApi.newCandidate;
import static io.partnerhub.exam.api.ExamApi.postResult;
import static io.partnerhub.exam.api.ExamApi.result;
import static io.partnerhub.exam.api.ExamApi.unique;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ExamReplayVouchersTest extends ClockMovingTest {

    /** Books, sits and fails the exam; leaves the clock 25 hours after the failure (past the first wait). */
    void failOnce(String candidate, String exam) {
        Instant at = inHours(1);
        String registration = bookOk(candidate, exam, at);
        clock.advance(Duration.ofHours(2));
        postResult(result(unique("PVUE-"), registration, 450, at)).then().statusCode(201).body("passed", equalTo(false));
        clock.advance(Duration.ofHours(24));
    }

    Map<String, Object> withVoucher(String candidate, String exam, Instant at, String voucherId) {
        Map<String, Object> body = booking(candidate, exam, at);
        body.put("voucherId", voucherId);
        return body;
    }

    @Test
    void voucherIsUsedOnce() {
        String exam = createExam();
        String candidate = newCandidate();
        failOnce(candidate, exam);
        String voucher = issueVoucher(candidate, exam, today().plusDays(90)).then().statusCode(201)
                .body("status", equalTo("AVAILABLE")).extract().path("id");

        Instant at = inHours(1);
        String registration = book(withVoucher(candidate, exam, at, voucher)).then().statusCode(201)
                .body("voucherId", equalTo(voucher)).extract().path("id");
        asOps().get("/exam-candidates/{c}/vouchers", candidate).then().body("$", hasSize(1))
                .body("[0].status", equalTo("USED")).body("[0].registrationId", equalTo(registration));

        clock.advance(Duration.ofHours(2));
        postResult(result(unique("PVUE-"), registration, 500, at)).then().statusCode(201);
        clock.advance(Duration.ofDays(15));
        book(withVoucher(candidate, exam, inHours(1), voucher)).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/voucher-used"));
        bookOk(candidate, exam, inHours(1)); // without the voucher the booking itself is fine
    }

    @Test
    void cancellingTheBookingGivesTheVoucherBack() {
        String exam = createExam();
        String candidate = newCandidate();
        failOnce(candidate, exam);
        String voucher = issueVoucher(candidate, exam, today().plusDays(90)).then().statusCode(201).extract().path("id");
        String registration = book(withVoucher(candidate, exam, inHours(5), voucher)).then().statusCode(201).extract().path("id");
        asOps().post("/exam-registrations/{id}/cancellation", registration).then().statusCode(200);
        asOps().get("/exam-candidates/{c}/vouchers", candidate).then().body("[0].status", equalTo("AVAILABLE"));
        book(withVoucher(candidate, exam, inHours(6), voucher)).then().statusCode(201);
    }

    @Test
    void voucherDoesNotSkipTheWaitAfterAFailure() {
        String exam = createExam();
        String candidate = newCandidate();
        Instant at = inHours(1);
        String registration = bookOk(candidate, exam, at);
        clock.advance(Duration.ofHours(2));
        postResult(result(unique("PVUE-"), registration, 450, at)).then().statusCode(201);
        String voucher = issueVoucher(candidate, exam, today().plusDays(90)).then().statusCode(201).extract().path("id");

        book(withVoucher(candidate, exam, at.plus(Duration.ofHours(23)), voucher)).then().statusCode(409)
                .body("type", endsWith("/retake-not-allowed"));
        asOps().get("/exam-candidates/{c}/vouchers", candidate).then().body("[0].status", equalTo("AVAILABLE"));
    }

    @Test
    void voucherIsOnlyForARetakeOfTheSameExamByTheSameCandidate() {
        String exam = createExam();
        String otherExam = createExam();
        String candidate = newCandidate();
        String otherCandidate = newCandidate();

        String unused = issueVoucher(candidate, exam, today().plusDays(90)).then().statusCode(201).extract().path("id");
        book(withVoucher(candidate, exam, inHours(3), unused)).then().statusCode(409).body("type", endsWith("/voucher-no-failed-attempt"));

        failOnce(candidate, exam);
        failOnce(candidate, otherExam);
        failOnce(otherCandidate, exam);
        book(withVoucher(candidate, otherExam, inHours(3), unused)).then().statusCode(409).body("type", endsWith("/voucher-exam-mismatch"));
        // another candidate's voucher is not revealed: 404 as if it did not exist, not a 409 mismatch
        book(withVoucher(otherCandidate, exam, inHours(3), unused)).then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("/not-found"));
        book(withVoucher(candidate, exam, inHours(3), java.util.UUID.randomUUID().toString())).then().statusCode(404);
        asOps().get("/exam-candidates/{c}/vouchers", candidate).then().body("[0].status", equalTo("AVAILABLE"));
    }

    @Test
    void voucherCannotBeUsedForAnAppointmentAfterItExpires() {
        String exam = createExam();
        String candidate = newCandidate();
        failOnce(candidate, exam);
        String voucher = issueVoucher(candidate, exam, today().plusDays(2)).then().statusCode(201).extract().path("id");
        book(withVoucher(candidate, exam, today().plusDays(3).atTime(9, 0).toInstant(ZoneOffset.UTC), voucher)).then().statusCode(409)
                .body("type", endsWith("/voucher-expired"));
        clock.advance(Duration.ofDays(3));
        asOps().get("/exam-candidates/{c}/vouchers", candidate).then().body("[0].status", equalTo("EXPIRED"));
    }

    @Test
    void onlyOpsIssueVouchersAndBadVouchersAreRejected() {
        String exam = createExam();
        String candidate = newCandidate();
        as(TestTokens.employee(candidate, "o")).body(Map.of("examCode", exam, "expiresOn", today().plusDays(5).toString()))
                .post("/exam-candidates/{c}/vouchers", candidate).then().statusCode(403);
        issueVoucher(candidate, unique("NOPE-"), today().plusDays(5)).then().statusCode(404);
        issueVoucher(candidate, exam, today().minusDays(1)).then().statusCode(400).contentType("application/problem+json");
        asOps().body(Map.of("examCode", exam)).post("/exam-candidates/{c}/vouchers", candidate).then().statusCode(400);
        as(TestTokens.employee(candidate, "o")).get("/exam-candidates/{c}/vouchers", candidate).then().statusCode(200).body("$", hasSize(0));
    }
}
