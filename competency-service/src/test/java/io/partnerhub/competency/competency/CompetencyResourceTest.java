package io.partnerhub.competency.competency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

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
class CompetencyResourceTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void define(String id, String name) {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}")
                .when().post("/competencies")
                .then().statusCode(201);
    }

    @Test
    void opsDefinesACompetencyThatAnyoneSignedInCanRead() {
        String id = uniqueId("cloud-platform");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"Cloud Platform\"}")
                .when().post("/competencies")
                .then().statusCode(201)
                .header("Location", endsWith("/competencies/" + id))
                .body("id", equalTo(id))
                .body("name", equalTo("Cloud Platform"))
                .body("createdAt", notNullValue());
        given().auth().oauth2(TestTokens.partnerAdmin("o-1"))
                .when().get("/competencies/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Cloud Platform"));
    }

    @Test
    void refusesASecondCompetencyWithTheSameId() {
        String id = uniqueId("data-ai");
        define(id, "Data and AI");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"Data and AI again\"}")
                .when().post("/competencies")
                .then().statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/competency-exists"));
    }

    @Test
    void rejectsInvalidCompetenciesWithAProblem() {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"Cloud Platform\",\"name\":\"Cloud Platform\"}")
                .when().post("/competencies")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + uniqueId("security") + "\"}")
                .when().post("/competencies")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void onlyOpsDefinesCompetencies() {
        given().auth().oauth2(TestTokens.reporter()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + uniqueId("security") + "\",\"name\":\"Security\"}")
                .when().post("/competencies")
                .then().statusCode(403);
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + uniqueId("security") + "\",\"name\":\"Security\"}")
                .when().post("/competencies")
                .then().statusCode(401);
    }

    @Test
    void listsTheCataloguePagedWithTheTotal() {
        String id = uniqueId("modern-work");
        define(id, "Modern Work");
        define(uniqueId("modern-work"), "Modern Work 2");
        given().auth().oauth2(TestTokens.employee("c-1", "o-1"))
                .queryParam("size", 1)
                .when().get("/competencies")
                .then().statusCode(200)
                .header("X-Total-Count", notNullValue())
                .body("$", hasSize(1));
        given().auth().oauth2(TestTokens.ops())
                .queryParam("size", 100)
                .when().get("/competencies")
                .then().statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void answersNotFoundProblemForAnUnknownCompetency() {
        given().auth().oauth2(TestTokens.ops())
                .when().get("/competencies/no-such-competency")
                .then().statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/not-found"));
    }
}
