package io.partnerhub.chassis.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PartnerHubTestResource.class)
class ReadinessTest {

    @Test
    void readinessIsUpWithDatabaseAndKafkaChecks() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"))
                .body("checks.status", hasItem("UP"));
    }

    @Test
    void openApiAndSwaggerUiArePublic() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/admin/clock"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
