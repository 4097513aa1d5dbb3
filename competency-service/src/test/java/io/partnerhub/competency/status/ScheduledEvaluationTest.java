package io.partnerhub.competency.status;

import static io.partnerhub.competency.EventsSupport.clockOffset;
import static io.partnerhub.competency.EventsSupport.organizationWithMembers;
import static io.partnerhub.competency.EventsSupport.awaitStatus;
import static io.partnerhub.competency.EventsSupport.awaitEvents;
import static io.partnerhub.competency.EventsSupport.certification;
import static io.partnerhub.competency.EventsSupport.earned;
import static io.partnerhub.competency.EventsSupport.employee;
import static io.partnerhub.competency.EventsSupport.membership;
import static io.partnerhub.competency.EventsSupport.organizationRegistered;
import static io.partnerhub.competency.EventsSupport.types;
import static io.partnerhub.competency.EventsSupport.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * K4 time-driven changes over the real broker, by moving the clock (/admin/clock) and letting the sweep (every second
 * in %test) catch up: a new requirement version taking effect, and a counted expiry entering the at-risk horizon. Each
 * change is published once, with no causing event in the history.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ScheduledEvaluationTest {

    private static final Instant LASTING = Instant.now().plus(Duration.ofDays(1200)).truncatedTo(ChronoUnit.SECONDS);

    @AfterEach
    void resetClock() {
        clockOffset("PT0S");
    }

    private static String competency() {
        String id = unique("sched-");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"Scheduled\"}").post("/competencies").then().statusCode(201);
        return id;
    }

    private static void version(String competency, String name, LocalDate from, int silver, String cert) throws Exception {
        io.partnerhub.competency.EventsSupport.catalogue(cert);
        io.partnerhub.competency.EventsSupport.defineVersion(competency, """
                {"version":"%s","effectiveFrom":"%s",
                 "silver":{"paths":[{"requirements":[{"kind":"SKILL","individuals":%d,"anyOf":["%s"]}]}]},
                 "gold":{"paths":[{"requirements":[{"kind":"SKILL","individuals":9,"anyOf":["%s"]}]}]}}"""
                .formatted(name, from, silver, cert, cert)).statusCode(201);
    }

    @Test
    void aNewVersionTakingEffectReevaluatesAndPublishesTheChangeOnce() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String cert = unique("cert-");
        String stricter = competency(); // v1 asks 2 holders, v2 (tomorrow) 1
        version(stricter, "v1", today, 2, cert);
        version(stricter, "v2", today.plusDays(1), 1, cert);
        String org = UUID.randomUUID().toString();
        String c1 = unique("cand-");
        organizationWithMembers(org, c1);
        certification(earned(c1, cert, LASTING));
        awaitStatus(org, stricter, status -> status
                .body("level", equalTo("NONE")).body("requirementVersion", equalTo("v1")).body("requirements[0].have", equalTo(1)));
        // a competency whose first version takes effect tomorrow: the organisation has facts for it but no status yet
        String newcomer = competency();
        version(newcomer, "first", today.plusDays(1), 1, cert);
        given().auth().oauth2(TestTokens.ops()).get("/competency-status/{o}/{c}", org, newcomer).then().statusCode(404);

        clockOffset("P1D");
        awaitStatus(org, stricter, status -> status
                .body("level", equalTo("SILVER")).body("requirementVersion", equalTo("v2")));
        awaitStatus(org, newcomer, status -> status
                .body("level", equalTo("SILVER")).body("requirementVersion", equalTo("first")));

        List<JsonNode> events = awaitEvents(org, 2);
        assertEquals(List.of("io.partnerhub.competency.attained.v1", "io.partnerhub.competency.attained.v1"), types(events),
                events.toString());
        assertEquals(List.of(stricter, newcomer).stream().sorted().toList(),
                events.stream().map(e -> e.at("/data/competencyId").asText()).sorted().toList());
        given().auth().oauth2(TestTokens.ops()).get("/competency-status/{o}/{c}/history", org, stricter).then().statusCode(200)
                .header("X-Total-Count", "1").body("change", contains("ATTAINED")).body("[0].causeEventId", nullValue());
    }

    @Test
    void aCountedExpiryEnteringTheHorizonPutsTheLevelAtRiskOnceAfterAClockJump() throws Exception {
        String cert = unique("cert-");
        String competency = competency();
        version(competency, "v1", LocalDate.now(ZoneOffset.UTC), 2, cert);
        String org = UUID.randomUUID().toString();
        String c1 = unique("cand-");
        String c2 = unique("cand-");
        organizationWithMembers(org, c1, c2);
        certification(earned(c1, cert, LASTING));
        Instant soon = Instant.now().plus(Duration.ofDays(120)).truncatedTo(ChronoUnit.SECONDS); // before valid-until
        certification(earned(c2, cert, soon));
        awaitStatus(org, competency, "SILVER", false);

        clockOffset("P45D"); // c2's expiry is now 75 days away: inside the 90-day horizon, nobody can replace it
        awaitStatus(org, competency, status -> status
                .body("level", equalTo("SILVER")).body("atRisk", equalTo(true))
                .body("reasons[0]", startsWith(c2 + "'s " + cert + " expires on " + LocalDate.ofInstant(soon, ZoneOffset.UTC))));
        List<JsonNode> events = awaitEvents(org, 2);
        assertEquals(List.of("io.partnerhub.competency.attained.v1", "io.partnerhub.competency.at-risk.v1"), types(events),
                events.toString());
    }
}
