package io.partnerhub.systemtests;

import static io.partnerhub.systemtests.Programme.admin;
import static io.partnerhub.systemtests.Programme.awaitStatus;
import static io.partnerhub.systemtests.Programme.candidate;
import static io.partnerhub.systemtests.Programme.hire;
import static io.partnerhub.systemtests.Programme.ops;
import static io.partnerhub.systemtests.Programme.organization;
import static io.partnerhub.systemtests.Programme.pass;
import static io.partnerhub.systemtests.Programme.status;
import static io.partnerhub.systemtests.Programme.track;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.partnerhub.devstack.test.TestKit;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Issue #19 "Nobody forges a credential", end to end: organisation A has a person whose ASSOCIATE certification counts
 * for a competency; the partner-admin of organisation B tries every path there is to take that candidate id
 * (association with the id in the body, user accounts and imports carrying it, accepting an invitation with the
 * admin's own token, with a candidate claim added to it). Nothing changes in either organisation: asserted after a
 * later event of the same person has been applied (a second certification, counted by A), not after a pause. Then the
 * consent path: B's admin invites, the person accepts with their own token, and the person moves; A learns that the
 * person left, never where to.
 */
@ExtendWith(RunningSuite.class)
class ForgedCredentialsIT {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    @Test
    void aPartnerAdminCannotTakeAnotherOrganisationsPersonOnlyThePersonCanMove() {
        String held = organization("Held");
        String hostile = organization("Hostile");
        String hostileName = ops().get("/organizations/{id}", hostile).then().statusCode(200).extract().path("name");
        Programme.Track first = track("forge", 1, 3);
        Programme.Track second = track("forge2", 1, 3);
        String person = candidate("pat");
        String userAtHeld = hire(held, person);
        pass(person, first.exam());
        awaitStatus(held, first.competency(), s -> "SILVER".equals(s.getString("level")) && counted(s).contains(person),
                "SILVER counting " + person);
        // the Silver pack: a person leaving later puts it at risk (M6), the alert is part of what A sees
        await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                admin(held).body(Map.of("level", "SILVER")).post("/organizations/{id}/membership/purchases", held)
                        .then().statusCode(201));

        // --- B's partner-admin tries every path to the candidate id ---
        String mallory = admin(hostile)
                .body(Map.of("name", "Mallory", "email", person + "@hostile.example", "role", "EMPLOYEE"))
                .post("/organizations/{id}/users", hostile).then().statusCode(201).extract().path("id");
        Response associate = admin(hostile).body(Map.of("candidateId", person))
                .post("/organizations/{id}/users/{user}/association", hostile, mallory);
        assertEquals(403, associate.statusCode(), associate.asString());
        assertEquals(PROBLEM, associate.contentType());
        Response intoHeld = admin(hostile).body(Map.of("candidateId", person))
                .post("/organizations/{id}/users/{user}/association", held, userAtHeld);
        assertTrue(intoHeld.statusCode() == 403 || intoHeld.statusCode() == 404, intoHeld.asString());
        // a partner-admin token with a candidate claim added is still a partner-admin's
        Response claimed = RunningSuite.api("partner-admin", Map.of("org", hostile, "candidate", person))
                .body(Map.of("candidateId", person)).post("/organizations/{id}/users/{user}/association", hostile, mallory);
        assertEquals(403, claimed.statusCode(), claimed.asString());

        Response withId = admin(hostile).body(Map.of("name", "Mallory Two", "email", "two-" + person + "@hostile.example",
                "role", "EMPLOYEE", "candidateId", person)).post("/organizations/{id}/users", hostile);
        assertTrue(withId.statusCode() == 201 || withId.statusCode() == 400, withId.asString());
        if (withId.statusCode() == 201) {
            assertNull(withId.path("candidateId"), "a new account takes no candidate id: " + withId.asString());
        }
        Response jsonImport = admin(hostile).body(List.of(Map.of("name", "Mallory Three", "email", "three-" + person
                + "@hostile.example", "role", "EMPLOYEE", "candidateId", person))).post("/organizations/{id}/user-imports", hostile);
        assertTrue(jsonImport.statusCode() == 200 || jsonImport.statusCode() == 400, jsonImport.asString());
        Response csvImport = admin(hostile).contentType("text/csv")
                .body("name,email,role,candidateId\nMallory Four,four-" + person + "@hostile.example,EMPLOYEE," + person + "\n")
                .post("/organizations/{id}/user-imports", hostile);
        assertTrue(csvImport.statusCode() == 200 || csvImport.statusCode() == 400, csvImport.asString());

        Programme.Invitation ownInvitation = Programme.invite(hostile, "Mallory Five", "five-" + person + "@hostile.example");
        Response adminAccepts = admin(hostile).body(Map.of("code", ownInvitation.code()))
                .post("/organizations/{id}/invitations/acceptance", hostile);
        assertTrue(adminAccepts.statusCode() == 403 || adminAccepts.statusCode() == 404, adminAccepts.asString());
        assertEquals(PROBLEM, adminAccepts.contentType());
        Response claimAccepts = RunningSuite.api("partner-admin", Map.of("org", hostile, "candidate", person))
                .body(Map.of("code", ownInvitation.code())).post("/organizations/{id}/invitations/acceptance", hostile);
        assertTrue(claimAccepts.statusCode() == 403 || claimAccepts.statusCode() == 404, claimAccepts.asString());

        JsonPath hostileUsers = admin(hostile).queryParam("size", 100).get("/organizations/{id}/users", hostile)
                .then().statusCode(200).extract().jsonPath();
        assertFalse(hostileUsers.getList("candidateId").contains(person),
                "no account of B carries the candidate id: " + hostileUsers.prettify());

        // --- a later event of the same person: applied, so anything the attempts had caused would be applied too ---
        pass(person, second.exam());
        awaitStatus(held, second.competency(), s -> "SILVER".equals(s.getString("level")) && counted(s).contains(person),
                "the second certification counted by the organisation the person belongs to");
        JsonPath heldFirst = status(held, first.competency());
        assertEquals("SILVER", heldFirst.getString("level"), heldFirst.prettify());
        assertFalse(heldFirst.getBoolean("atRisk"), heldFirst.prettify());
        assertEquals(List.of(person), counted(heldFirst), heldFirst.prettify());
        for (String competency : List.of(first.competency(), second.competency())) {
            // B has no status row at all (404: nothing ever counted there) or one that counts nobody
            Response hostileStatus = admin(hostile).get("/competency-status/{org}/{competency}", hostile, competency);
            assertTrue(hostileStatus.statusCode() == 200 || hostileStatus.statusCode() == 404, hostileStatus.asString());
            if (hostileStatus.statusCode() == 200) {
                assertEquals("NONE", hostileStatus.path("level"), hostileStatus.asString());
                assertEquals(List.of(), counted(hostileStatus.jsonPath()), hostileStatus.asString());
            }
        }
        admin(held).get("/organizations/{id}/users/{user}", held, userAtHeld).then().statusCode(200)
                .body("candidateId", equalTo(person)).body("status", not("DEPARTED"));
        admin(held).get("/organizations/{id}/membership", held).then().statusCode(200)
                .body("alerts.competencyId", not(org.hamcrest.Matchers.hasItem(first.competency())));

        // --- consent: B invites, the person accepts with their own token and moves ---
        Programme.Invitation invitation = Programme.invite(hostile, "Pat", person + "@consent.example");
        assertTrue(invitation.code() != null && invitation.code().length() >= 22, "a code of at least 128 bits: " + invitation);
        String listed = admin(hostile).get("/organizations/{id}/invitations", hostile).then().statusCode(200).extract().asString();
        assertFalse(listed.contains(invitation.code()), "the code is shown once, never listed: " + listed);
        Programme.accept(invitation, person).then().statusCode(200)
                .body("candidateId", equalTo(person)).body("organizationId", equalTo(hostile));
        Programme.accept(invitation, person).then().statusCode(404); // a used code is no code

        awaitStatus(hostile, first.competency(), s -> "SILVER".equals(s.getString("level")) && counted(s).contains(person),
                "SILVER at B counting the person who accepted");
        awaitStatus(held, first.competency(), s -> !counted(s).contains(person), "A no longer counting the person");
        Map<String, Object> left = awaitActivity(held, "PERSON_LEFT");
        Map<?, ?> details = (Map<?, ?>) left.get("details");
        assertEquals(userAtHeld, details.get("userId"), left.toString());
        assertEquals("ASSOCIATED_ELSEWHERE", details.get("reason"), left.toString());
        await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                admin(held).get("/organizations/{id}/membership", held).then().statusCode(200)
                        .body("alerts.competencyId", org.hamcrest.Matchers.hasItem(first.competency())));

        // A learns that the person left, never where to: neither B's id nor its name anywhere in A's view
        String heldActivity = admin(held).queryParam("size", 100).get("/organizations/{id}/activity", held)
                .then().statusCode(200).extract().asString();
        String heldUsers = admin(held).queryParam("size", 100).get("/organizations/{id}/users", held)
                .then().statusCode(200).extract().asString();
        String heldMembership = admin(held).get("/organizations/{id}/membership", held).then().statusCode(200).extract().asString();
        for (Map.Entry<String, String> view : Map.of("activity", heldActivity, "users", heldUsers, "membership alerts",
                heldMembership).entrySet()) {
            assertFalse(view.getValue().contains(hostile), "A's " + view.getKey() + " names B's id: " + view.getValue());
            assertFalse(view.getValue().contains(hostileName), "A's " + view.getKey() + " names B: " + view.getValue());
        }
        // and B's admin may not read A's log
        admin(hostile).get("/organizations/{id}/activity", held).then().statusCode(404).contentType(PROBLEM);
        admin(hostile).get("/organizations/{id}/users/{user}", hostile, mallory).then().statusCode(200)
                .body("candidateId", org.hamcrest.Matchers.nullValue());
    }

    /** Everybody counted by any requirement of the status. */
    static List<String> counted(JsonPath status) {
        List<String> all = status.getList("requirements.counted.flatten()", String.class);
        return all == null ? List.of() : all.stream().distinct().toList();
    }

    /** The newest entry of {@code kind} in the organisation's activity log, once there is one. */
    static Map<String, Object> awaitActivity(String organization, String kind) {
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath log = admin(organization).queryParam("kind", kind).get("/organizations/{id}/activity", organization)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> entries = log.getList("$");
            assertFalse(entries.isEmpty(), "no " + kind + " in the activity log of " + organization);
            found.clear();
            found.add(entries.get(0));
        });
        return found.get(0);
    }
}
