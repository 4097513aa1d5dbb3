package io.partnerhub.membership.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.partnerhub.membership.invitation.InvitationTest;
import io.partnerhub.membership.user.UserAccountsTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every change is in the organisation's activity log, with its actor; purchases and renewals: MembershipTest. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ActivityTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    private static ValidatableResponse activity(String token, String org, String query) {
        return given().auth().oauth2(token).when().get("/organizations/" + org + "/activity" + query).then();
    }

    @Test
    void everyChangeIsLoggedWithItsActor() {
        String org = UserAccountsTest.organization();
        String admin = TestTokens.partnerAdmin(org);
        String user = UserAccountsTest.addUser(org, "ada@contoso.com");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"Ada King\",\"email\":\"ada@contoso.com\",\"role\":\"ADMIN\"}")
                .when().put("/organizations/" + org + "/users/" + user).then().statusCode(200);
        given().auth().oauth2(admin).contentType("text/csv").body("name,email,role\nBo Chen,bo@contoso.com,EMPLOYEE\n")
                .when().post("/organizations/" + org + "/user-imports").then().statusCode(200);
        String candidate = "cand-" + UUID.randomUUID();
        var invitation = InvitationTest.invite(admin, org, "grace@contoso.com").statusCode(201).extract().response();
        InvitationTest.accept(TestTokens.employee(candidate, org), org, invitation.path("code")).then().statusCode(200);
        String revoked = InvitationTest.invite(admin, org, "eve@contoso.com").statusCode(201).extract().path("id");
        given().auth().oauth2(admin).when().post("/organizations/" + org + "/invitations/" + revoked + "/revocation")
                .then().statusCode(200);
        // the person moves on: PERSON_LEFT here; the support association there
        String otherOrg = UserAccountsTest.organization();
        String otherUser = UserAccountsTest.addUser(otherOrg, "grace@fabrikam.example");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"candidateId\":\"" + candidate + "\",\"reason\":\"ticket 7\"}")
                .when().post("/organizations/" + otherOrg + "/users/" + otherUser + "/association").then().statusCode(200);
        given().auth().oauth2(admin).when().post("/organizations/" + org + "/users/" + user + "/departure").then().statusCode(200);
        given().auth().oauth2(admin).when().delete("/organizations/" + org + "/users/" + user).then().statusCode(204);
        String figure = "{\"metric\":\"REVENUE\",\"value\":%s,\"periodStart\":\"2026-10-01\",\"periodEnd\":\"2026-12-31\"}";
        given().auth().oauth2(TestTokens.reporter()).contentType(ContentType.JSON).body(figure.formatted("10"))
                .when().post("/organizations/" + org + "/performance-reports").then().statusCode(201);
        given().auth().oauth2(TestTokens.reporter()).contentType(ContentType.JSON).body(figure.formatted("11"))
                .when().post("/organizations/" + org + "/performance-reports").then().statusCode(200);

        List<String> kinds = activity(admin, org, "?size=100").statusCode(200).extract().jsonPath().getList("kind");
        assertEquals(new TreeSet<>(Set.of("USER_ADDED", "USER_CHANGED", "USERS_IMPORTED", "INVITATION_CREATED",
                "INVITATION_ACCEPTED", "INVITATION_REVOKED", "PERSON_JOINED", "PERSON_LEFT", "USER_DEPARTED", "USER_REMOVED",
                "PERFORMANCE_REPORTED", "PERFORMANCE_CORRECTED")), new TreeSet<>(kinds));
        List<String> at = activity(admin, org, "?size=100").extract().jsonPath().getList("at");
        for (int i = 1; i < at.size(); i++) {
            assertTrue(!Instant.parse(at.get(i)).isAfter(Instant.parse(at.get(i - 1))), "newest first");
        }
        activity(admin, org, "?kind=person_joined").body("size()", is(1)).body("[0].actor.role", equalTo("employee"))
                .body("[0].actor.subject", equalTo("candidate-" + candidate + "@partnerhub.local"));
        activity(admin, org, "?kind=PERSON_LEFT").body("size()", is(1)).body("[0].details.reason", equalTo("ASSOCIATED_ELSEWHERE"));
        activity(admin, org, "?kind=USER_ADDED").body("[0].actor.role", equalTo("partner-admin"));
        activity(admin, org, "?kind=PERFORMANCE_CORRECTED").body("[0].actor.role", equalTo("reporter"))
                .body("[0].details.source", equalTo("test-crm")).body("[0].details.value", equalTo("11"));
        activity(TestTokens.ops(), otherOrg, "?kind=SUPPORT_ASSOCIATION").body("size()", is(1))
                .body("[0].details.reason", equalTo("ticket 7"));
        activity(admin, org, "?size=2&page=0").header("X-Total-Count", String.valueOf(kinds.size())).body("size()", is(2));
        activity(admin, org, "?from=2000-01-01T00:00:00Z&to=2000-12-31T00:00:00Z").body("size()", is(0));
        activity(admin, org, "?from=" + Instant.now().minusSeconds(600)).body("size()", is(kinds.size()));
    }

    @Test
    void aChangeThatRollsBackLeavesNoEntry() {
        String org = UserAccountsTest.organization();
        String admin = TestTokens.partnerAdmin(org);
        UserAccountsTest.addUser(org, "ada@contoso.com");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"Ada\",\"email\":\"ada@contoso.com\",\"role\":\"EMPLOYEE\"}")
                .when().post("/organizations/" + org + "/users").then().statusCode(409);
        activity(admin, org, "?kind=USER_ADDED").body("size()", is(1));
    }

    @Test
    void onlyOpsAndTheOrganisationsPartnerAdminReadTheLog() {
        String org = UserAccountsTest.organization();
        String other = UserAccountsTest.organization();
        activity(TestTokens.partnerAdmin(other), org, "").statusCode(404).contentType(PROBLEM);
        activity(TestTokens.employee("cand-" + UUID.randomUUID(), org), org, "").statusCode(404).contentType(PROBLEM);
        activity(TestTokens.reporter(), org, "").statusCode(404).contentType(PROBLEM);
        activity(TestTokens.ops(), UUID.randomUUID().toString(), "").statusCode(404).contentType(PROBLEM);
        given().when().get("/organizations/" + org + "/activity").then().statusCode(401);
        String admin = TestTokens.partnerAdmin(org);
        activity(admin, org, "?kind=NOPE").statusCode(400).contentType(PROBLEM);
        activity(admin, org, "?from=yesterday").statusCode(400).contentType(PROBLEM);
        activity(admin, org, "?to=2026-13-01T00:00:00Z").statusCode(400).contentType(PROBLEM);
        activity(admin, org, "?from=2027-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").statusCode(400).contentType(PROBLEM);
        activity(admin, org, "?page=-1").statusCode(400).contentType(PROBLEM);
        activity(admin, org, "").statusCode(200).header("X-Total-Count", "0");
    }
}
