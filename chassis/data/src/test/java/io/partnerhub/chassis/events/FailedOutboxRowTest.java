package io.partnerhub.chassis.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.partnerhub.chassis.testapp.Effects;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** An event Kafka refuses for good is marked failed: other subjects flow, its own subject waits behind it. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class FailedOutboxRowTest {

    @Inject
    Effects effects;

    @Inject
    OutboxMetrics metrics;

    private static void publish(String subject, String name, int padding) {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"widgetId\":\"" + subject + "\",\"name\":\"" + name + "\",\"padding\":" + padding + "}")
                .post("/test/widgets/events").then().statusCode(200);
    }

    @Test
    void tooLargeEventIsMarkedFailedAndHoldsOnlyItsOwnSubject() {
        String blocked = "too-large-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        publish(blocked, "huge", 1_200_000); // above the producer's max.request.size (1 MiB)
        publish(blocked, "after-huge", 0);
        publish(other, "unrelated", 0);

        await().atMost(Duration.ofSeconds(15)).until(() -> effects.appliedFor(other) == 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> effects.outboxFailure(blocked) != null);
        assertThat(effects.outboxFailure(blocked)).contains("RecordTooLargeException");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> effects.appliedFor(blocked) == 0); // the later event of the subject waits behind it
        metrics.refresh();
        given().get("/q/metrics").then().statusCode(200).body(containsString("partnerhub_outbox_failed"));

        // ops find it: a release sends it again (and it fails again: the cause is not fixed), a skip lets the subject go on
        String id = given().auth().oauth2(TestTokens.ops()).queryParam("size", 100).get("/admin/outbox/failed").then()
                .statusCode(200).header("X-Total-Count", notNullValue())
                .extract().path("find { it.key == '" + blocked + "' }.id");
        given().auth().oauth2(TestTokens.ops()).get("/admin/outbox/failed").then().statusCode(200)
                .body("find { it.key == '" + blocked + "' }.heldBack", equalTo(1))
                .body("find { it.key == '" + blocked + "' }.failure", containsString("RecordTooLargeException"));
        given().auth().oauth2(TestTokens.ops()).post("/admin/outbox/failed/" + id + "/release").then().statusCode(200)
                .body("outcome", equalTo("RELEASED"));
        await().atMost(Duration.ofSeconds(15)).until(() -> effects.outboxFailure(blocked) != null);
        assertThat(effects.appliedFor(blocked)).isZero();

        given().auth().oauth2(TestTokens.employee("cand-1", "org-1")).post("/admin/outbox/failed/" + id + "/skip").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.ops()).post("/admin/outbox/failed/" + "x".repeat(36) + "/skip").then().statusCode(400);
        given().auth().oauth2(TestTokens.ops()).post("/admin/outbox/failed/" + UUID.randomUUID() + "/skip").then().statusCode(404);
        given().auth().oauth2(TestTokens.ops()).post("/admin/outbox/failed/" + id + "/skip").then().statusCode(200)
                .body("outcome", equalTo("SKIPPED"));
        await().atMost(Duration.ofSeconds(15)).until(() -> effects.appliedFor(blocked) == 1);
        assertThat(effects.appliedNames(blocked)).containsExactly("after-huge");
        given().auth().oauth2(TestTokens.ops()).post("/admin/outbox/failed/" + id + "/skip").then().statusCode(404);
    }
}
