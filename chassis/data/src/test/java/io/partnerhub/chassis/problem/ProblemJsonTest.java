package io.partnerhub.chassis.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ProblemJsonTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TYPES = "https://partnerhub.io/problems/";

    private static RequestSpecification asOps() {
        return given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON);
    }

    @Test
    void malformedJsonIsA400Problem() {
        asOps().body("{\"name\": \"w\", ").post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "malformed-request"))
                .body("title", equalTo("Malformed request"))
                .body("status", equalTo(400))
                .body("detail", containsString("not valid JSON"))
                .body("instance", equalTo("/test/widgets"));
    }

    @Test
    void validationFailureListsTheViolations() {
        asOps().body("{\"name\":\"\",\"color\":\"RED\",\"size\":0,\"parts\":[{\"code\":\"\"}]}").post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("violations", hasSize(3))
                .body("violations.field", allOf(hasItem("name"), hasItem("size"), hasItem("parts[0].code")))
                .body("violations.message", hasItem(notNullValue()));
    }

    @Test
    void invalidQueryParameterIsAValidationProblem() {
        asOps().get("/test/widgets?size=1000")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
        asOps().body("{\"name\":\"w\",\"color\":\"PURPLE\",\"size\":1}").post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "malformed-request"))
                .body("detail", allOf(containsString("color"), containsString("PURPLE"), containsString("RED")));
    }

    @Test
    void wrongTypeNamesTheField() {
        asOps().body("{\"name\":\"w\",\"color\":\"RED\",\"size\":\"big\"}").post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "malformed-request"))
                .body("detail", containsString("size"));
        asOps().body("{\"name\":\"w\",\"color\":\"RED\",\"size\":1,\"madeAt\":\"yesterday\"}").post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", allOf(containsString("madeAt"), containsString("ISO-8601")));
    }

    @Test
    void validRequestStillWorks() {
        asOps().body("{\"name\":\"w\",\"color\":\"RED\",\"size\":2}").post("/test/widgets")
                .then().statusCode(201).contentType(ContentType.JSON).body("name", equalTo("w"));
    }

    @Test
    void unknownRouteIsA404ProblemAndTheQuarkusEndpointsStillWork() {
        asOps().get("/no/such/thing")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "not-found"))
                .body("instance", equalTo("/no/such/thing"));
        given().get("/no/such/thing").then().statusCode(404).contentType(PROBLEM);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void wrongMethodMediaTypeAndAcceptAreProblems() {
        asOps().delete("/test/widgets").then().statusCode(405).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "method-not-allowed"));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.XML).body("<w/>").post("/test/widgets")
                .then().statusCode(415).contentType(PROBLEM).body("type", equalTo(TYPES + "unsupported-media-type"));
        given().auth().oauth2(TestTokens.ops()).accept(ContentType.XML).get("/test/widgets/now")
                .then().statusCode(406).contentType(PROBLEM).body("type", equalTo(TYPES + "not-acceptable"));
    }

    @Test
    void oversizedBodyIsA413Problem() {
        String big = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
        asOps().body(big).post("/test/widgets")
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "payload-too-large"))
                .body("status", equalTo(413));
    }

    @Test
    void missingOrInvalidTokenIsA401Problem() {
        given().contentType(ContentType.JSON).get("/test/widgets")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo(TYPES + "unauthorized"));
        given().auth().oauth2("not.a.token").get("/test/widgets")
                .then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "unauthorized"));
    }

    @Test
    void wrongRoleIsA403Problem() {
        given().auth().oauth2(TestTokens.reporter()).get("/test/widgets")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "forbidden"));
    }

    @Test
    void endpointsWithoutSecurityAnnotationsAreDeniedAndPermitAllIsOpen() {
        given().get("/test/widgets/unannotated").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.ops()).get("/test/widgets/unannotated").then().statusCode(403).contentType(PROBLEM);
        given().get("/test/widgets/public").then().statusCode(200).body("hello", equalTo("world"));
    }

    @Test
    void domainExceptionCarriesItsExtensionMembers() {
        asOps().get("/test/widgets/conflict")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "retake-not-allowed"))
                .body("title", equalTo("Retake not allowed"))
                .body("detail", equalTo("Wait for the retake period"))
                .body("nextEligibleAt", equalTo("2026-12-01T10:00:00Z"));
    }

    @Test
    void unexpectedErrorIsA500ProblemWithATraceIdAndNoInternals() {
        asOps().get("/test/widgets/boom")
                .then().statusCode(500).contentType(PROBLEM)
                .body("type", equalTo(TYPES + "internal-error"))
                .body("traceId", notNullValue())
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("at io.partnerhub")));
    }

    @Test
    void problemShapeIsStable() {
        Map<String, Object> body = asOps().get("/test/widgets/conflict").then().extract().as(Map.class);
        org.assertj.core.api.Assertions.assertThat(body.keySet())
                .startsWith("type", "title", "status", "detail", "instance");
    }
}
