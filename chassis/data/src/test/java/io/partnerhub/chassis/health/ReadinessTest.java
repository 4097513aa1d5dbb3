package io.partnerhub.chassis.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ReadinessTest {

    @Test
    void readinessIsUpWithDatabaseAndKafkaChecks() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check",
                        "PartnerHub events"))
                .body("checks.find { it.name == 'PartnerHub events' }.data.outbox-relay", equalTo("running"))
                .body("checks.find { it.name == 'PartnerHub events' }.data.'io.partnerhub.chassis.testapp.WidgetHandler'",
                        equalTo("consuming chassis-test-events (group chassis-test.WidgetHandler)"))
                .body("checks.status", hasItem("UP"));
    }

    @Test
    void eventGaugesAreScraped() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("partnerhub_outbox_backlog"))
                .body(containsString("partnerhub_outbox_oldest_unsent_age_seconds"))
                .body(containsString("partnerhub_outbox_failed"))
                .body(containsString("partnerhub_inbox_consumer_lag{consumer=\"io.partnerhub.chassis.testapp.WidgetHandler\""))
                .body(containsString("partnerhub_inbox_dead_letters{consumer=\"io.partnerhub.chassis.testapp.WidgetHandler\""));
    }

    @Test
    void openApiAndSwaggerUiArePublic() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/admin/clock"))
                .body(containsString("/admin/dead-letters/{id}/redrive"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
