package io.partnerhub.chassis.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnerhub.chassis.testapp.Effects;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The broker stops while one subject's events are being published and comes back: they arrive in order. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class BrokerOutageTest {

    private static final int EVENTS = 40;

    @Inject
    Effects effects;

    private final AtomicBoolean brokerDown = new AtomicBoolean();

    @AfterEach
    void bringBrokerBack() {
        if (brokerDown.getAndSet(false)) {
            PartnerHubTestResource.startBroker();
        }
    }

    private static void publish(String subject, int n) {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"widgetId\":\"" + subject + "\",\"name\":\"" + n + "\"}")
                .post("/test/widgets/events")
                .then().statusCode(200);
    }

    @Test
    void oneSubjectsEventsAreAppliedInOrderAcrossABrokerRestart() throws Exception {
        String subject = "broker-outage-" + UUID.randomUUID();
        ConcurrentLinkedQueue<Integer> published = new ConcurrentLinkedQueue<>();
        // the writer keeps publishing (outbox rows commit whatever Kafka does) while the broker goes and comes back
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int n = 0; n < EVENTS; n++) {
                publish(subject, n);
                published.add(n);
                await().pollDelay(Duration.ofMillis(250)).until(() -> true);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> effects.appliedFor(subject) >= 5);
        PartnerHubTestResource.stopBroker(); // mid-stream: some rows sent, some in flight, more written while it is down
        brokerDown.set(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> published.size() >= 25);
        PartnerHubTestResource.startBroker();
        brokerDown.set(false);
        writer.get();

        await().atMost(Duration.ofSeconds(90)).until(() -> effects.distinctEventsApplied(subject) == EVENTS);
        List<String> applied = effects.appliedNames(subject);
        assertThat(applied).as("each event applied once, in publication order")
                .containsExactlyElementsOf(IntStream.range(0, EVENTS).mapToObj(Integer::toString).toList());
    }
}
