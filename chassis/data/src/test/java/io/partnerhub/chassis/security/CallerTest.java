package io.partnerhub.chassis.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class CallerTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void employeeSeesOnlyThemself() {
        given().auth().oauth2(TestTokens.employee("cand-1", "org-1")).get("/test/widgets/candidates/cand-1")
                .then().statusCode(200).body("callerCandidate", equalTo("cand-1"));
        given().auth().oauth2(TestTokens.employee("cand-1", "org-1")).get("/test/widgets/candidates/cand-2")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/not-found"));
    }

    @Test
    void opsAndTheCandidateThemselfSeeACandidateButAnExamProviderOrPartnerAdminDoesNot() {
        given().auth().oauth2(TestTokens.ops()).get("/test/widgets/candidates/cand-9").then().statusCode(200);
        given().auth().oauth2(TestTokens.employee("cand-9", "org-1")).get("/test/widgets/candidates/cand-9").then().statusCode(200);
        given().auth().oauth2(TestTokens.employee("cand-8", "org-1")).get("/test/widgets/candidates/cand-9").then().statusCode(404);
        given().auth().oauth2(TestTokens.examProvider()).get("/test/widgets/candidates/cand-9")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partnerAdmin("org-1")).get("/test/widgets/candidates/cand-9").then().statusCode(404);
    }

    @Test
    void organizationMembersSeeOnlyTheirOrganization() {
        given().auth().oauth2(TestTokens.partnerAdmin("org-1")).get("/test/widgets/organizations/org-1")
                .then().statusCode(200).body("callerOrganization", equalTo("org-1")).body("isOps", equalTo("false"));
        given().auth().oauth2(TestTokens.employee("cand-1", "org-1")).get("/test/widgets/organizations/org-1")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.partnerAdmin("org-1")).get("/test/widgets/organizations/org-2")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.reporter()).get("/test/widgets/organizations/org-1").then().statusCode(404);
        given().auth().oauth2(TestTokens.ops()).get("/test/widgets/organizations/org-2")
                .then().statusCode(200).body("isOps", equalTo("true"));
    }
}
