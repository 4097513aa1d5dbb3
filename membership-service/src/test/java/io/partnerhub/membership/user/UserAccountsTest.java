package io.partnerhub.membership.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.partnerhub.membership.organization.OrganizationResourceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
public class UserAccountsTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    public static String organization() {
        return OrganizationResourceTest.register(OrganizationResourceTest.uniqueMpnId(), "Org " + UUID.randomUUID(), "DE");
    }

    public static String addUser(String org, String email) {
        return given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON)
                .body("{\"name\":\"Ada Lovelace\",\"email\":\"" + email + "\",\"role\":\"EMPLOYEE\"}")
                .when().post("/organizations/" + org + "/users")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anAdminAddsListsChangesAndRemovesUsers() {
        String org = organization();
        String id = given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON)
                .body("{\"name\":\"Ada Lovelace\",\"email\":\"Ada@Contoso.com\",\"role\":\"EMPLOYEE\"}")
                .when().post("/organizations/" + org + "/users")
                .then().statusCode(201)
                .header("Location", containsString("/organizations/" + org + "/users/"))
                .body("email", equalTo("ada@contoso.com"))
                .body("status", equalTo("ACTIVE"))
                .extract().path("id");
        addUser(org, "grace@contoso.com");

        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().get("/organizations/" + org + "/users?size=1")
                .then().statusCode(200).header("X-Total-Count", "2").body("", hasSize(1)).body("[0].id", equalTo(id));

        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON)
                .body("{\"name\":\"Ada King\",\"email\":\"ada.king@contoso.com\",\"role\":\"ADMIN\"}")
                .when().put("/organizations/" + org + "/users/" + id)
                .then().statusCode(200).body("name", equalTo("Ada King")).body("role", equalTo("ADMIN"));
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON)
                .body("{\"name\":\"Ada King\",\"email\":\"grace@contoso.com\",\"role\":\"ADMIN\"}")
                .when().put("/organizations/" + org + "/users/" + id)
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("https://partnerhub.io/problems/email-taken"));

        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().delete("/organizations/" + org + "/users/" + id)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().get("/organizations/" + org + "/users/" + id)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + org + "/users")
                .then().statusCode(200).header("X-Total-Count", "1");
    }

    @Test
    void refusesDuplicateAndInvalidUsersWithProblems() {
        String org = organization();
        addUser(org, "ada@contoso.com");
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON)
                .body("{\"name\":\"Ada\",\"email\":\"ADA@contoso.com\",\"role\":\"EMPLOYEE\"}")
                .when().post("/organizations/" + org + "/users")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("https://partnerhub.io/problems/email-taken"));
        for (String body : new String[] {
                "{\"name\":\"Ada\",\"email\":\"not-an-email\",\"role\":\"EMPLOYEE\"}",
                "{\"name\":\"Ada\",\"email\":\"x@y.io\",\"role\":\"BOSS\"}",
                "{\"name\":\"\",\"email\":\"x@y.io\",\"role\":\"ADMIN\"}",
                "{\"name\":\"Ada\",\"email\":\"x@y.io\"",
                "[]" }) {
            given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON).body(body)
                    .when().post("/organizations/" + org + "/users")
                    .then().statusCode(400).contentType(PROBLEM);
        }
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + org + "/users")
                .then().statusCode(200).header("X-Total-Count", "1");
    }

    @Test
    void scopesUsersToTheAdminsOwnOrganisation() {
        String org = organization();
        String id = addUser(org, "ada@contoso.com");
        String other = organization();
        given().auth().oauth2(TestTokens.partnerAdmin(other)).when().get("/organizations/" + org + "/users")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partnerAdmin(other)).when().get("/organizations/" + other + "/users/" + id)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partnerAdmin(other)).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"email\":\"x@y.io\",\"role\":\"ADMIN\"}")
                .when().post("/organizations/" + org + "/users").then().statusCode(404);
        given().auth().oauth2(TestTokens.employee("cand-x", org)).when().get("/organizations/" + org + "/users")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.reporter()).when().get("/organizations/" + org + "/users")
                .then().statusCode(403);
        given().when().get("/organizations/" + org + "/users").then().statusCode(401);
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + UUID.randomUUID() + "/users")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aJsonImportWithBadRowsStoresExactlyTheGoodOnes() {
        String org = organization();
        String existing = addUser(org, "ada@contoso.com");
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON)
                .body("""
                        [{"name":"Grace Hopper","email":"grace@contoso.com","role":"ADMIN"},
                         {"name":"","email":"nobody@contoso.com","role":"EMPLOYEE"},
                         {"name":"Ada again","email":"ADA@contoso.com","role":"EMPLOYEE"},
                         {"name":"Bad mail","email":"bad-mail","role":"EMPLOYEE"},
                         "not an object",
                         {"name":"Alan Turing","email":"alan@contoso.com","role":"employee"},
                         {"name":"Alan twice","email":"alan@contoso.com","role":"EMPLOYEE"},
                         {"name":"Boss","email":"boss@contoso.com","role":"BOSS"}]""")
                .when().post("/organizations/" + org + "/user-imports")
                .then().statusCode(200)
                .body("rows", hasSize(8))
                .body("rows.status", equalTo(java.util.List.of("CREATED", "INVALID", "EXISTS", "INVALID", "INVALID",
                        "CREATED", "EXISTS", "INVALID")))
                .body("rows[0].row", equalTo(1))
                .body("rows[1].problem", equalTo("name: must not be blank"))
                .body("rows[1].id", nullValue())
                .body("rows[2].id", equalTo(existing))
                .body("rows[7].problem", equalTo("role: must be ADMIN or EMPLOYEE"));
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + org + "/users")
                .then().statusCode(200).header("X-Total-Count", "3")
                .body("email", equalTo(java.util.List.of("ada@contoso.com", "grace@contoso.com", "alan@contoso.com")));
    }

    @Test
    void aCsvImportReportsEachRowAndStoresTheGoodOnes() {
        String org = organization();
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType("text/csv")
                .body("Email,Name,Role\r\nada@contoso.com,Ada Lovelace,EMPLOYEE\r\ngrace@contoso.com,\"Hopper, Grace\",ADMIN\r\n"
                        + "only-two,fields\r\nx@contoso.com,,EMPLOYEE\r\n")
                .when().post("/organizations/" + org + "/user-imports")
                .then().statusCode(200)
                .body("rows.status", equalTo(java.util.List.of("CREATED", "CREATED", "INVALID", "INVALID")))
                .body("rows[2].problem", containsString("2 fields"));
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + org + "/users")
                .then().statusCode(200).header("X-Total-Count", "2").body("[1].name", equalTo("Hopper, Grace"));
    }

    @Test
    void aControlCharacterInACsvCellMakesThatRowInvalid() {
        String org = organization();
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType("text/csv")
                .body("name,email,role,note\nAda\u0000Lovelace,ada@contoso.com,EMPLOYEE,\nGrace,grace@contoso.com,ADMIN,x\u0007y\n"
                        + "Bo Chen,bo@contoso.com,EMPLOYEE,ok\n\"Line\nBreak\",lb@contoso.com,EMPLOYEE,\n")
                .when().post("/organizations/" + org + "/user-imports")
                .then().statusCode(200)
                .body("rows.status", equalTo(java.util.List.of("INVALID", "INVALID", "CREATED", "INVALID")))
                .body("rows[0].problem", containsString("control character"));
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + org + "/users")
                .then().statusCode(200).header("X-Total-Count", "1");
    }

    @Test
    void aCandidateIdInAnAddOrImportIsNeverStored() {
        String org = organization();
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON)
                .body("{\"name\":\"Ada\",\"email\":\"ada@contoso.com\",\"role\":\"EMPLOYEE\",\"candidateId\":\"cand-forged\"}")
                .when().post("/organizations/" + org + "/users").then().statusCode(201).body("candidateId", nullValue());
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON)
                .body("[{\"name\":\"Bo\",\"email\":\"bo@contoso.com\",\"role\":\"EMPLOYEE\",\"candidateId\":\"cand-forged-2\"}]")
                .when().post("/organizations/" + org + "/user-imports").then().statusCode(200);
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType("text/csv")
                .body("name,email,role,candidateId\nGrace,grace@contoso.com,EMPLOYEE,cand-forged-3\n")
                .when().post("/organizations/" + org + "/user-imports").then().statusCode(200);
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + org + "/users")
                .then().statusCode(200).header("X-Total-Count", "3").body("candidateId", equalTo(java.util.Arrays.asList(null, null, null)));
    }

    @Test
    void refusesOversizedOrMalformedImportsAndStoresNothing() {
        String org = organization();
        StringBuilder csv = new StringBuilder("name,email,role\n");
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            csv.append("U").append(i).append(",u").append(i).append("@c.io,EMPLOYEE\n");
            json.append(i == 0 ? "" : ",").append("{\"name\":\"U").append(i).append("\",\"email\":\"u").append(i)
                    .append("@c.io\",\"role\":\"EMPLOYEE\"}");
        }
        json.append("]");
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType("text/csv").body(csv.toString())
                .when().post("/organizations/" + org + "/user-imports")
                .then().statusCode(413).contentType(PROBLEM).body("type", equalTo("https://partnerhub.io/problems/too-many-rows"))
                .body("maxRows", equalTo(1000));
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON).body(json.toString())
                .when().post("/organizations/" + org + "/user-imports")
                .then().statusCode(413).contentType(PROBLEM);
        for (String bad : new String[] { "name,email,role\n\"Ada,ada@c.io,EMPLOYEE\n", "", "name,mail\nAda,a@c.io\n" }) {
            given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType("text/csv").body(bad)
                    .when().post("/organizations/" + org + "/user-imports")
                    .then().statusCode(400).contentType(PROBLEM);
        }
        for (String bad : new String[] { "[{\"name\":", "{\"name\":\"Ada\"}" }) {
            given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON).body(bad)
                    .when().post("/organizations/" + org + "/user-imports")
                    .then().statusCode(400).contentType(PROBLEM);
        }
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + org + "/users")
                .then().statusCode(200).header("X-Total-Count", "0");
        given().auth().oauth2(TestTokens.partnerAdmin(organization())).contentType("text/csv").body("name,email,role\n")
                .when().post("/organizations/" + org + "/user-imports")
                .then().statusCode(404);
    }
}
