package io.partnerhub.membership.organization;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** An oversized organisation id answers 400 problem+json before any lookup. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class OrganizationBadInputTest {

    @Test
    void organizationIdOver64CharactersIsRejected() {
        given().auth().oauth2(TestTokens.ops()).get("/organizations/{id}", "a".repeat(300)).then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("/validation-failed"));
    }
}
