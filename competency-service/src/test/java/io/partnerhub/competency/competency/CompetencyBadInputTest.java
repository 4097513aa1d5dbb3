package io.partnerhub.competency.competency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bad paging and oversized ids answer 400 problem+json, never a 500 (the chassis PageRequest bean, @Size on ids). */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class CompetencyBadInputTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    @Test
    void pageWhoseOffsetOverflowsAnIntIsRejected() {
        given().auth().oauth2(TestTokens.ops()).queryParam("page", 21474837).queryParam("size", 100)
                .get("/competencies").then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/validation-failed")).body("violations.field", hasItem("page"));
        given().auth().oauth2(TestTokens.ops()).queryParam("size", 0).get("/competencies").then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void competencyIdOver100CharactersIsRejected() {
        given().auth().oauth2(TestTokens.ops()).get("/competencies/{id}", "a".repeat(300)).then().statusCode(400)
                .contentType(PROBLEM).body("type", endsWith("/validation-failed"));
    }
}
