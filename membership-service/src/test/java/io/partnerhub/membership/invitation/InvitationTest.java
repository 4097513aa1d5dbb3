package io.partnerhub.membership.invitation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.partnerhub.membership.events.MembershipEvents;
import io.partnerhub.membership.user.UserAccountsTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
public class InvitationTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ValidatableResponse invite(String token, String org, String email) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Ada Lovelace\",\"email\":\"" + email + "\"}")
                .when().post("/organizations/" + org + "/invitations").then();
    }

    public static Response accept(String token, String org, String code) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .when().post("/organizations/" + org + "/invitations/acceptance");
    }

    private static String newCandidate() {
        return "cand-" + UUID.randomUUID();
    }

    @Test
    void aPartnerAdminInvitesAndThePersonAcceptsWithTheirOwnToken() {
        String org = UserAccountsTest.organization();
        String candidate = newCandidate();
        Response created = invite(TestTokens.partnerAdmin(org), org, "Ada@Contoso.com").statusCode(201)
                .body("status", equalTo("PENDING")).body("email", equalTo("ada@contoso.com"))
                .body("code", matchesPattern("[A-Za-z0-9_-]{43}")).extract().response();
        String invitation = created.path("id");
        String user = created.path("userId");
        String code = created.path("code");
        assertEquals("/organizations/" + org + "/invitations/" + invitation,
                java.net.URI.create(created.header("Location")).getPath());
        assertEquals(Duration.ofDays(14), Duration.between(Instant.parse(created.path("createdAt")),
                Instant.parse(created.path("expiresAt"))));
        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().get("/organizations/" + org + "/users/" + user)
                .then().statusCode(200).body("role", equalTo("EMPLOYEE")).body("candidateId", nullValue());

        // the list never shows the code
        given().auth().oauth2(TestTokens.partnerAdmin(org)).queryParam("status", "pending")
                .when().get("/organizations/" + org + "/invitations").then().statusCode(200)
                .header("X-Total-Count", "1").body("[0].id", equalTo(invitation)).body("[0]", not(hasKey("code")));

        accept(TestTokens.employee(candidate, org), org, code).then().statusCode(200)
                .body("userId", equalTo(user)).body("organizationId", equalTo(org)).body("candidateId", equalTo(candidate))
                .body("associatedAt", notNullValue());
        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().get("/organizations/" + org + "/users/" + user)
                .then().statusCode(200).body("candidateId", equalTo(candidate));
        // a used code names nothing any more, for anyone
        accept(TestTokens.employee(candidate, org), org, code).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/not-found"));
        accept(TestTokens.employee(newCandidate(), org), org, code).then().statusCode(404);
        given().auth().oauth2(TestTokens.partnerAdmin(org)).queryParam("status", "ACCEPTED")
                .when().get("/organizations/" + org + "/invitations").then().statusCode(200).header("X-Total-Count", "1");
        given().auth().oauth2(TestTokens.partnerAdmin(org)).when()
                .post("/organizations/" + org + "/invitations/" + invitation + "/revocation")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("https://partnerhub.io/problems/invitation-closed"));
        // the account now holds a candidate id: it cannot be invited again
        invite(TestTokens.partnerAdmin(org), org, "ada@contoso.com").statusCode(409)
                .body("type", equalTo("https://partnerhub.io/problems/user-associated"));
    }

    @Test
    void acceptanceSeversTheCandidateFromTheOtherOrganisationLeftThenJoined() throws Exception {
        String candidate = newCandidate();
        String oldOrg = UserAccountsTest.organization();
        String oldUser = UserAccountsTest.addUser(oldOrg, "ada@old.example");
        given().auth().oauth2(TestTokens.employee(candidate, oldOrg)).contentType(ContentType.JSON).body("{}")
                .when().post("/organizations/" + oldOrg + "/users/" + oldUser + "/association").then().statusCode(200);
        String newOrg = UserAccountsTest.organization();
        Response created = invite(TestTokens.partnerAdmin(newOrg), newOrg, "ada@new.example").statusCode(201)
                .extract().response();
        String newUser = created.path("userId");
        accept(TestTokens.employee(candidate, newOrg), newOrg, created.path("code")).then().statusCode(200)
                .body("userId", equalTo(newUser)).body("$", not(hasKey("severedOrganizationId")));

        List<ConsumerRecord<String, String>> records = MembershipEvents.keyed(candidate, r -> r.size() >= 3,
                Duration.ofSeconds(30));
        assertEquals(3, records.size(), "joined (old), left (old), joined (new)");
        JsonNode left = JSON.readTree(records.get(1).value());
        JsonNode joined = JSON.readTree(records.get(2).value());
        assertEquals("io.partnerhub.employee.left.v1", left.get("type").asText());
        assertEquals(oldOrg, left.at("/data/organizationId").asText());
        assertEquals("ASSOCIATED_ELSEWHERE", left.at("/data/reason").asText());
        assertEquals("io.partnerhub.employee.joined.v1", joined.get("type").asText());
        assertEquals(newOrg, joined.at("/data/organizationId").asText());
        assertEquals(newUser, joined.at("/data/userId").asText());
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + oldOrg + "/users/" + oldUser)
                .then().statusCode(200).body("candidateId", nullValue());
    }

    @Test
    void anExpiredCodeNamesNothing() {
        String org = UserAccountsTest.organization();
        String code = invite(TestTokens.partnerAdmin(org), org, "late@contoso.com").statusCode(201).extract().path("code");
        try {
            moveClock("P14D");
            accept(TestTokens.employee(newCandidate(), org), org, code).then().statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(TestTokens.partnerAdmin(org)).queryParam("status", "EXPIRED")
                    .when().get("/organizations/" + org + "/invitations").then().statusCode(200)
                    .header("X-Total-Count", "1").body("[0].status", equalTo("EXPIRED"));
        } finally {
            moveClock("PT0S");
        }
    }

    @Test
    void aRevokedOrSupersededCodeNamesNothing() {
        String org = UserAccountsTest.organization();
        String admin = TestTokens.partnerAdmin(org);
        Response first = invite(admin, org, "ada@contoso.com").statusCode(201).extract().response();
        Response second = invite(admin, org, "ada@contoso.com").statusCode(201).extract().response();
        assertEquals((String) first.path("userId"), second.path("userId"), "the invitation is for the existing account");
        accept(TestTokens.employee(newCandidate(), org), org, first.path("code")).then().statusCode(404);
        given().auth().oauth2(admin).queryParam("status", "REVOKED").when().get("/organizations/" + org + "/invitations")
                .then().statusCode(200).header("X-Total-Count", "1").body("[0].id", equalTo(first.path("id")));

        String revocation = "/organizations/" + org + "/invitations/" + second.path("id") + "/revocation";
        given().auth().oauth2(admin).when().post(revocation).then().statusCode(200).body("status", equalTo("REVOKED"))
                .body("$", not(hasKey("code")));
        given().auth().oauth2(admin).when().post(revocation).then().statusCode(200).body("status", equalTo("REVOKED"));
        accept(TestTokens.employee(newCandidate(), org), org, second.path("code")).then().statusCode(404);
        given().auth().oauth2(admin).queryParam("kind", "INVITATION_REVOKED").when().get("/organizations/" + org + "/activity")
                .then().statusCode(200).body("size()", is(2)); // superseded, then revoked once (the retry changed nothing)
    }

    @Test
    void onlyTheInvitedOrganisationsEmployeeWithACandidateClaimAccepts() {
        String org = UserAccountsTest.organization();
        String other = UserAccountsTest.organization();
        String code = invite(TestTokens.partnerAdmin(org), org, "ada@contoso.com").statusCode(201).extract().path("code");
        // another organisation's path or token: 404; other roles: 403; a token without a candidate claim: 403
        accept(TestTokens.employee(newCandidate(), other), other, code).then().statusCode(404).contentType(PROBLEM);
        accept(TestTokens.employee(newCandidate(), other), org, code).then().statusCode(404).contentType(PROBLEM);
        accept(TestTokens.employee(newCandidate(), null), org, code).then().statusCode(404).contentType(PROBLEM);
        accept(TestTokens.partnerAdmin(org), org, code).then().statusCode(403);
        accept(TestTokens.ops(), org, code).then().statusCode(403);
        accept(TestTokens.token("employee", Map.of("org", org, "sub", "no-candidate-" + UUID.randomUUID())), org, code)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.employee(newCandidate(), org)).contentType(ContentType.JSON).body("{}")
                .when().post("/organizations/" + org + "/invitations/acceptance").then().statusCode(400).contentType(PROBLEM);
        // invitations are managed by the organisation's partner-admin and ops only
        invite(TestTokens.partnerAdmin(other), org, "x@contoso.com").statusCode(404);
        invite(TestTokens.employee(newCandidate(), org), org, "x@contoso.com").statusCode(403);
        invite(TestTokens.partnerAdmin(org), org, "not-an-email").statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partnerAdmin(other)).when().get("/organizations/" + org + "/invitations")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.partnerAdmin(org)).queryParam("status", "SUPERSEDED")
                .when().get("/organizations/" + org + "/invitations").then().statusCode(400).contentType(PROBLEM);
        // the code still works for the right person
        accept(TestTokens.employee(newCandidate(), org), org, code).then().statusCode(200);
    }

    @Test
    void moreThanFiveTriesAMinuteAreRefusedWithRetryAfter() {
        String org = UserAccountsTest.organization();
        String code = invite(TestTokens.ops(), org, "ada@contoso.com").statusCode(201).extract().path("code");
        String guesser = TestTokens.employee(newCandidate(), org);
        for (int i = 0; i < 5; i++) {
            accept(guesser, org, "guess-" + i).then().statusCode(404);
        }
        Response refused = accept(guesser, org, code);
        assertEquals(429, refused.statusCode(), refused.asString());
        assertEquals(PROBLEM, refused.contentType().split(";")[0]);
        assertEquals("https://partnerhub.io/problems/too-many-attempts", refused.path("type"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertEquals(true, retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // another person is not held up by the guesser
        accept(TestTokens.employee(newCandidate(), org), org, code).then().statusCode(200);
    }

    private static void moveClock(String offset) {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"offset\":\"" + offset + "\"}")
                .when().put("/admin/clock").then().statusCode(200);
    }
}
