package io.partnerhub.systemtests;

import static io.partnerhub.systemtests.Programme.admin;
import static io.partnerhub.systemtests.Programme.anyone;
import static io.partnerhub.systemtests.Programme.awaitStatus;
import static io.partnerhub.systemtests.Programme.changes;
import static io.partnerhub.systemtests.Programme.levelAtRisk;
import static io.partnerhub.systemtests.Programme.ops;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.partnerhub.devstack.Seeder;
import io.restassured.path.json.JsonPath;

/**
 * The demo data of {@code deploy/run} (devstack/demo/seed.json), seeded through the gateway with demo tokens, shows
 * a living programme at once: a catalogue, one Gold organisation, one Silver at risk, one working towards Silver —
 * and seeding again changes nothing. Runs first (class order): later journeys move the shared clock by years.
 */
@ExtendWith(RunningSuite.class)
@Order(1)
class DemoDataIT {

    @Test
    void demoDataShowsAGoldASilverAtRiskAndAWorkingTowardsSilverOrganisationAndASecondSeedChangesNothing() {
        Seeder.Report first = RunningSuite.stack().seed(Seeder.DEMO_SEED);
        assertEquals(0, first.failed(), "seed entries failed: " + first);
        assertEquals(0, first.skipped(), "seed entries skipped (endpoint missing?): " + first);
        String contoso = first.variables().get("org.contoso");
        String fabrikam = first.variables().get("org.fabrikam");
        String northwind = first.variables().get("org.northwind");

        // the catalogue
        assertTrue(Integer.parseInt(ops().get("/exams").then().statusCode(200).extract().header("X-Total-Count")) >= 12);
        ops().queryParam("size", 100).get("/certifications").then().statusCode(200)
                .body("id", hasItems("azure-fundamentals", "azure-administrator-associate", "azure-developer-associate",
                        "azure-data-engineer-associate", "azure-solutions-architect-expert", "azure-network-engineer-specialty"))
                .body("level", hasItems("FUNDAMENTALS", "ASSOCIATE", "EXPERT", "SPECIALTY"));
        ops().get("/assessments").then().statusCode(200)
                .body("id", hasItems("cloud-adoption-framework", "data-governance-essentials"));
        // issue 21: every renewable certification and both assessments can be taken (10 of 30 questions)
        for (String renewable : List.of("azure-administrator-associate", "azure-developer-associate",
                "azure-data-engineer-associate", "azure-solutions-architect-expert", "azure-network-engineer-specialty")) {
            ops().get("/certifications/{id}/renewal-blueprint", renewable).then().statusCode(200).body("questionCount", equalTo(10));
            ops().get("/certifications/{id}/renewal-questions", renewable).then().statusCode(200).header("X-Total-Count", "30");
        }
        for (String assessment : List.of("cloud-adoption-framework", "data-governance-essentials")) {
            ops().get("/assessments/{id}/blueprint", assessment).then().statusCode(200).body("questionCount", equalTo(10));
        }
        for (String competency : List.of("cloud-platform", "data-analytics", "app-development")) {
            ops().get("/competencies/{id}/roadmap", competency).then().statusCode(200)
                    .body("inEffect.version", equalTo("2026-10")).body("upcoming.version", equalTo(List.of("2027-05")));
        }

        // Contoso: Gold in Cloud Platform, the Gold benefit pack, shown on its public profile
        JsonPath gold = awaitStatus(contoso, "cloud-platform", levelAtRisk("GOLD", false), "GOLD");
        assertEquals(4, gold.getInt("requirements.find { it.level == 'GOLD' && it.description.contains('individuals') }.have"),
                gold.prettify());
        admin(contoso).get("/organizations/{id}/membership", contoso).then().statusCode(200)
                .body("level", equalTo("GOLD")).body("renewalAtRisk", equalTo(false));
        anyone().get("/organizations/{id}/profile", contoso).then().statusCode(200)
                .body("level", equalTo("GOLD")).body("goldCompetencies", hasItem("cloud-platform"));
        // its forecast names the roadmap version that asks five administrators as the day Gold would be lost (issue 22)
        admin(contoso).get("/competency-status/{org}/forecast", contoso).then().statusCode(200)
                .body("findAll { it.competencyId == 'cloud-platform' && it.level == 'GOLD' }.cause",
                        hasItem("requirement version 2027-05 takes effect"));

        // Fabrikam: Silver in Data & Analytics, at risk since Gil left; the alert is there, the pack still shows
        JsonPath atRisk = awaitStatus(fabrikam, "data-analytics", levelAtRisk("SILVER", true), "SILVER at risk");
        assertFalse(atRisk.getList("reasons").isEmpty(), atRisk.prettify());
        await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                admin(fabrikam).get("/organizations/{id}/membership", fabrikam).then().statusCode(200)
                        .body("level", equalTo("SILVER")).body("renewalAtRisk", equalTo(true))
                        .body("alerts[0].message", startsWith("A recent change to your competency achievement")));

