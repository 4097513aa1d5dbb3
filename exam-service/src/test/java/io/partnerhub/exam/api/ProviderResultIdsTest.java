package io.partnerhub.exam.api;

import io.partnerhub.chassis.testing.ClockMovingTest;
import static io.partnerhub.exam.api.ExamApi.asOps;
import static io.partnerhub.exam.api.ExamApi.asProvider;
import static io.partnerhub.exam.api.ExamApi.attempts;
import static io.partnerhub.exam.api.ExamApi.booking;
import static io.partnerhub.exam.api.ExamApi.createExam;
import static io.partnerhub.exam.api.ExamApi.newCandidate;
import static io.partnerhub.exam.api.ExamApi.result;
import static io.partnerhub.exam.api.ExamApi.unique;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** E5: the idempotency key of a result is (provider, providerResultId), the provider being the registration's. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ProviderResultIdsTest extends ClockMovingTest {

    record Sitting(String registrationId, Instant takenAt) {
    }

    String examOfBothProviders() {
        String code = unique("K-");
        createExam(code, Map.of("providers", List.of("PEARSON_VUE", "PSI")));
        return code;
    }

    /** Each candidate booked with its provider an hour ahead; the clock then moves past the appointments. */
    List<Sitting> sit(String exam, List<String> providers, List<String> candidates) {
        Instant at = inHours(1);
        List<Sitting> sittings = new java.util.ArrayList<>();
        for (int i = 0; i < providers.size(); i++) {
            Map<String, Object> body = booking(candidates.get(i), exam, at);
            body.put("provider", providers.get(i));
            String id = asProvider(providers.get(i)).body(body).post("/exam-registrations").then().statusCode(201)
                    .extract().path("id");
            sittings.add(new Sitting(id, at));
        }
        clock.advance(Duration.ofHours(2));
        return sittings;
    }

    @Test
    void sameResultIdFromAnotherProviderIsANewResultForItsOwnCandidate() {
        String exam = examOfBothProviders();
        String pearsonCandidate = newCandidate();
        String psiCandidate = newCandidate();
        List<Sitting> sittings = sit(exam, List.of("PEARSON_VUE", "PSI"), List.of(pearsonCandidate, psiCandidate));
        String sharedId = unique("RES-");

        asProvider("PEARSON_VUE").body(result(sharedId, sittings.get(0).registrationId(), 810, sittings.get(0).takenAt()))
                .post("/exam-results").then().statusCode(201).body("candidateId", equalTo(pearsonCandidate));
        asProvider("PSI").body(result(sharedId, sittings.get(1).registrationId(), 420, sittings.get(1).takenAt()))
                .post("/exam-results").then().statusCode(201)
                .body("candidateId", equalTo(psiCandidate))
                .body("registrationId", equalTo(sittings.get(1).registrationId()))
                .body("score", equalTo(420))
                .body("passed", equalTo(false));

        attempts(psiCandidate).then().body("$", hasSize(1)).body("[0].score", equalTo(420));
        attempts(pearsonCandidate).then().body("$", hasSize(1)).body("[0].score", equalTo(810));
        asOps().get("/exam-registrations/{id}", sittings.get(1).registrationId()).then().body("status", equalTo("COMPLETED"));
        assertEquals("io.partnerhub.exam.failed.v1", ExamEvents.await(psiCandidate, 1).get(0).path("type").asText());
    }

    @Test
    void sameProviderResultIdForAnotherRegistrationIsAConflict() {
        String exam = examOfBothProviders();
        String first = newCandidate();
        String second = newCandidate();
        List<Sitting> sittings = sit(exam, List.of("PSI", "PSI"), List.of(first, second));
        String resultId = unique("PSI-");

        asProvider("PSI").body(result(resultId, sittings.get(0).registrationId(), 800, sittings.get(0).takenAt()))
                .post("/exam-results").then().statusCode(201);
        asProvider("PSI").body(result(resultId, sittings.get(1).registrationId(), 800, sittings.get(1).takenAt()))
                .post("/exam-results").then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/provider-result-conflict"))
                .body("provider", equalTo("PSI"))
                .body("providerResultId", equalTo(resultId));
        // ops posting for the provider gets the same answer: the provider comes from the registration
        asOps().body(result(resultId, sittings.get(1).registrationId(), 800, sittings.get(1).takenAt()))
                .post("/exam-results").then().statusCode(409).body("type", endsWith("/provider-result-conflict"));

        attempts(second).then().body("$", hasSize(0));
        asOps().get("/exam-registrations/{id}", sittings.get(1).registrationId()).then().body("status", equalTo("SCHEDULED"));
        // the same key for the same registration is still the harmless replay
        asProvider("PSI").body(result(resultId, sittings.get(0).registrationId(), 123, sittings.get(0).takenAt()))
                .post("/exam-results").then().statusCode(200).body("score", equalTo(800)).body("candidateId", equalTo(first));
    }
}
