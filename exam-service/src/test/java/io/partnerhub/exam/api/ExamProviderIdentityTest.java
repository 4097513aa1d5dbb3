package io.partnerhub.exam.api;

import io.partnerhub.chassis.testing.ClockMovingTest;
import static io.partnerhub.exam.api.ExamApi.as;
import static io.partnerhub.exam.api.ExamApi.asOps;
import static io.partnerhub.exam.api.ExamApi.asProvider;
import static io.partnerhub.exam.api.ExamApi.booking;
import static io.partnerhub.exam.api.ExamApi.createExam;
import static io.partnerhub.exam.api.ExamApi.newCandidate;
import static io.partnerhub.exam.api.ExamApi.result;
import static io.partnerhub.exam.api.ExamApi.unique;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** DESIGN §6: an exam-provider token names its provider (claim provider) and acts only on that provider's registrations. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ExamProviderIdentityTest extends ClockMovingTest {

    static final String PROBLEM = TestKit.PROBLEM_JSON;

    /** An exam both providers deliver, both ways. */
    String examOfBothProviders() {
        String code = unique("P-");
        createExam(code, Map.of("providers", List.of("PEARSON_VUE", "PSI")));
        return code;
    }

    String bookWith(String provider, String candidate, String exam, String deliveryMode, Instant at) {
        Map<String, Object> body = booking(candidate, exam, at);
        body.put("provider", provider);
        body.put("deliveryMode", deliveryMode);
        return asProvider(provider).body(body).post("/exam-registrations").then().statusCode(201).extract().path("id");
    }

    @Test
    void providerTokenWithoutAValidProviderClaimIsForbiddenEverywhereItCouldAct() {
        String exam = examOfBothProviders();
        String candidate = newCandidate();
        String registration = bookWith("PSI", candidate, exam, "ONLINE_PROCTORED", inHours(2));
        Map<String, Object> unknownProvider = TestTokens.claims("exam-provider");
        unknownProvider.put("provider", "ACME");
        // signed by the trusted key, but without a provider claim / with one no provider has
        for (String token : List.of(TestTokens.sign(TestTokens.claims("exam-provider")), TestTokens.sign(unknownProvider))) {
            as(token).body(booking(candidate, exam, inHours(30))).post("/exam-registrations").then().statusCode(403)
                    .contentType(PROBLEM).body("type", endsWith("/forbidden"));
            as(token).get("/exam-registrations/{id}", registration).then().statusCode(403).contentType(PROBLEM);
            as(token).body(Map.of("passed", true)).post("/exam-registrations/{id}/system-check", registration)
                    .then().statusCode(403).contentType(PROBLEM);
            as(token).post("/exam-registrations/{id}/cancellation", registration).then().statusCode(403).contentType(PROBLEM);
            as(token).body(result(unique("R-"), registration, 800, clock.instant())).post("/exam-results")
                    .then().statusCode(403).contentType(PROBLEM);
            as(token).get("/exam-candidates/{c}/attempts", candidate).then().statusCode(403).contentType(PROBLEM);
        }
        asOps().get("/exam-registrations/{id}", registration).then().statusCode(200).body("status", equalTo("AWAITING_SYSTEM_CHECK"));
    }

    @Test
    void anotherProvidersRegistrationAnswers404LikeAForeignTenant() {
        String exam = examOfBothProviders();
        String candidate = newCandidate();
        Instant at = inHours(1);
        String pearson = bookWith("PEARSON_VUE", candidate, exam, "ONLINE_PROCTORED", at);

        asProvider("PSI").get("/exam-registrations/{id}", pearson).then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("/not-found"));
        asProvider("PSI").body(Map.of("passed", true)).post("/exam-registrations/{id}/system-check", pearson)
                .then().statusCode(404).contentType(PROBLEM);
        asProvider("PSI").post("/exam-registrations/{id}/cancellation", pearson).then().statusCode(404).contentType(PROBLEM);

        asProvider("PEARSON_VUE").get("/exam-registrations/{id}", pearson).then().statusCode(200);
        asProvider("PEARSON_VUE").body(Map.of("passed", true)).post("/exam-registrations/{id}/system-check", pearson)
                .then().statusCode(200).body("status", equalTo("SCHEDULED"));
        clock.advance(Duration.ofHours(2));

        asProvider("PSI").body(result(unique("PSI-"), pearson, 800, at)).post("/exam-results").then().statusCode(404)
                .contentType(PROBLEM).body("type", endsWith("/not-found"));
        ExamApi.attempts(candidate).then().body("$", hasSize(0));
        asProvider("PEARSON_VUE").body(result(unique("PVUE-"), pearson, 800, at)).post("/exam-results").then().statusCode(201);
    }

    @Test
    void providerBooksOnlyWithItsOwnProvider() {
        String exam = examOfBothProviders();
        String candidate = newCandidate();
        Map<String, Object> pearsonBooking = booking(candidate, exam, inHours(5));
        asProvider("PSI").body(pearsonBooking).post("/exam-registrations").then().statusCode(403).contentType(PROBLEM)
                .body("type", endsWith("/forbidden"));
        bookWith("PSI", candidate, exam, "TEST_CENTER", inHours(5));
    }

    @Test
    void examProviderDoesNotLearnAnotherProvidersRegistrationWhenBookingIsRefused() {
        String exam = examOfBothProviders();
        String candidate = newCandidate();
        String pearson = bookWith("PEARSON_VUE", candidate, exam, "TEST_CENTER", inHours(5));
        Map<String, Object> psiBooking = booking(candidate, exam, inHours(6));
        psiBooking.put("provider", "PSI");
        psiBooking.put("deliveryMode", "TEST_CENTER");
        asProvider("PSI").body(psiBooking).post("/exam-registrations").then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/registration-pending")).body("registrationId", equalTo(null));
        Map<String, Object> pearsonBooking = booking(candidate, exam, inHours(6));
        asProvider("PEARSON_VUE").body(pearsonBooking).post("/exam-registrations").then().statusCode(409)
                .body("type", endsWith("/registration-pending")).body("registrationId", equalTo(pearson));
        asOps().body(psiBooking).post("/exam-registrations").then().statusCode(409).body("registrationId", equalTo(pearson));
    }

    @Test
    void providerCannotBrowseCandidates() {
        String exam = examOfBothProviders();
        String candidate = newCandidate();
        bookWith("PSI", candidate, exam, "TEST_CENTER", inHours(5));
        asOps().body(Map.of("examCode", exam, "expiresOn", "2099-01-01")).post("/exam-candidates/{c}/vouchers", candidate)
                .then().statusCode(201);

        for (String provider : List.of("PSI", "PEARSON_VUE")) {
            asProvider(provider).get("/exam-candidates/{c}/attempts", candidate).then().statusCode(404).contentType(PROBLEM);
            asProvider(provider).queryParam("examCode", exam).get("/exam-candidates/{c}/eligibility", candidate)
                    .then().statusCode(404).contentType(PROBLEM);
            asProvider(provider).get("/exam-candidates/{c}/vouchers", candidate).then().statusCode(404).contentType(PROBLEM);
            asProvider(provider).body(Map.of("examCode", exam, "expiresOn", "2099-01-01"))
                    .post("/exam-candidates/{c}/vouchers", candidate).then().statusCode(403).contentType(PROBLEM);
        }
        asOps().get("/exam-candidates/{c}/vouchers", candidate).then().statusCode(200).body("$", hasSize(1));
        as(TestTokens.employee(candidate, null)).get("/exam-candidates/{c}/vouchers", candidate).then().statusCode(200);
    }

    @Test
    void candidateCannotAttestTheirOwnSystemCheck() {
        String exam = examOfBothProviders();
        String candidate = newCandidate();
        String registration = bookWith("PSI", candidate, exam, "ONLINE_PROCTORED", inHours(3));

        as(TestTokens.employee(candidate, null)).body(Map.of("passed", true))
                .post("/exam-registrations/{id}/system-check", registration).then().statusCode(403).contentType(PROBLEM);
        asOps().get("/exam-registrations/{id}", registration).then().body("status", equalTo("AWAITING_SYSTEM_CHECK"));

        asProvider("PSI").body(Map.of("passed", true)).post("/exam-registrations/{id}/system-check", registration)
                .then().statusCode(200).body("status", equalTo("SCHEDULED"));
        as(TestTokens.employee(candidate, null)).get("/exam-registrations/{id}", registration).then().statusCode(200)
                .body("systemCheckPassed", equalTo(true));
    }
}
