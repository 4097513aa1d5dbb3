package io.partnerhub.certification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.chassis.testing.ServiceBootTest;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class CertificationServiceBootTest extends ServiceBootTest {

    /** C7 share codes and C8 badges: method per path, and whether it is public (no token). */
    static final Map<String, Map<String, Boolean>> SHARING_AND_BADGES = Map.of(
            "/transcripts/{candidateId}/share-codes", Map.of("post", false, "get", false),
            "/transcripts/{candidateId}/share-codes/{code}", Map.of("delete", false),
            "/shared-transcripts/{code}", Map.of("get", true),
            "/badges/{holdingId}", Map.of("get", true),
            "/badges/{holdingId}/verification", Map.of("get", true),
            "/badges/issuer", Map.of("get", true),
            "/badge-verifications", Map.of("post", true),
            "/.well-known/jwks.json", Map.of("get", true));

    CertificationServiceBootTest() {
        super("PartnerHub certification service", List.of("/certifications/{id}", "/transcripts/{candidateId}",
                "/certifications/{id}/retirement", "/certification-holdings/{id}/renewal-attempts",
                "/certification-holdings/{id}/revocation", "/assessment-results", "/transcripts/{candidateId}/share-codes",
                "/shared-transcripts/{code}", "/badges/{holdingId}", "/badges/{holdingId}/verification",
                "/badge-verifications", "/.well-known/jwks.json", "/certifications/{id}/renewal-blueprint",
                "/certifications/{id}/renewal-questions/import", "/assessments/{id}/questions/{questionId}",
                "/certification-holdings/{id}/renewal-assessments", "/assessments/{id}/attempts",
                "/assessment-attempts/{attemptId}/submission", "/assessment-attempts/{attemptId}/external-result"));
    }

    @Test
    void documentsShareCodesAndBadgesWithExamplesAndThePublicOnesWithoutAToken() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString()).path("paths");
        SHARING_AND_BADGES.forEach((path, methods) -> methods.forEach((method, isPublic) -> {
            JsonNode operation = paths.path(path).path(method);
            assertFalse(operation.isMissingNode(), method + " " + path + " is documented");
            String where = method + " " + path;
            JsonNode success = operation.path("responses").path(method.equals("post") && path.startsWith("/transcripts") ? "201"
                    : method.equals("delete") ? "204" : "200");
            assertFalse(success.isMissingNode(), where + " documents its success");
            if (!method.equals("delete")) {
                assertTrue(success.toString().contains("\"examples\""), where + " has an example");
            }
            if (isPublic) {
                assertEquals("[]", operation.path("security").toString(), where + " needs no token");
            } else {
                assertTrue(operation.path("security").toString().contains("jwt"), where + " needs a token");
            }
        }));
    }
}