        // Northwind: working towards Silver in App Development, one of the two developers it needs
        JsonPath towards = awaitStatus(northwind, "app-development",
                s -> "NONE".equals(s.getString("level")) && s.getList("requirements.find { it.level == 'SILVER' }.counted").size() == 1,
                "one developer counted towards SILVER");
        assertEquals(List.of("demo-northwind-ivy"), towards.getList("requirements.find { it.level == 'SILVER' }.counted"));
        admin(northwind).get("/organizations/{id}/membership", northwind).then().statusCode(200)
                .body("level", equalTo("NETWORK_MEMBER"));

        // issue 22, Solutions Partner designations: Contoso qualifies under both models, Northwind only under the new one,
        // Fabrikam is close to 70 with its advanced certifications at zero; the switch keeps, gains and loses accordingly
        await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            admin(contoso).get("/designation-status/{o}/infra-azure", contoso).then().statusCode(200)
                    .body("held", equalTo(true)).body("score", equalTo(100.0f));
            admin(northwind).get("/designation-status/{o}/digital-app-innovation-azure", northwind).then().statusCode(200)
                    .body("held", equalTo(true)).body("score", equalTo(100.0f));
            admin(fabrikam).get("/designation-status/{o}/data-ai-azure", fabrikam).then().statusCode(200)
                    .body("held", equalTo(false)).body("score", equalTo(75.0f))
                    .body("metrics.find { it.metricId == 'advanced-certifications' }.points", equalTo(0.0f))
                    .body("toQualify.plan.metricId", equalTo(List.of("advanced-certifications")));
        });
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        for (Map.Entry<String, String> expected : Map.of(contoso, "infra-azure KEEPS", northwind,
                "digital-app-innovation-azure GAINS", fabrikam, "data-ai-azure LOSES").entrySet()) {
            String[] areaOutcome = expected.getValue().split(" ");
            admin(expected.getKey()).contentType("application/json").body("{\"on\":\"" + today + "\"}")
                    .post("/programme-switch/simulations").then().statusCode(200)
                    .body("[0].areas.find { it.solutionAreaId == '" + areaOutcome[0] + "' }.outcome", equalTo(areaOutcome[1]));
        }

        // seeding again finds everything there and changes nothing
        Map<String, List<String>> before = histories(contoso, fabrikam, northwind);
        int attemptsBefore = ops().get("/exam-candidates/{c}/attempts", "demo-contoso-ana").then().extract().path("size()");
        Seeder.Report second = RunningSuite.stack().seed(Seeder.DEMO_SEED);
        assertEquals(0, second.failed(), "second seed: " + second);
        assertEquals(0, second.skipped(), "second seed: " + second);
        assertEquals(0, second.created(), "a second seed must create nothing: " + second);
        assertEquals(first.variables(), second.variables(), "the same organisations and accounts");
        // anything a second seed had set off would reach the statuses within this while: they must stay as they were
        await("the status histories stay as they were").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250)).until(() -> before.equals(histories(contoso, fabrikam, northwind)));
        assertEquals(before, histories(contoso, fabrikam, northwind));
        ops().get("/exam-candidates/{c}/attempts", "demo-contoso-ana").then().body("size()", equalTo(attemptsBefore));
    }

    private static Map<String, List<String>> histories(String contoso, String fabrikam, String northwind) {
        return Map.of("contoso", changes(contoso, "cloud-platform"), "fabrikam", changes(fabrikam, "data-analytics"),
                "northwind", changes(northwind, "app-development"));
    }
}
