package io.partnerhub.certification.certification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
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
class CertificationResourceTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String body(String id, String level, String requiredExams, String prerequisites) {
        return """
                {"id":"%s","name":"Microsoft Certified: %s","level":"%s","requiredExams":%s,"prerequisites":%s}"""
                .formatted(id, id, level, requiredExams, prerequisites);
    }

    @Test
    void opsDefinesACertificationWithGroupsOfRequiredExams() {
        String id = uniqueId("azure-solutions-architect-expert");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(body(id, "EXPERT", "[[\"AZ-305\"],[\"AZ-104\",\"az-204\"]]", "[]"))
                .when().post("/certifications")
                .then().statusCode(201)
                .header("Location", endsWith("/certifications/" + id))
                .body("id", equalTo(id))
                .body("level", equalTo("EXPERT"))
                .body("requiredExams[0]", contains("AZ-305"))
                .body("requiredExams[1]", contains("AZ-104", "AZ-204"))
                .body("status", equalTo("ACTIVE"))
                .body("createdAt", notNullValue());

        given().auth().oauth2(TestTokens.employee("c-1", null))
                .when().get("/certifications/" + id)
                .then().statusCode(200)
                .body("requiredExams[1]", contains("AZ-104", "AZ-204"));
    }

    @Test
    void refusesASecondCertificationWithTheSameId() {
        String id = uniqueId("azure-administrator-associate");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(body(id, "ASSOCIATE", "[[\"AZ-104\"]]", "[]"))
                .when().post("/certifications").then().statusCode(201);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(body(id, "ASSOCIATE", "[[\"AZ-104\"]]", "[]"))
                .when().post("/certifications")
                .then().statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/certification-exists"));
    }

    @Test
    void acceptsPrerequisitesFromTheCatalogueOnly() {
        String fundamentals = uniqueId("azure-fundamentals");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(body(fundamentals, "FUNDAMENTALS", "[[\"AZ-900\"]]", "[]"))
                .when().post("/certifications").then().statusCode(201);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(body(uniqueId("azure-devops-expert"), "EXPERT", "[[\"AZ-400\"]]", "[\"" + fundamentals + "\"]"))
                .when().post("/certifications")
                .then().statusCode(201)
                .body("prerequisites", contains(fundamentals));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(body(uniqueId("azure-devops-expert"), "EXPERT", "[[\"AZ-400\"]]", "[\"no-such-certification\"]"))
                .when().post("/certifications")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("no-such-certification"));
    }

    @Test
    void rejectsInvalidDefinitionsWithAProblem() {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(body(uniqueId("no-exams"), "ASSOCIATE", "[]", "[]"))
                .when().post("/certifications")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(body(uniqueId("empty-group"), "ASSOCIATE", "[[\"AZ-104\"],[]]", "[]"))
                .when().post("/certifications")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(body(uniqueId("bad-code"), "ASSOCIATE", "[[\"AZ 104!\"]]", "[]"))
                .when().post("/certifications")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(body(uniqueId("bad-level"), "GRANDMASTER", "[[\"AZ-104\"]]", "[]"))
                .when().post("/certifications")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void onlyOpsDefinesCertifications() {
        given().auth().oauth2(TestTokens.partnerAdmin("o-1")).contentType(ContentType.JSON)
                .body(body(uniqueId("x-cert"), "ASSOCIATE", "[[\"AZ-104\"]]", "[]"))
                .when().post("/certifications")
                .then().statusCode(403);
        given().contentType(ContentType.JSON)
                .body(body(uniqueId("x-cert"), "ASSOCIATE", "[[\"AZ-104\"]]", "[]"))
                .when().post("/certifications")
                .then().statusCode(401);
    }

    @Test
    void listsTheCataloguePagedWithTheTotal() {
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                    .body(body(uniqueId("paged"), "SPECIALTY", "[[\"AZ-140\"]]", "[]"))
                    .when().post("/certifications").then().statusCode(201);
        }
        given().auth().oauth2(TestTokens.reporter())
                .queryParam("page", 0).queryParam("size", 2)
                .when().get("/certifications")
                .then().statusCode(200)
                .header("X-Total-Count", notNullValue())
                .body("$", hasSize(2));
        given().auth().oauth2(TestTokens.ops())
                .queryParam("size", 1000)
                .when().get("/certifications")
                .then().statusCode(200)
                .body("level", hasItem("SPECIALTY"));
        given().auth().oauth2(TestTokens.ops())
                .queryParam("page", -1)
                .when().get("/certifications")
                .then().statusCode(400);
    }

    @Test
    void answersNotFoundProblemForAnUnknownCertification() {
        given().auth().oauth2(TestTokens.ops())
                .when().get("/certifications/azure-unknown")
                .then().statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/not-found"));
    }

    @Test
    void refusesACycleAnUnknownSuccessorAndStoresNothing() {
        String self = uniqueId("self-cycle");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(body(self, "EXPERT", "[[\"AZ-400\"]]", "[\"" + self + "\"]"))
                .when().post("/certifications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("cycle"));
        String orphan = uniqueId("orphan");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","name":"x","level":"ASSOCIATE","requiredExams":[["AZ-104"]],"successor":"no-such-certification"}"""
                        .formatted(orphan))
                .when().post("/certifications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("no-such-certification"));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(body(uniqueId("empty-group"), "ASSOCIATE", "[[\"AZ-104\"],[]]", "[]"))
                .when().post("/certifications").then().statusCode(400);
        for (String id : new String[] { self, orphan }) {
            given().auth().oauth2(TestTokens.ops()).when().get("/certifications/" + id).then().statusCode(404);
        }
    }

    @Test
    void opsAnnouncesARetirementWithASuccessorAndCannotRetireTwice() {
        String old = uniqueId("old-cert");
        String successor = uniqueId("new-cert");
        for (String id : new String[] { old, successor }) {
            given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                    .body(body(id, "ASSOCIATE", "[[\"AZ-104\"]]", "[]"))
                    .when().post("/certifications").then().statusCode(201);
        }
        String retirement = "{\"retiresOn\":\"2099-06-30\",\"successor\":\"" + successor + "\"}";
        given().auth().oauth2(TestTokens.employee("c-1", null)).contentType(ContentType.JSON).body(retirement)
                .when().post("/certifications/" + old + "/retirement").then().statusCode(403);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(retirement)
                .when().post("/certifications/" + old + "/retirement")
                .then().statusCode(200)
                .body("status", equalTo("RETIRING"))
                .body("retiresOn", equalTo("2099-06-30"))
                .body("successor", equalTo(successor));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"retiresOn\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "\"}")
                .when().post("/certifications/" + old + "/retirement")
                .then().statusCode(200).body("status", equalTo("RETIRED")).body("successor", equalTo(successor));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(retirement)
                .when().post("/certifications/" + old + "/retirement")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/certification-retired"));
    }
}
