package io.partnerhub.exam.api;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
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

    @TestHTTPResource("/q/openapi?format=json")
    URI openApi;

    /**
     * The JDK's HttpClient asks a plain-http server to upgrade to HTTP/2 (h2c) unless told otherwise. Vert.x's h2c
     * upgrade sent about 3 in 100 answers larger than the 64 KiB flow-control window as HTTP/1.1 bytes inside the
     * HTTP/2 stream, so the client failed with "protocol error: Frame type(32) length(6635892) exceeds MAX_FRAME_SIZE"
     * (the suite's PublishedContractsIT met it in CI). The chassis turns h2c off (quarkus.http.http2=false): such a
     * client gets HTTP/1.1, whole, every time. This document is about 110 KiB.
     */
    @Test
    void servesALargeAnswerWholeToAClientThatAsksForHttp2() throws Exception {
        int failures = 0;
        String first = null;
        for (int i = 0; i < 300; i++) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build(); // a new connection each time
            try {
                HttpResponse<String> served = http.send(HttpRequest.newBuilder(openApi).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, served.statusCode());
                if (first == null) {
                    first = served.body();
                    assertEquals(true, first.length() > 65_535, "the answer must be larger than HTTP/2's initial window: " + first.length());
                } else {
                    assertEquals(first, served.body());
                }
            } catch (java.io.IOException e) {
                failures++;
            }
        }
        assertEquals(0, failures, "answers lost out of 300");
    }
}
