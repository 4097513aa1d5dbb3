package io.partnerhub.membership.organization;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** M1 ops list and search organisations; a partner-admin sees only their own; hostile input is a 4xx problem. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class OrganizationSearchTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    @Test
    void opsSearchOrganisationsByNameMpnIdAndCountry() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mpnId = OrganizationResourceTest.uniqueMpnId();
        String first = OrganizationResourceTest.register(mpnId, "Alpha " + tag, "FR");
        OrganizationResourceTest.register(OrganizationResourceTest.uniqueMpnId(), "Beta " + tag, "FR");
        OrganizationResourceTest.register(OrganizationResourceTest.uniqueMpnId(), "Gamma " + tag, "IT");

        given().auth().oauth2(TestTokens.ops()).queryParam("q", tag.toUpperCase()).when().get("/organizations")
                .then().statusCode(200).header("X-Total-Count", "3").body("name", hasSize(3))
                .body("[0].name", equalTo("Alpha " + tag));
        given().auth().oauth2(TestTokens.ops()).queryParam("q", tag).queryParam("country", "fr").queryParam("size", 1)
                .queryParam("page", 1).when().get("/organizations")
                .then().statusCode(200).header("X-Total-Count", "2").body("[0].name", equalTo("Beta " + tag));
        given().auth().oauth2(TestTokens.ops()).queryParam("q", mpnId).when().get("/organizations")
                .then().statusCode(200).body("id", equalTo(java.util.List.of(first)));
        given().auth().oauth2(TestTokens.ops()).queryParam("q", "%_\\").when().get("/organizations")
                .then().statusCode(200);
    }

    @Test
    void aPartnerAdminListsOnlyTheirOwnOrganisation() {
        String own = OrganizationResourceTest.register(OrganizationResourceTest.uniqueMpnId(), "Own Org", "DE");
        given().auth().oauth2(TestTokens.partnerAdmin(own)).when().get("/organizations")
                .then().statusCode(200).header("X-Total-Count", "1").body("[0].id", equalTo(own));
        given().auth().oauth2(TestTokens.partnerAdmin("not-a-uuid")).when().get("/organizations")
                .then().statusCode(200).header("X-Total-Count", "0");
        given().auth().oauth2(TestTokens.employee("cand-1", own)).when().get("/organizations").then().statusCode(403);
        given().auth().oauth2(TestTokens.reporter()).when().get("/organizations").then().statusCode(403);
        given().when().get("/organizations").then().statusCode(401);
    }

    @Test
    void hostileInputIsAClientProblemNeverA500() {
        String org = OrganizationResourceTest.register(OrganizationResourceTest.uniqueMpnId(), "Hostile Target", "DE");
        String longId = "x".repeat(300);
        given().auth().oauth2(TestTokens.ops()).queryParam("page", 21474837).when().get("/organizations")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).queryParam("page", -1).when().get("/organizations")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).queryParam("size", 0).when().get("/organizations/" + org + "/users")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).queryParam("page", 21474837).when().get("/organizations/" + org + "/users")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).queryParam("q", "q".repeat(300)).when().get("/organizations")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).queryParam("country", "Germany").when().get("/organizations")
                .then().statusCode(400).contentType(PROBLEM);
        for (String path : new String[] { "/organizations/" + longId, "/organizations/" + longId + "/users",
                "/organizations/" + org + "/users/" + longId, "/organizations/" + longId + "/membership" }) {
            io.restassured.response.Response response = given().auth().oauth2(TestTokens.ops()).when().get(path);
            assertEquals(400, response.statusCode(), path + ": " + response.asString());
            assertEquals(PROBLEM, response.contentType().split(";")[0]);
        }
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + org + "/users/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + org + "/users/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).contentType("application/json").body("{\"candidateId\":\"c\",\"reason\":\"r\"}")
                .when().post("/organizations/" + org + "/users/" + UUID.randomUUID() + "/association")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType("application/json")
                .body("{\"name\":\"" + "n".repeat(300) + "\",\"email\":\"a@b.io\",\"role\":\"ADMIN\"}")
                .when().post("/organizations/" + org + "/users").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType("application/xml").body("<users/>")
                .when().post("/organizations/" + org + "/user-imports").then().statusCode(415).contentType(PROBLEM);
    }
}
