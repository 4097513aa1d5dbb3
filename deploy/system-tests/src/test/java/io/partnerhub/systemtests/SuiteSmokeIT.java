package io.partnerhub.systemtests;

import io.partnerhub.devstack.ServiceSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The five services start from their built jars against real PostgreSQL and Kafka, and answer: each one's readiness and
 * OpenAPI document directly (what the launcher and operators probe), everything else through the gateway.
 */
@ExtendWith(RunningSuite.class)
class SuiteSmokeIT {

    @Test
    void allFiveServicesAreRunning() {
        assertEquals(List.of("gateway", "exam-service", "certification-service", "competency-service", "membership-service"),
                RunningSuite.stack().runningServices().stream().map(ServiceSpec::name).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "exam-service", "certification-service", "competency-service", "membership-service"})
    void serviceReportsReadyAndPublishesItsOpenApiDocument(String name) {
        String baseUrl = RunningSuite.service(name).baseUrl();
        given().baseUri(baseUrl).when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(baseUrl).accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).body("openapi", notNullValue());
    }

    @Test
    void gatewayRoutesExamsToTheExamService() {
        String code = Programme.unique("SM").toUpperCase(Locale.ROOT);
        RunningSuite.api("ops", Map.of())
                .body(Map.of("code", code, "title", "Smoke Test Exam", "passingScore", 700, "beta", false,
                        "deliveryModes", List.of("TEST_CENTER"), "providers", List.of("PEARSON_VUE"),
                        "skillsMeasured", List.of(Map.of("area", "Smoke", "weightMin", 100, "weightMax", 100))))
                .when().post("/exams")
                .then().statusCode(201);

        RunningSuite.api("ops", Map.of()).when().get("/exams/" + code)
                .then().statusCode(200).body("code", equalTo(code));
        RunningSuite.api("ops", Map.of()).when().get("/exams")
                .then().statusCode(200);
    }

    @Test
    void gatewayRejectsARequestWithoutToken() {
        given().baseUri(RunningSuite.service("gateway").baseUrl()).when().get("/api/exams")
                .then().statusCode(401);
    }

    @AfterAll
    static void suiteStopsAfterTheLastClass() {
        // the suite is shared with the other system test classes; RunningSuite stops it after the last one
    }
}
