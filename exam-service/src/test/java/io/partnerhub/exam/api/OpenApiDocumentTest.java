package io.partnerhub.exam.api;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
                .body("paths.'/exam-candidates/{candidateId}/attempts'.get.responses.'200'.headers.'X-Total-Count'", notNullValue())
                .body("paths.'/exam-candidates/{candidateId}/registrations'.get.responses.'200'.headers.'X-Total-Count'", notNullValue())
                .body("paths.'/exam-candidates/{candidateId}/registrations'.get.responses.'200'.content.'application/json'.examples", notNullValue())
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

    /** The chassis' StandardProblemResponses filter: every operation says how it fails, with problem examples. */
    @Test
    void everyOperationDocumentsItsProblemResponsesAndEveryHeaderItsSchema() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString()).path("paths");
        List<String> missing = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!Set.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                return;
            }
            String where = method.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = method.getValue();
            JsonNode responses = operation.path("responses");
            boolean secured = operation.path("security").toString().contains("jwt");
            boolean pathParameter = operation.path("parameters").findValuesAsText("in").contains("path");
            boolean queryParameter = operation.path("parameters").findValuesAsText("in").contains("query");
            if (secured && (responses.path("401").isMissingNode() || responses.path("403").isMissingNode())) {
                missing.add(where + ": 401 and 403");
            }
            if (pathParameter && !hasProblemExample(responses.path("404"))) {
                missing.add(where + ": 404 with a problem example");
            }
            if ((pathParameter || queryParameter) && responses.path("400").path("content").path("application/problem+json").isMissingNode()) {
                missing.add(where + ": 400 with a problem");
            }
            responses.forEach(response -> response.path("headers").fields().forEachRemaining(header -> {
                if (header.getValue().path("schema").isMissingNode()) {
                    missing.add(where + ": a schema for header " + header.getKey());
                }
            }));
        }));
        assertEquals(List.of(), missing);
    }

    private static boolean hasProblemExample(JsonNode response) {
        return response.path("content").path("application/problem+json").path("examples").size() > 0;
    }
}
