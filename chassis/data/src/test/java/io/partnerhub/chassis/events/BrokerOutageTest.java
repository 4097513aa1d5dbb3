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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnerhub.chassis.testapp.Effects;
import io.partnerhub.chassis.testapp.TopicReader;
import io.partnerhub.chassis.testapp.WidgetHandler;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The broker stops while one subject's events are being published and comes back: they arrive in order. A handler
 * failing while the broker does not answer waits, uncounted, and applies once the broker is back: no dead letter.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class BrokerOutageTest {

    private static final int EVENTS = 40;

    @Inject
    Effects effects;

    @Inject
    InboxConsumers consumers;

    private final AtomicBoolean brokerDown = new AtomicBoolean();

    @AfterEach
    void bringBrokerBack() {
        WidgetHandler.beforeApply(null);
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

    @Test
    void aHandlerFailingWhileTheBrokerDoesNotAnswerWaitsUncountedAndAppliesOnceWithoutADeadLetter() {
        String subject = "broker-unanswered-" + UUID.randomUUID();
        AtomicInteger failures = new AtomicInteger();
        WidgetHandler.beforeApply(widget -> { // the first attempt stops the broker, then every attempt fails while down
            if (subject.equals(widget.widgetId()) && (failures.get() == 0 || brokerDown.get())) {
                if (failures.getAndIncrement() == 0) {
                    PartnerHubTestResource.stopBroker();
                    brokerDown.set(true);
                }
                throw new IllegalStateException("widget " + widget.widgetId() + " needs the broker");
            }
        });
        publish(subject, 0);
        await().atMost(Duration.ofSeconds(30)).untilTrue(brokerDown);

        InboxConsumer consumer = consumers.consumer(WidgetHandler.class.getName()).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(consumer.retryingReason())
                .as("what readiness reports").contains("broker not answering"));
        await().pollDelay(Duration.ofSeconds(5)).until(() -> true); // the outage lasts: longer than max-attempts × backoff
        assertThat(failures.get()).as("attempts while the broker is down").isLessThan(3);
        assertThat(effects.deadLetters(subject)).as("dead letters while the broker is down").isZero();
        PartnerHubTestResource.startBroker();
        brokerDown.set(false);

        await().atMost(Duration.ofSeconds(60)).until(() -> effects.appliedFor(subject) == 1);
        assertThat(effects.deadLetters(subject)).isZero();
        assertThat(TopicReader.readAll(WidgetHandler.TOPIC + ".dlq")).noneMatch(r -> subject.equals(r.key()));
    }
}
