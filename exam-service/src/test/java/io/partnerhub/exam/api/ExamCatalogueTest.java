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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ExamCatalogueTest extends ClockMovingTest {

    @Test
    void createdExamHasDefaultsAndCanBeReadByAnyRole() {
        String code = unique("T-");
        ExamApi.createExam(code, Map.of()).then()
                .header("Location", endsWith("/exams/" + code))
                .body("passingScore", equalTo(700))
                .body("beta", equalTo(false))
                .body("status", equalTo("ACTIVE"))
                .body("skillsMeasured[0].area", equalTo("Manage identities"));
        for (String token : List.of(TestTokens.partnerAdmin("org-1"), TestTokens.employee("c", "o"), TestTokens.examProvider(), TestTokens.reporter())) {
            as(token).get("/exams/{code}", code).then().statusCode(200).body("code", equalTo(code));
        }
        as(TestTokens.partnerAdmin("org-1")).get("/exams").then().statusCode(200);
        given().get("/exams").then().statusCode(401);
        given().get("/exams/{code}", code).then().statusCode(401);
        asOps().get("/exams/{code}", unique("NOPE-")).then().statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("/not-found"));
    }

    @Test
    void onlyOpsChangeTheCatalogue() {
        String code = unique("T-");
        Map<String, Object> body = Map.of("code", code, "title", "x", "deliveryModes", List.of("TEST_CENTER"), "providers", List.of("PSI"));
        as(TestTokens.partnerAdmin("org-1")).body(body).post("/exams").then().statusCode(403);
        as(TestTokens.employee("c", "o")).body(body).post("/exams").then().statusCode(403);
        as(TestTokens.examProvider()).body(body).post("/exams").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/exams").then().statusCode(401);
        String exam = createExam();
        as(TestTokens.partnerAdmin("org-1")).body(Map.of("retiresOn", today().toString())).post("/exams/{c}/retirement", exam).then().statusCode(403);
        asOps().get("/exams/{code}", code).then().statusCode(404);
    }

    @Test
    void listPagesAndCapsTheSize() {
        createExam();
        createExam();
        asOps().queryParam("size", 1).get("/exams").then().statusCode(200).body("$", hasSize(1))
                .header("X-Total-Count", notNullValue());
        asOps().queryParam("size", 1000).get("/exams").then().statusCode(200).body("size()", lessThanOrEqualTo(100));
        asOps().queryParam("page", -1).get("/exams").then().statusCode(400).contentType("application/problem+json");
        asOps().queryParam("size", 0).get("/exams").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void duplicateCodeConflicts() {
        String code = createExam();
        asOps().body(Map.of("code", code, "title", "again", "deliveryModes", List.of("TEST_CENTER"), "providers", List.of("PSI")))
                .post("/exams").then().statusCode(409).body("type", endsWith("/exam-exists"));
    }

    @Test
    void invalidExamsAreRejectedAndNothingIsStored() {
        String code = unique("T-");
        Map<String, Object> valid = new HashMap<>(Map.of("code", code, "title", "x", "deliveryModes", List.of("TEST_CENTER"), "providers", List.of("PSI")));
        for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(
                Map.entry("title", ""),
                Map.entry("code", "lower case"),
                Map.entry("passingScore", 0),
                Map.entry("passingScore", 1001),
                Map.entry("deliveryModes", List.of("BY_MAIL")),
                Map.entry("deliveryModes", List.of()),
                Map.entry("providers", List.of("ACME")),
                Map.entry("beta", true),
                Map.entry("skillsMeasured", List.of(Map.of("area", "a", "weightMin", 30, "weightMax", 20))))) {
            Map<String, Object> body = new HashMap<>(valid);
            body.put(bad.getKey(), bad.getValue());
            asOps().body(body).post("/exams").then().statusCode(400).contentType("application/problem+json");
        }
        Map<String, Object> noTitle = new HashMap<>(valid);
        noTitle.remove("title");
        asOps().body(noTitle).post("/exams").then().statusCode(400).contentType("application/problem+json");
        asOps().body("{\"code\": \"" + code + "\", \"title\": ").post("/exams").then().statusCode(400).contentType("application/problem+json");
        asOps().body("[1,2,3]").post("/exams").then().statusCode(400).contentType("application/problem+json");
        String megabyte = "{\"code\":\"" + code + "\",\"title\":\"" + "x".repeat(1024 * 1024) + "\"}";
        asOps().body(megabyte).post("/exams").then().statusCode(413).contentType("application/problem+json");

        asOps().get("/exams/{code}", code).then().statusCode(404);
    }

    @Test
    void retiringExamCannotBeBookedForAnAppointmentOnOrAfterItsRetirementDate() {
        String exam = createExam();
        LocalDate retiresOn = today().plusDays(10);
        asOps().body(Map.of("retiresOn", retiresOn.toString())).post("/exams/{c}/retirement", exam).then().statusCode(200)
                .body("status", equalTo("RETIRING")).body("retiresOn", equalTo(retiresOn.toString()));
        book(booking(newCandidate(), exam, retiresOn.atStartOfDay(ZoneOffset.UTC).toInstant())).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/exam-retired"));
        bookOk(newCandidate(), exam, retiresOn.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1));
        asOps().body(Map.of("retiresOn", today().minusDays(1).toString())).post("/exams/{c}/retirement", exam).then().statusCode(400);
        asOps().body(Map.of()).post("/exams/{c}/retirement", exam).then().statusCode(400).contentType("application/problem+json");
        asOps().body(Map.of("retiresOn", today().toString())).post("/exams/{c}/retirement", unique("NOPE-")).then().statusCode(404);
    }

    @Test
    void retirementTakesEffectOnItsDateAndPublishesExamRetired() {
        String exam = createExam();
        LocalDate retiresOn = today().plusDays(3);
        asOps().body(Map.of("retiresOn", retiresOn.toString())).post("/exams/{c}/retirement", exam).then().statusCode(200);
        assertEquals(0, ExamEvents.within(exam, Duration.ofSeconds(3)).size(), "nothing published at announcement");

        clock.advance(Duration.ofDays(4));
        asOps().get("/exams/{c}", exam).then().body("status", equalTo("RETIRED"));
        book(booking(newCandidate(), exam, inDays(1))).then().statusCode(409).body("type", endsWith("/exam-retired"));
        List<JsonNode> events = ExamEvents.await(exam, 1);
        assertEquals(1, events.size(), "one exam.retired.v1: " + events);
        assertEquals("io.partnerhub.exam.retired.v1", events.get(0).path("type").asText());
        assertEquals(exam, events.get(0).path("data").path("examCode").asText());
        assertEquals(retiresOn.toString(), events.get(0).path("data").path("retiredOn").asText());
        asOps().body(Map.of("retiresOn", today().plusDays(5).toString())).post("/exams/{c}/retirement", exam).then().statusCode(409)
                .body("type", endsWith("/exam-retired"));
    }

    @Test
    void retirementAnnouncedForTodayRetiresAtOnce() {
        String exam = createExam();
        asOps().body(Map.of("retiresOn", today().toString())).post("/exams/{c}/retirement", exam).then().statusCode(200)
                .body("status", equalTo("RETIRED"));
        book(booking(newCandidate(), exam, inDays(1))).then().statusCode(409).body("type", endsWith("/exam-retired"));
        List<JsonNode> events = ExamEvents.await(exam, 1);
        assertEquals(1, events.size());
        assertEquals(exam, events.get(0).path("subject").asText());
    }

    @Test
    void betaExamShowsWhenItsScoresAreReleased() {
        String code = unique("T-");
        LocalDate liveOn = today().plusDays(5);
        ExamApi.createExam(code, Map.of("beta", true, "liveOn", liveOn.toString())).then()
                .body("beta", equalTo(true))
                .body("scoreReleaseAt", equalTo(liveOn.plusDays(10).atStartOfDay(ZoneOffset.UTC).toInstant().toString()));
        asOps().get("/exams/{c}", createExam()).then().body("scoreReleaseAt", nullValue());
    }
}
