package io.partnerhub.competency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PartnerHubTestResource.class)
class CompetencyServiceBootTest {

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"))
                .body("checks.status", everyItem(equalTo("UP")));
    }

    @Test
    void publishesItsOpenApiDocumentAndConsole() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("components.securitySchemes.jwt.scheme", equalTo("bearer"))
                .body("info.title", equalTo("PartnerHub competency service"))
                .body(containsString("/competencies/{id}"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
