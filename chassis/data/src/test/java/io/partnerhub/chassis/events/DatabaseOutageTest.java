package io.partnerhub.chassis.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.chassis.testapp.Effects;
import io.partnerhub.chassis.testapp.TopicReader;
import io.partnerhub.chassis.testapp.WidgetCreated;
import io.partnerhub.chassis.testapp.WidgetHandler;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * PostgreSQL goes away for ~20 s while events keep arriving: nothing is dead-lettered, everything applies once; a
 * request that needs the database meanwhile is answered 503 with {@code Retry-After} (issue #26), not 500.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @Inject
    Effects effects;

    @Inject
    ObjectMapper mapper;

    private final AtomicBoolean postgresDown = new AtomicBoolean();

    @AfterEach
    void bringPostgresBack() {
        if (postgresDown.getAndSet(false)) {
            PartnerHubTestResource.startPostgres();
        }
    }

    private String event(String subject, int n) {
        return CloudEvent.of("/elsewhere", WidgetCreated.TYPE, subject, Instant.now(),
                mapper.valueToTree(new WidgetCreated(subject, Integer.toString(n), false))).toJson();
    }

    @Test
    void eventsArrivingWhilePostgresIsDownAreAppliedOnceAfterItReturnsAndNothingIsDeadLettered() throws Exception {
        String subject = "pg-outage-" + UUID.randomUUID();
        List<String> expected = new ArrayList<>();
        int n = 0;
        for (; n < 5; n++) {
            TopicReader.send(new ProducerRecord<>(WidgetHandler.TOPIC, subject, event(subject, n)));
            expected.add(Integer.toString(n));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> effects.appliedFor(subject) == 5);

        PartnerHubTestResource.stopPostgres();
        postgresDown.set(true);
        long downSince = System.nanoTime();
        // a stream of events during the outage (one every ~second): the consumer must hold them, not dead-letter them
        while (System.nanoTime() - downSince < OUTAGE.toNanos()) {
            TopicReader.send(new ProducerRecord<>(WidgetHandler.TOPIC, subject, event(subject, n)));
            expected.add(Integer.toString(n++));
            if (n == 8) { // by now the consumer has met the outage: readiness says why it is not consuming
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/q/health/ready")
                        .then().statusCode(503).body(org.hamcrest.Matchers.containsString("retrying: transient failure")));
                // issue #26: a request that needs the database is told to come back, not that the service broke
                given().auth().oauth2(TestTokens.ops()).contentType("application/json")
                        .body(java.util.Map.of("widgetId", "w-" + subject, "name", "during the outage"))
                        .post("/test/widgets/events")
                        .then().statusCode(503).contentType(TestKit.PROBLEM_JSON).header("Retry-After", "2")
                        .body("type", org.hamcrest.Matchers.endsWith("/service-unavailable"))
                        .body("retryAfterSeconds", org.hamcrest.Matchers.equalTo(2));
            }
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        }
        PartnerHubTestResource.startPostgres();
        postgresDown.set(false);
        for (int i = 0; i < 5; i++, n++) {
            TopicReader.send(new ProducerRecord<>(WidgetHandler.TOPIC, subject, event(subject, n)));
            expected.add(Integer.toString(n));
        }

        int total = expected.size();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> effects.appliedFor(subject) == total);
        assertThat(effects.distinctEventsApplied(subject)).isEqualTo(total);
        assertThat(effects.appliedNames(subject)).as("applied once each, in order").containsExactlyElementsOf(expected);
        assertThat(effects.deadLetters(subject)).isZero();
        assertThat(TopicReader.readAll(WidgetHandler.TOPIC + ".dlq")).noneMatch(r -> subject.equals(r.key()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}
