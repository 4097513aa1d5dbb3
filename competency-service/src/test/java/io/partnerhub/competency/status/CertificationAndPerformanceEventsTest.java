package io.partnerhub.competency.status;

import static io.partnerhub.competency.EventsSupport.organizationWithMembers;
import static io.partnerhub.competency.EventsSupport.assessmentPassed;
import static io.partnerhub.competency.EventsSupport.awaitStatus;
import static io.partnerhub.competency.EventsSupport.awaitEvents;
import static io.partnerhub.competency.EventsSupport.certification;
import static io.partnerhub.competency.EventsSupport.earned;
import static io.partnerhub.competency.EventsSupport.employee;
import static io.partnerhub.competency.EventsSupport.ended;
import static io.partnerhub.competency.EventsSupport.membership;
import static io.partnerhub.competency.EventsSupport.organizationRegistered;
import static io.partnerhub.competency.EventsSupport.performance;
import static io.partnerhub.competency.EventsSupport.types;
import static io.partnerhub.competency.EventsSupport.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * certification-service's documented events (earned, expired, revoked, assessment.passed) and performance.reported
 * drive the status: paths with assessments, gold with performance, an expiry putting a level at risk, and an expiry
 * for an unknown holding remembered so that its late earned event does not count.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class CertificationAndPerformanceEventsTest {

    private static final Instant LASTING = Instant.now().plus(Duration.ofDays(1200)).truncatedTo(ChronoUnit.SECONDS);

    private static String competency(String cert, String assessment) throws Exception {
        String id = unique("comp-");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"Test\"}").post("/competencies").then().statusCode(201);
        io.partnerhub.competency.EventsSupport.catalogue(cert, "assessment:" + assessment);
        io.partnerhub.competency.EventsSupport.defineVersion(id, """
                {"version":"v1","effectiveFrom":"%s",
                 "silver":{"paths":[{"requirements":[{"kind":"SKILL","individuals":2,"anyOf":["%s","assessment:%s"]}]}]},
                 "gold":{"paths":[{"requirements":[{"kind":"SKILL","individuals":2,"anyOf":["%s","assessment:%s"]},
                                                   {"kind":"PERFORMANCE","metric":"REVENUE","threshold":1000}]}]}}"""
                .formatted(LocalDate.now(ZoneOffset.UTC), cert, assessment, cert, assessment)).statusCode(201);
        return id;
    }

    @Test
    void anAssessmentAndACertificationAttainSilverRevenueMakesItGoldAndAnExpiryPutsItAtRisk() throws Exception {
        String cert = unique("cert-");
        String assessment = unique("assess-");
        String competency = competency(cert, assessment);
        String org = UUID.randomUUID().toString();
        String c1 = unique("cand-");
        String c2 = unique("cand-");
        organizationWithMembers(org, c1, c2);
        ObjectNode holding = earned(c1, cert, LASTING);
        certification(holding);
        certification(assessmentPassed(c2, assessment));
        awaitStatus(org, competency, "SILVER", false);

        membership(performance(org, "REVENUE", 600, LocalDate.now(ZoneOffset.UTC).minusMonths(2)));
        membership(performance(org, "REVENUE", 500, LocalDate.now(ZoneOffset.UTC).minusMonths(1)));
        membership(performance(org, "REVENUE", 9000, LocalDate.now(ZoneOffset.UTC).minusMonths(14))); // too old
        awaitStatus(org, competency, "GOLD", false);
        given().auth().oauth2(TestTokens.ops()).get("/competency-status/{o}/{c}", org, competency).then()
                .body("requirements.find { it.level == 'GOLD' && it.description.startsWith('REVENUE') }.have", equalTo(1100.0f));

        certification(ended("certificationExpired", c1, cert, holding.at("/data/holdingId").asText()));
        awaitStatus(org, competency, "GOLD", true);

        List<JsonNode> events = awaitEvents(org, 3);
        assertEquals(List.of("io.partnerhub.competency.attained.v1", "io.partnerhub.competency.attained.v1",
                "io.partnerhub.competency.at-risk.v1"), types(events), events.toString());
        assertEquals("GOLD", events.get(1).at("/data/level").asText());
    }

    /** K2b: DEPLOYED_SEATS is a stock, and %test names partner-center as the source that counts for it. */
    @Test
    void aStockMetricCountsItsLatestFigureFromTheSourceItsDefinitionNames() throws Exception {
        String cert = unique("cert-");
        String id = unique("comp-");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"Seats\"}").post("/competencies").then().statusCode(201);
        io.partnerhub.competency.EventsSupport.catalogue(cert);
        io.partnerhub.competency.EventsSupport.defineVersion(id, """
                {"version":"v1","effectiveFrom":"%s",
                 "silver":{"paths":[{"requirements":[{"kind":"SKILL","individuals":1,"anyOf":["%s"]},
                                                     {"kind":"PERFORMANCE","metric":"DEPLOYED_SEATS","threshold":50}]}]},
                 "gold":{"paths":[{"requirements":[{"kind":"SKILL","individuals":5,"anyOf":["%s"]}]}]}}"""
                .formatted(LocalDate.now(ZoneOffset.UTC), cert, cert)).statusCode(201);
        String org = UUID.randomUUID().toString();
        String c1 = unique("cand-");
        organizationWithMembers(org, c1);
        certification(earned(c1, cert, LASTING));
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusDays(1);
        membership(performance(org, "DEPLOYED_SEATS", 40, lastMonth.withDayOfMonth(1).minusDays(1), "partner-center"));
        membership(performance(org, "DEPLOYED_SEATS", 80, lastMonth, "reseller-portal")); // not the counting source
        membership(performance(org, "DEPLOYED_SEATS", 45, lastMonth, "partner-center"));
        String seats = "requirements.find { it.description.startsWith('DEPLOYED_SEATS') }.have";
        awaitStatus(org, id, status -> status.body("level", equalTo("NONE")).body(seats, equalTo(45.0f))); // not 40 + 45
        membership(performance(org, "DEPLOYED_SEATS", 60, lastMonth, "partner-center")); // a correction
        awaitStatus(org, id, status -> status.body("level", equalTo("SILVER")).body(seats, equalTo(60.0f)));
    }

    @Test
    void anEndedHoldingIsRememberedSoThatItsLateEarnedEventDoesNotCount() throws Exception {
        String cert = unique("cert-");
        String competency = competency(cert, unique("assess-"));
        String org = UUID.randomUUID().toString();
        String c1 = unique("cand-");
        String c2 = unique("cand-");
        organizationWithMembers(org, c1, c2);
        certification(earned(c1, cert, LASTING));
        ObjectNode late = earned(c2, cert, LASTING);
        certification(ended("certificationRevoked", c2, cert, late.at("/data/holdingId").asText())); // revoked first
        certification(late); // then its earned event: ignored
        ObjectNode marker = earned(c1, unique("other-"), LASTING);
        certification(marker);
        awaitStatus(org, competency, status -> status
                .body("level", equalTo("NONE")).body("requirements[0].counted", equalTo(List.of(c1))));
        // a genuinely new holding counts
        certification(earned(c2, cert, LASTING));
        awaitStatus(org, competency, "SILVER", false);
        given().auth().oauth2(TestTokens.ops()).get("/competency-status/{o}/{c}", org, competency).then()
                .body("requirements[0].counted", hasItem(c2));
    }
}
