package io.partnerhub.systemtests;

import static io.partnerhub.systemtests.Programme.admin;
import static io.partnerhub.systemtests.Programme.candidate;
import static io.partnerhub.systemtests.Programme.certification;
import static io.partnerhub.systemtests.Programme.clockAt;
import static io.partnerhub.systemtests.Programme.exam;
import static io.partnerhub.systemtests.Programme.hire;
import static io.partnerhub.systemtests.Programme.ops;
import static io.partnerhub.systemtests.Programme.organization;
import static io.partnerhub.systemtests.Programme.pass;
import static io.partnerhub.systemtests.Programme.today;
import static io.partnerhub.systemtests.Programme.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.response.ValidatableResponse;

/**
 * Issue 22 over the broker through the gateway: a solution area whose score counts people holding its intermediate
 * and advanced certifications and net customer adds; a certification earned by an associated person raises the
 * skilling points, a departure lowers them, a performance report gives the performance points; the designation is
 * attained, at risk and — with every service's clock moved past the window — lost, each with its event on
 * competency-events. Moves the shared clock, so it runs after the present-day journeys (class order).
 */
@ExtendWith(RunningSuite.class)
@Order(11)
class DesignationJourneyIT {

    @AfterEach
    void realTime() {
        Programme.resetClock();
    }

    @Test
    void certificationsDepartureAndAReportMoveThePointsAndTheWindowAttainsAndLosesTheDesignation() throws Exception {
        String intermediateExam = exam("DI");
        String advancedExam = exam("DA");
        String intermediate = certification("des-int", "ASSOCIATE", intermediateExam);
        String advanced = certification("des-adv", "EXPERT", advancedExam);
        String area = unique("area").toLowerCase(java.util.Locale.ROOT);
        ops().body(Map.of("id", area, "name", "Area " + area, "replaces", List.of())).post("/solution-areas").then().statusCode(201);
        ops().body(Map.of("version", "v1", "effectiveFrom", today().toString(),
                "metrics", List.of(metric("intermediate", "SKILLING", "PEOPLE", "intermediate-certified", "STOCK", 40, 1),
                        metric("advanced", "SKILLING", "PEOPLE", "advanced-certified", "STOCK", 30, 1),
                        metric("customers", "PERFORMANCE", "CUSTOMERS", "new-customers", "FLOW", 30, 2)),
                "certifications", List.of(intermediate, advanced)))
                .post("/solution-areas/{id}/score-versions", area).then().statusCode(201);
        String organization = organization("Designated");
        String ana = candidate("ana");
        String bo = candidate("bo");
        hire(organization, ana);
        String boUser = hire(organization, bo);

        pass(ana, intermediateExam);
        awaitDesignation(organization, area, s -> s.body("metrics.find { it.metricId == 'intermediate' }.points", equalTo(40.0f)));
        pass(bo, advancedExam);
        awaitDesignation(organization, area, s -> s.body("score", equalTo(70.0f)).body("qualifiesToday", equalTo(false))
                .body("toQualify.plan[0].metricId", equalTo("customers")));

        RunningSuite.api("reporter", Map.of("source", "designation-crm"))
                .body(Map.of("metric", "NEW_CUSTOMERS", "value", 2, "periodStart", today().minusDays(20).toString(),
                        "periodEnd", today().toString()))
                .post("/organizations/{id}/performance-reports", organization).then().statusCode(201);
        awaitDesignation(organization, area, s -> s.body("score", equalTo(100.0f)).body("state", equalTo("ATTAINED"))
                .body("metrics.find { it.metricId == 'customers' }.points", equalTo(30.0f)));
        awaitEvent(organization, area, "io.partnerhub.designation.attained.v1");
        // the organisation credential of the designation: listed, verifying, its status bit clear
        io.restassured.path.json.JsonPath credential = await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> Programme.anyone().queryParam("organizationId", organization).get("/organization-credentials")
                        .then().statusCode(200).extract().jsonPath(), list -> list.getList("credentials.findAll { it.kind == 'DESIGNATION' && it.awardId == '" + area + "' }").size() == 1);
        String credentialPath = "credentials.find { it.kind == 'DESIGNATION' && it.awardId == '" + area + "' }";
        assertEquals("ACTIVE", credential.getString(credentialPath + ".status"));
        String statusList = credential.getString(credentialPath + ".statusListCredential");
        int index = credential.getInt(credentialPath + ".statusListIndex");
        String jwt = Programme.anyone().accept("application/vc+jwt").get("/organization-credentials/{id}",
                credential.getString(credentialPath + ".id")).then().statusCode(200).extract().asString();
        assertEquals(area, OrganizationCredentialIT.verified(jwt).at("/credentialSubject/achievement/id").asText()
                .replaceFirst(".*:designation:([^:]+).*", "$1"));
        assertFalse(revokedQuietly(statusList, index), "an attained designation's bit is clear");

        admin(organization).post("/organizations/{id}/users/{user}/departure", organization, boUser).then().statusCode(200);
        awaitDesignation(organization, area, s -> s.body("score", equalTo(70.0f)).body("state", equalTo("AT_RISK"))
                .body("metrics.find { it.metricId == 'advanced' }.points", equalTo(0.0f)));
        awaitEvent(organization, area, "io.partnerhub.designation.at-risk.v1");

        // the window rolls past today's qualifying day on the first of the sixth month from now
        LocalDate lostOn = today().withDayOfMonth(1).plusMonths(6);
        clockAt(Duration.ofDays(ChronoUnit.DAYS.between(today(), lostOn) + 2));
        awaitDesignation(organization, area, s -> s.body("state", equalTo("LOST")).body("held", equalTo(false)));
        EventLog.Event lost = awaitEvent(organization, area, "io.partnerhub.designation.lost.v1");
        assertEquals(lostOn.toString(), lost.text("day"));
        // the loss revokes the credential: an independent read of the status list shows the bit set
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> revokedQuietly(statusList, index));
        Programme.anyone().contentType("application/json").body(Map.of("credential", jwt))
                .post("/organization-credentials/verifications").then().statusCode(200)
                .body("signatureValid", equalTo(true)).body("revoked", equalTo(true));
    }

    private static boolean revokedQuietly(String statusList, int index) {
        try {
            return OrganizationCredentialIT.revoked(statusList, index);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> metric(String id, String category, String unit, String figure, String kind, int maxPoints,
            int threshold) {
        return Map.of("id", id, "name", id, "category", category, "unit", unit, "figure", figure, "kind", kind,
                "maxPoints", maxPoints, "threshold", threshold);
    }

    static void awaitDesignation(String organization, String area, Consumer<ValidatableResponse> expect) {
        await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> expect.accept(
                admin(organization).get("/designation-status/{o}/{a}", organization, area).then().statusCode(200)));
    }

    static EventLog.Event awaitEvent(String organization, String area, String type) {
        return await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(500)).until(() -> EventLog.readAll("competency-events")
                .stream().filter(e -> type.equals(e.type()) && organization.equals(e.subject()) && area.equals(e.text("solutionAreaId")))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }
}
