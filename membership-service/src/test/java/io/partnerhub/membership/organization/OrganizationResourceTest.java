package io.partnerhub.membership.organization;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
public class OrganizationResourceTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    public static String uniqueMpnId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    public static String register(String mpnId, String name, String country) {
        return given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"mpnId\":\"" + mpnId + "\",\"name\":\"" + name + "\",\"country\":\"" + country + "\"}")
                .when().post("/organizations")
                .then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void opsRegistersAnOrganization() {
        String mpnId = uniqueMpnId();
        String id = given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"mpnId\":\"" + mpnId + "\",\"name\":\"Contoso Ltd\",\"country\":\"de\"}")
                .when().post("/organizations")
                .then().statusCode(201)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("mpnId", equalTo(mpnId))
                .body("name", equalTo("Contoso Ltd"))
                .body("country", equalTo("DE"))
                .body("createdAt", notNullValue())
                .extract().path("id");
        given().auth().oauth2(TestTokens.ops())
                .when().get("/organizations/" + id)
                .then().statusCode(200)
                .body("mpnId", equalTo(mpnId))
                .body("country", equalTo("DE"));
    }

    @Test
    void answersWithTheLocationOfTheNewOrganization() {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"mpnId\":\"" + uniqueMpnId() + "\",\"name\":\"Fabrikam\",\"country\":\"US\"}")
                .when().post("/organizations")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/organizations/[0-9a-f-]{36}"));
    }

    @Test
    void refusesAnMpnIdThatIsTaken() {
        String mpnId = uniqueMpnId();
        register(mpnId, "Contoso Ltd", "DE");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"mpnId\":\"" + mpnId + "\",\"name\":\"Contoso Copy\",\"country\":\"FR\"}")
                .when().post("/organizations")
                .then().statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/mpn-id-taken"))
                .body("mpnId", equalTo(mpnId));
    }

    @Test
    void rejectsMalformedOrganizationsWithAProblem() {
        for (String body : new String[] {
                "{\"mpnId\":\"47-11\",\"name\":\"Contoso\",\"country\":\"DE\"}",
                "{\"mpnId\":\"" + uniqueMpnId() + "\",\"name\":\"\",\"country\":\"DE\"}",
                "{\"mpnId\":\"" + uniqueMpnId() + "\",\"name\":\"Contoso\",\"country\":\"XX\"}",
                "{\"mpnId\":\"" + uniqueMpnId() + "\",\"name\":\"Contoso\",\"country\":\"Germany\"}" }) {
            given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(body)
                    .when().post("/organizations")
                    .then().statusCode(400)
                    .contentType(PROBLEM);
        }
    }

    @Test
    void onlyOpsRegistersOrganizations() {
        given().auth().oauth2(TestTokens.partnerAdmin(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body("{\"mpnId\":\"" + uniqueMpnId() + "\",\"name\":\"Contoso\",\"country\":\"DE\"}")
                .when().post("/organizations")
                .then().statusCode(403);
        given().contentType(ContentType.JSON)
                .body("{\"mpnId\":\"" + uniqueMpnId() + "\",\"name\":\"Contoso\",\"country\":\"DE\"}")
                .when().post("/organizations")
                .then().statusCode(401);
    }

    @Test
    void showsAnOrganizationToItsOwnAdminsAndEmployeesOnly() {
        String id = register(uniqueMpnId(), "Northwind", "GB");
        given().auth().oauth2(TestTokens.partnerAdmin(id))
                .when().get("/organizations/" + id)
                .then().statusCode(200).body("name", equalTo("Northwind"));
        given().auth().oauth2(TestTokens.employee("cand-1", id))
                .when().get("/organizations/" + id)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.partnerAdmin(UUID.randomUUID().toString()))
                .when().get("/organizations/" + id)
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("/not-found"));
        given().auth().oauth2(TestTokens.employee("cand-2", null))
                .when().get("/organizations/" + id)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.reporter())
                .when().get("/organizations/" + id)
                .then().statusCode(403);
    }

    @Test
    void answersNotFoundProblemForUnknownOrMalformedIds() {
        given().auth().oauth2(TestTokens.ops())
                .when().get("/organizations/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops())
                .when().get("/organizations/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }
}
