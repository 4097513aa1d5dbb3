package io.partnerhub.certification;

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
class CertificationServiceBootTest {

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
                .body("info.title", equalTo("PartnerHub certification service"))
                .body(containsString("/certifications/{id}"))
                .body(containsString("/transcripts/{candidateId}"))
                .body(containsString("/certifications/{id}/retirement"))
                .body(containsString("/certification-holdings/{id}/renewal-attempts"))
                .body(containsString("/certification-holdings/{id}/revocation"))
                .body(containsString("/assessment-results"))
                .body(containsString("renewal-window-closed"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
