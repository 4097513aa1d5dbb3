package io.partnerhub.systemtests;

import static io.partnerhub.systemtests.Programme.admin;
import static io.partnerhub.systemtests.Programme.awaitStatus;
import static io.partnerhub.systemtests.Programme.candidate;
import static io.partnerhub.systemtests.Programme.level;
import static io.partnerhub.systemtests.Programme.organization;
import static io.partnerhub.systemtests.Programme.pass;
import static io.partnerhub.systemtests.Programme.track;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.response.Response;

/**
 * The organisation's activity log through the gateway (issue #19): who did what, written in the same transaction as the
 * change: a user added, an invitation created and accepted, a figure reported, a pack bought; a change refused and
 * rolled back (409, the e-mail is taken) leaves no entry; nobody outside the organisation reads it.
 */
@ExtendWith(RunningSuite.class)
class ActivityLogIT {

    @Test
    void everyChangeOfTheOrganisationIsLoggedAndARolledBackOneIsNot() {
        String organization = organization("Logged");
        String other = organization("Nosy");
        Programme.Track track = track("logged", 1, 3);

        String email = candidate("ann") + "@logged.example";
        admin(organization).body(Map.of("name", "Ann", "email", email, "role", "EMPLOYEE"))
                .post("/organizations/{id}/users", organization).then().statusCode(201);
        String person = candidate("ivo");
        Programme.Invitation invitation = Programme.invite(organization, "Ivo", person + "@logged.example");
        Programme.accept(invitation, person).then().statusCode(200);
        RunningSuite.api("reporter", Map.of("source", "logged-crm"))
                .body(Map.of("metric", "REVENUE", "value", 5000, "periodStart", "2026-02-01", "periodEnd", "2026-02-28"))
                .post("/organizations/{id}/performance-reports", organization).then().statusCode(201);
        pass(person, track.exam());
        awaitStatus(organization, track.competency(), level("SILVER"), "SILVER");
        await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                admin(organization).body(Map.of("level", "SILVER")).post("/organizations/{id}/membership/purchases", organization)
                        .then().statusCode(201));

        List<Map<String, Object>> log = activity(organization);
        List<Object> kinds = log.stream().map(entry -> entry.get("kind")).toList();
        for (String kind : List.of("USER_ADDED", "INVITATION_CREATED", "INVITATION_ACCEPTED", "PERFORMANCE_REPORTED",
                "MEMBERSHIP_PURCHASED")) {
            assertTrue(kinds.contains(kind), "no " + kind + " in " + log);
        }
        assertEquals("MEMBERSHIP_PURCHASED", kinds.get(0), "newest first: " + kinds);
        assertEquals("reporter", actorRole(log, "PERFORMANCE_REPORTED"), log.toString());
        assertEquals("partner-admin", actorRole(log, "INVITATION_CREATED"), log.toString());
        assertEquals("employee", actorRole(log, "INVITATION_ACCEPTED"), log.toString());
        activity(organization, "USER_ADDED").forEach(entry -> assertEquals("USER_ADDED", entry.get("kind"), entry.toString()));

        // a change refused and rolled back leaves no entry: the next change is the only new one
        int before = total(organization);
        Response taken = admin(organization).body(Map.of("name", "Ann Again", "email", email, "role", "EMPLOYEE"))
                .post("/organizations/{id}/users", organization);
        assertEquals(409, taken.statusCode(), taken.asString());
        admin(organization).body(Map.of("name", "Bo", "email", candidate("bo") + "@logged.example", "role", "EMPLOYEE"))
                .post("/organizations/{id}/users", organization).then().statusCode(201);
        assertEquals(before + 1, total(organization), "one entry for the one change that happened: " + activity(organization));
        assertFalse(activity(organization).toString().contains("Ann Again"), activity(organization).toString());

        // nobody outside the organisation reads it
        admin(other).get("/organizations/{id}/activity", organization).then().statusCode(404)
                .contentType("application/problem+json");
        Programme.employee(organization, person).get("/organizations/{id}/activity", organization).then().statusCode(404);
        Programme.anyone().get("/organizations/{id}/activity", organization).then().statusCode(401);
    }

    private static List<Map<String, Object>> activity(String organization) {
        return admin(organization).queryParam("size", 100).get("/organizations/{id}/activity", organization)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static List<Map<String, Object>> activity(String organization, String kind) {
        return admin(organization).queryParam("kind", kind).get("/organizations/{id}/activity", organization)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static int total(String organization) {
        return Integer.parseInt(admin(organization).get("/organizations/{id}/activity", organization)
                .then().statusCode(200).extract().header("X-Total-Count"));
    }

    @SuppressWarnings("unchecked")
    private static String actorRole(List<Map<String, Object>> log, String kind) {
        return log.stream().filter(entry -> kind.equals(entry.get("kind"))).findFirst()
                .map(entry -> (String) ((Map<String, Object>) entry.get("actor")).get("role")).orElse(null);
    }
}
