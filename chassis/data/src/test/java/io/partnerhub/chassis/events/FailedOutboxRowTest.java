package io.partnerhub.chassis.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

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

        assertThat(effects.skipFailedOutboxRows(blocked)).isEqualTo(1); // operations skip the failed row
        await().atMost(Duration.ofSeconds(15)).until(() -> effects.appliedFor(blocked) == 1);
        assertThat(effects.appliedNames(blocked)).containsExactly("after-huge");
    }
}
