package io.partnerhub.exam.api;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTest {

    @Test
    void documentsEveryEndpointWithExamplesAndServesSwaggerUi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/exams'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/exams'.get.responses.'200'", notNullValue())
                .body("paths.'/exams/{code}'.get", notNullValue())
                .body("paths.'/exams/{code}/retirement'.post", notNullValue())
                .body("paths.'/exam-registrations'.post.responses.'409'.content.'application/problem+json'.examples", notNullValue())
                .body("paths.'/exam-registrations/{id}'.get", notNullValue())
                .body("paths.'/exam-registrations/{id}/system-check'.post", notNullValue())
                .body("paths.'/exam-registrations/{id}/cancellation'.post", notNullValue())
                .body("paths.'/exam-results'.post.responses.'201'.content.'application/json'.examples", notNullValue())
                .body("paths.'/exam-candidates/{candidateId}/attempts'.get", notNullValue())
                .body("paths.'/exam-candidates/{candidateId}/eligibility'.get", notNullValue())
                .body("paths.'/exam-candidates/{candidateId}/vouchers'.post", notNullValue())
                .body("paths.'/exam-candidates/{candidateId}/vouchers'.get", notNullValue())
                .body(containsString("retake-not-allowed"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void documentsPagingProviderRulesAndTheNewConflicts() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/exams'.get.parameters.name", hasItems("page", "size"))
                .body("paths.'/exams'.get.parameters.find { it.name == 'page' }.schema.maximum", equalTo(100000))
                .body("paths.'/exam-candidates/{candidateId}/attempts'.get.parameters.name", hasItems("page", "size", "examCode"))
                .body("paths.'/exam-candidates/{candidateId}/attempts'.get.parameters.find { it.name == 'candidateId' }.schema.maxLength", equalTo(100))
                .body("paths.'/exam-results'.post.responses.'409'.content.'application/problem+json'.examples.'provider result conflict'", notNullValue())
                .body("paths.'/exam-registrations'.post.responses.'403'.content.'application/problem+json'.examples", notNullValue())
                .body("paths.'/exam-registrations/{id}/system-check'.post.responses.'403'", notNullValue());
    }
}
