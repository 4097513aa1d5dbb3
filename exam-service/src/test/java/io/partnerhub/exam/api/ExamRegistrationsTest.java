package io.partnerhub.exam.api;

import io.partnerhub.chassis.testing.ClockMovingTest;
import static io.partnerhub.exam.api.ExamApi.as;
import static io.partnerhub.exam.api.ExamApi.asOps;
import static io.partnerhub.exam.api.ExamApi.book;
import static io.partnerhub.exam.api.ExamApi.bookOk;
import static io.partnerhub.exam.api.ExamApi.booking;
import static io.partnerhub.exam.api.ExamApi.createExam;
import static io.partnerhub.exam.api.ExamApi.newCandidate;
import static io.partnerhub.exam.api.ExamApi.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ExamRegistrationsTest extends ClockMovingTest {

    @Test
    void testCenterBookingIsScheduledAtOnce() {
        String exam = createExam();
        String candidate = newCandidate();
        String id = book(booking(candidate, exam, inHours(48))).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/exam-registrations/")).extract().path("id");
        asOps().get("/exam-registrations/{id}", id).then().statusCode(200)
                .body("status", equalTo("SCHEDULED"))
                .body("candidateId", equalTo(candidate))
                .body("examCode", equalTo(exam));
    }

    @Test
    void onlineRegistrationNeedsPassedSystemCheck() {
        String exam = createExam();
        String candidate = newCandidate();
        Map<String, Object> body = booking(candidate, exam, inHours(48));
        body.put("deliveryMode", "ONLINE_PROCTORED");
        String id = book(body).then().statusCode(201).body("status", equalTo("AWAITING_SYSTEM_CHECK")).extract().path("id");

        ExamApi.asProvider().body(Map.of("passed", false)).post("/exam-registrations/{id}/system-check", id)
                .then().statusCode(200).body("status", equalTo("AWAITING_SYSTEM_CHECK")).body("systemCheckPassed", equalTo(false));
        ExamApi.asProvider().body(Map.of("passed", true)).post("/exam-registrations/{id}/system-check", id)
                .then().statusCode(200).body("status", equalTo("SCHEDULED"));
        asOps().get("/exam-registrations/{id}", id).then().body("status", equalTo("SCHEDULED")).body("systemCheckPassed", equalTo(true));
        asOps().body(Map.of()).post("/exam-registrations/{id}/system-check", id).then().statusCode(400)
                .contentType("application/problem+json");

        String testCenter = bookOk(newCandidate(), exam, inHours(48));
        asOps().body(Map.of("passed", true)).post("/exam-registrations/{id}/system-check", testCenter).then().statusCode(409)
                .body("type", endsWith("/system-check-not-applicable"));
    }

    @Test
    void secondPendingRegistrationForTheSameExamIsRefusedUntilCancelled() {
        String exam = createExam();
        String candidate = newCandidate();
        String first = bookOk(candidate, exam, inHours(24));
        book(booking(candidate, exam, inHours(72))).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/registration-pending"))
                .body("registrationId", equalTo(first));
        asOps().post("/exam-registrations/{id}/cancellation", first).then().statusCode(200).body("status", equalTo("CANCELLED"));
        asOps().post("/exam-registrations/{id}/cancellation", first).then().statusCode(200).body("status", equalTo("CANCELLED"));
        bookOk(candidate, exam, inHours(72));
    }

    @Test
    void cancellingAfterTheAppointmentIsRefused() {
        String exam = createExam();
        String id = bookOk(newCandidate(), exam, inHours(1));
        clock.advance(Duration.ofHours(2));
        asOps().post("/exam-registrations/{id}/cancellation", id).then().statusCode(409)
                .body("type", endsWith("/registration-not-cancellable"));
    }

    @Test
    void badBookingsAreRejectedAndNothingIsStored() {
        String exam = createExam();
        String candidate = newCandidate();
        book(booking(candidate, exam, inHours(-1))).then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> psi = booking(candidate, exam, inHours(24));
        psi.put("provider", "PSI");
        ExamApi.asProvider("PSI").body(psi).post("/exam-registrations").then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("/delivery-not-offered"));
        Map<String, Object> wrongEnum = booking(candidate, exam, inHours(24));
        wrongEnum.put("deliveryMode", "CARRIER_PIGEON");
        book(wrongEnum).then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> missing = booking(candidate, exam, inHours(24));
        missing.remove("scheduledAt");
        book(missing).then().statusCode(400).contentType("application/problem+json");
        ExamApi.asProvider().body("{\"candidateId\": \"" + candidate + "\", ").post("/exam-registrations").then().statusCode(400)
                .contentType("application/problem+json");
        book(booking(candidate, unique("NOPE-"), inHours(24))).then().statusCode(404).contentType("application/problem+json");
        asOps().get("/exam-registrations/{id}", java.util.UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");

        // nothing was stored: no pending registration blocks a valid booking
        bookOk(candidate, exam, inHours(24));
    }

    @Test
    void employeeSeesAndBooksOnlyForTheirOwnCandidate() {
        String exam = createExam();
        String me = newCandidate();
        String other = newCandidate();
        String employee = TestTokens.employee(me, "org-1");

        String mine = as(employee).body(booking(me, exam, inHours(24))).post("/exam-registrations").then().statusCode(201)
                .extract().path("id");
        as(employee).get("/exam-registrations/{id}", mine).then().statusCode(200);
        as(employee).body(booking(other, exam, inHours(24))).post("/exam-registrations").then().statusCode(404)
                .contentType("application/problem+json");
        String theirs = bookOk(other, exam, inHours(24));
        as(employee).get("/exam-registrations/{id}", theirs).then().statusCode(404);
        as(employee).post("/exam-registrations/{id}/cancellation", theirs).then().statusCode(404);
        as(employee).get("/exam-candidates/{c}/attempts", other).then().statusCode(404);
        as(employee).queryParam("examCode", exam).get("/exam-candidates/{c}/eligibility", other).then().statusCode(404);
        as(employee).get("/exam-candidates/{c}/vouchers", other).then().statusCode(404);
        as(employee).get("/exam-candidates/{c}/attempts", me).then().statusCode(200);
        as(employee).queryParam("examCode", exam).get("/exam-candidates/{c}/eligibility", me).then().statusCode(200)
                .body("eligible", notNullValue());
        asOps().get("/exam-registrations/{id}", theirs).then().body("status", equalTo("SCHEDULED"));
        as(employee).post("/exam-registrations/{id}/cancellation", mine).then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void partnerAdminAndReporterCannotBookAndAnonymousIsUnauthorized() {
        String exam = createExam();
        String candidate = newCandidate();
        as(TestTokens.partnerAdmin("org-1")).body(booking(candidate, exam, inHours(24))).post("/exam-registrations").then().statusCode(403);
        as(TestTokens.reporter()).body(booking(candidate, exam, inHours(24))).post("/exam-registrations").then().statusCode(403);
        as(TestTokens.partnerAdmin("org-1")).get("/exam-candidates/{c}/attempts", candidate).then().statusCode(403);
        given().contentType(ContentType.JSON).body(booking(candidate, exam, inHours(24))).post("/exam-registrations").then().statusCode(401);
        given().get("/exam-candidates/{c}/attempts", candidate).then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/exam-candidates/{c}/attempts", candidate).then().statusCode(401);
        bookOk(candidate, exam, inHours(24));
    }

    @Test
    void aCandidateListsTheirRegistrationsLatestFirstPagedWithTheTotalAndNobodyElsesOrProvidersSeeThem() {
        String exam = createExam();
        String other = createExam();
        String me = newCandidate();
        String employee = TestTokens.employee(me, "org-1");
        String first = bookOk(me, exam, inHours(24));
        as(employee).post("/exam-registrations/{id}/cancellation", first).then().statusCode(200);
        String second = bookOk(me, exam, inHours(72));
        String third = bookOk(me, other, inHours(48));

        as(employee).queryParam("size", 2).get("/exam-candidates/{c}/registrations", me).then().statusCode(200)
                .header("X-Total-Count", "3")
                .body("id", org.hamcrest.Matchers.contains(second, third))
                .body("[0].status", equalTo("SCHEDULED"));
        as(employee).queryParam("size", 2).queryParam("page", 1).get("/exam-candidates/{c}/registrations", me).then()
                .statusCode(200).header("X-Total-Count", "3")
                .body("id", org.hamcrest.Matchers.contains(first)).body("[0].status", equalTo("CANCELLED"));
        asOps().get("/exam-candidates/{c}/registrations", me).then().statusCode(200).header("X-Total-Count", "3");
        as(employee).get("/exam-candidates/{c}/attempts", me).then().statusCode(200).header("X-Total-Count", "0");

        as(TestTokens.employee(newCandidate(), "org-1")).get("/exam-candidates/{c}/registrations", me).then().statusCode(404)
                .contentType("application/problem+json");
        ExamApi.asProvider().get("/exam-candidates/{c}/registrations", me).then().statusCode(404);
        as(TestTokens.partnerAdmin("org-1")).get("/exam-candidates/{c}/registrations", me).then().statusCode(403);
        as(employee).queryParam("page", 21474837).get("/exam-candidates/{c}/registrations", me).then().statusCode(400)
                .contentType("application/problem+json");
        as(employee).queryParam("size", 0).get("/exam-candidates/{c}/registrations", me).then().statusCode(400);
        asOps().get("/exam-candidates/{c}/registrations", "x".repeat(300)).then().statusCode(400)
                .contentType("application/problem+json");
        asOps().get("/exam-candidates/{c}/registrations", newCandidate()).then().statusCode(200)
                .header("X-Total-Count", "0").body("$", org.hamcrest.Matchers.hasSize(0));
    }
}
