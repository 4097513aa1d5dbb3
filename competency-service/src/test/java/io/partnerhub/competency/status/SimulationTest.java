package io.partnerhub.competency.status;

import static io.partnerhub.competency.EventsSupport.organizationWithMembers;
import static io.partnerhub.competency.EventsSupport.awaitStatus;
import static io.partnerhub.competency.EventsSupport.certification;
import static io.partnerhub.competency.EventsSupport.defineCompetency;
import static io.partnerhub.competency.EventsSupport.earned;
import static io.partnerhub.competency.EventsSupport.employee;
import static io.partnerhub.competency.EventsSupport.membership;
import static io.partnerhub.competency.EventsSupport.organizationRegistered;
import static io.partnerhub.competency.EventsSupport.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** K6 what-if: departures, expiries, a date and a roadmap version; nothing is stored or published. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class SimulationTest {

    private static final Instant LASTING = Instant.now().plus(Duration.ofDays(1200)).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void simulatesDeparturesExpiriesADateAndAFutureVersionWithoutChangingAnything() throws Exception {
        String cert = unique("cert-");
        String competency = defineCompetency(cert);
        String org = UUID.randomUUID().toString();
        String c1 = unique("cand-");
        String c2 = unique("cand-");
        organizationWithMembers(org, c1, c2);
        certification(earned(c1, cert, LASTING));
        certification(earned(c2, cert, LASTING));
        awaitStatus(org, competency, status -> status.body("level", equalTo("SILVER")));

        simulate(org, "{\"organizationId\":\"" + org + "\",\"departures\":[\"" + c2 + "\"]}")
                .body("find { it.competencyId == '" + competency + "' }.level", equalTo("SILVER"))
                .body("find { it.competencyId == '" + competency + "' }.atRisk", equalTo(true))
                .body("find { it.competencyId == '" + competency + "' }.reasons[0]", startsWith("SILVER requirement not met"))
                .body("find { it.competencyId == '" + competency + "' }.reasonDetails[0].people", equalTo(java.util.List.of(c1)))
                .body("find { it.competencyId == '" + competency + "' }.reasonDetails[0].credentials[0].id", equalTo(cert));
        simulate(org, "{\"organizationId\":\"" + org + "\",\"expiries\":[{\"candidateId\":\"" + c1 + "\",\"certificationId\":\"" + cert + "\"}]}")
                .body("find { it.competencyId == '" + competency + "' }.atRisk", equalTo(true));
        simulate(org, "{\"organizationId\":\"" + org + "\",\"departures\":[\"" + c2 + "\"],\"at\":\""
                + Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS) + "\"}")
                .body("find { it.competencyId == '" + competency + "' }.level", equalTo("NONE"));

        // a roadmap version asking for 3 people
        io.partnerhub.competency.EventsSupport.defineVersion(competency, """
                {"version":"v2","effectiveFrom":"%s",
                 "silver":{"paths":[{"requirements":[{"kind":"SKILL","individuals":3,"anyOf":["%s"]}]}]},
                 "gold":{"paths":[{"requirements":[{"kind":"SKILL","individuals":5,"anyOf":["%s"]}]}]}}"""
                .formatted(LocalDate.now(ZoneOffset.UTC).plusDays(30), cert, cert)).statusCode(201);
        simulate(org, "{\"organizationId\":\"" + org + "\",\"requirementVersion\":{\"competencyId\":\"" + competency
                + "\",\"version\":\"v2\"}}")
                .body("find { it.competencyId == '" + competency + "' }.requirementVersion", equalTo("v2"))
                .body("find { it.competencyId == '" + competency + "' }.atRisk", equalTo(true));

        // nothing stored, nothing published
        given().auth().oauth2(TestTokens.ops()).get("/competency-status/{o}/{c}", org, competency).then()
                .body("level", equalTo("SILVER")).body("atRisk", equalTo(false)).body("requirementVersion", equalTo("v1"));
        given().auth().oauth2(TestTokens.ops()).get("/competency-status/{o}/{c}/history", org, competency).then()
                .header("X-Total-Count", "1");

        // another organisation's people get 404; bad input 400
        given().auth().oauth2(TestTokens.partnerAdmin("someone-else")).contentType(ContentType.JSON)
                .body("{\"organizationId\":\"" + org + "\"}").post("/competency-simulations").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"organizationId\":\"" + org + "\",\"at\":\"+300000-01-01T00:00:00Z\"}").post("/competency-simulations")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"organizationId\":\"" + "o".repeat(300) + "\"}").post("/competency-simulations")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"organizationId\":\"" + org + "\",\"requirementVersion\":{\"competencyId\":\"" + competency
                        + "\",\"version\":\"nope\"}}").post("/competency-simulations")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void forecastsTheExpiryThatWouldCostSilverAndWhoMustRenew() throws Exception {
        String cert = unique("cert-");
        String competency = defineCompetency(cert);
        String org = UUID.randomUUID().toString();
        String c1 = unique("cand-");
        String c2 = unique("cand-");
        organizationWithMembers(org, c1, c2);
        Instant soon = Instant.now().plus(Duration.ofDays(200)).truncatedTo(ChronoUnit.SECONDS);
        certification(earned(c1, cert, LASTING));
        certification(earned(c2, cert, soon));
        awaitStatus(org, competency, status -> status.body("level", equalTo("SILVER")));
        given().auth().oauth2(TestTokens.employee(c1, org)).get("/competency-status/{o}/forecast", org).then().statusCode(200)
                .body("find { it.competencyId == '" + competency + "' }.on", equalTo(LocalDate.ofInstant(soon, ZoneOffset.UTC).toString()))
                .body("find { it.competencyId == '" + competency + "' }.candidates", contains(c2))
                .body("find { it.competencyId == '" + competency + "' }.keepsLevelIf", startsWith(c2 + " renews before"));
        given().auth().oauth2(TestTokens.partnerAdmin("someone-else")).get("/competency-status/{o}/forecast", org).then()
                .statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse simulate(String org, String body) {
        return given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON).body(body)
                .post("/competency-simulations").then().statusCode(200);
    }
}
