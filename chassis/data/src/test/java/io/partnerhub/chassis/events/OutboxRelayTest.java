package io.partnerhub.chassis.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnerhub.chassis.testapp.CommittedSubjects;
import io.partnerhub.chassis.testapp.Effects;
import io.partnerhub.chassis.testapp.TopicReader;
import io.partnerhub.chassis.testapp.WidgetCreated;
import io.partnerhub.chassis.testapp.WidgetHandler;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class OutboxRelayTest {

    @Inject
    OutboxRelay relay;

    @Inject
    Effects effects;

    @Inject
    CommittedSubjects committed;

    @Inject
    InjectableInstance<DataSource> dataSources;

    @AfterEach
    void disarm() {
        relay.afterSendBeforeMark(null);
    }

    private String publish(String widgetId, boolean rollback, int expectedStatus) {
        return given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"widgetId\":\"" + widgetId + "\",\"name\":\"w\",\"rollback\":" + rollback + "}")
                .post("/test/widgets/events")
                .then().statusCode(expectedStatus)
                .extract().path("id");
    }

    private static List<ConsumerRecord<String, String>> onTopic(String key) {
        return TopicReader.readAll(WidgetHandler.TOPIC).stream().filter(r -> key.equals(r.key())).toList();
    }

    @Test
    void eventOfARolledBackTransactionIsNeverPublished() {
        String subject = "rollback-" + UUID.randomUUID();
        publish(subject, true, 409);
        // a later committed event with the same key lands on the same partition, after anything written before it
        String marker = publish(subject + "", false, 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.appliedFor(subject) == 1);

        List<ConsumerRecord<String, String>> records = onTopic(subject);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value()).contains(marker);
        assertThat(effects.outboxRows(subject)).isEqualTo(1);
    }

    @Test
    void committedEventIsAppliedOnceEvenWhenTheRelayCrashesAfterSendingBeforeMarking() {
        String subject = "crash-" + UUID.randomUUID();
        AtomicBoolean crashed = new AtomicBoolean();
        relay.afterSendBeforeMark(() -> {
            if (crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("simulated crash after send, before mark");
            }
        });

        String eventId = publish(subject, false, 200);

        await().atMost(Duration.ofSeconds(15)).until(() -> onTopic(subject).size() == 2);
        assertThat(crashed).isTrue();
        assertThat(onTopic(subject)).allSatisfy(r -> {
            assertThat(r.value()).contains(eventId);
            assertThat(CloudEvent.parse(r.value().getBytes()).id()).isEqualTo(eventId);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.appliedFor(subject) == 1);
        // both copies consumed: the duplicate was swallowed by the inbox, the effect stays single
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> effects.appliedFor(subject) == 1);
        assertThat(effects.inboxRows(eventId)).isEqualTo(1);
    }

    @Test
    void aCommitWhileAPassSendsIsSentByThatPassWithoutWaitingForItsMarkAndCommit() {
        String first = "chained-first-" + UUID.randomUUID();
        String second = "chained-second-" + UUID.randomUUID();
        List<Long> transactions = new CopyOnWriteArrayList<>();
        AtomicBoolean published = new AtomicBoolean();
        relay.afterSendBeforeMark(() -> { // on the relay thread, in the pass's transaction, its rows acknowledged
            transactions.add(currentTransaction());
            if (published.compareAndSet(false, true)) {
                publish(second, false, 200); // commits (and wakes the relay) while the pass has not marked yet
            }
        });

        publish(first, false, 200);

        await().atMost(Duration.ofSeconds(10)).until(() -> effects.appliedFor(first) == 1 && effects.appliedFor(second) == 1);
        assertThat(transactions).as("the woken batch went out in the same transaction, before its mark and commit")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(transactions.get(1)).isEqualTo(transactions.get(0));
        assertThat(effects.relayLatencyMillis(first)).as("marked sent").isNotNegative();
        assertThat(effects.relayLatencyMillis(second)).as("marked sent").isNotNegative();
        assertThat(onTopic(first)).hasSize(1);
        assertThat(onTopic(second)).hasSize(1);
    }

    /** The id of the relay pass's transaction (the hook's connection is the pass's: same JTA transaction). */
    private long currentTransaction() {
        try (Connection c = dataSources.get().getConnection(); PreparedStatement q = c.prepareStatement("SELECT txid_current()");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void committedEventReachesTheTopicWithinMilliseconds() {
        String warmUp = "warm-up-" + UUID.randomUUID();
        publish(warmUp, false, 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.appliedFor(warmUp) == 1);

        String subject = "latency-" + UUID.randomUUID();
        publish(subject, false, 200);
        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(5))
                .until(() -> effects.relayLatencyMillis(subject) >= 0);
        long relayMillis = effects.relayLatencyMillis(subject);
        System.out.printf("outbox write -> acknowledged by Kafka: %d ms%n", relayMillis);
        assertThat(relayMillis).as("outbox row written → on the topic (acks=all)").isLessThan(1_000);
        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(2))
                .until(() -> effects.appliedFor(subject) == 1);
        ConsumerRecord<String, String> record = onTopic(subject).get(0);
        assertThat(record.headers().lastHeader("ce_type").value()).asString()
                .isEqualTo("io.partnerhub.test.widget-created.v1");
        CloudEvent event = CloudEvent.parse(record.value().getBytes());
        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(event.source()).isEqualTo("/chassis-test");
        assertThat(event.datacontenttype()).isEqualTo("application/json");
        assertThat(event.subject()).isEqualTo(subject);
        assertThat(event.data().get("widgetId").asText()).isEqualTo(subject);
        assertThat(event.data().has("type")).isFalse();
    }

    @Test
    void aCommitThatPublishedTellsInProcessWatchersItsSubjectsAndEventsAndARollbackDoesNot() {
        String rolledBack = "watch-rollback-" + UUID.randomUUID();
        publish(rolledBack, true, 409);
        String subject = "watch-" + UUID.randomUUID();
        publish(subject, false, 200);
        // the observer runs on the committing thread before the request answers
        assertThat(committed.seen(subject)).isTrue();
        assertThat(committed.widgets(subject)).containsExactly(new WidgetCreated(subject, "w", false));
        assertThat(committed.seen(rolledBack)).isFalse();
        assertThat(committed.widgets(rolledBack)).isEmpty();
    }

    @Test
    void aPassWokenByACommitIsTimedByStage() {
        String subject = "timed-" + UUID.randomUUID();
        publish(subject, false, 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.appliedFor(subject) == 1);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String stage : List.of("wake", "select", "send", "mark")) {
            String count = metrics.lines().filter(l -> l.startsWith("partnerhub_outbox_relay_pass_seconds_count")
                    && l.contains("stage=\"" + stage + "\"")).findFirst().orElse("");
            String sum = metrics.lines().filter(l -> l.startsWith("partnerhub_outbox_relay_pass_seconds_sum")
                    && l.contains("stage=\"" + stage + "\"")).findFirst().orElse("");
            assertThat(count).as("timer of stage %s", stage).isNotEmpty();
            double passes = Double.parseDouble(count.substring(count.lastIndexOf(' ') + 1));
            assertThat(passes).as("passes timed at stage %s", stage).isGreaterThanOrEqualTo(1);
            System.out.printf("relay pass stage %-6s mean %.2f ms over %.0f passes%n", stage,
                    Double.parseDouble(sum.substring(sum.lastIndexOf(' ') + 1)) / passes * 1e3, passes);
        }
        String requestLatency = metrics.lines()
                .filter(l -> l.startsWith("partnerhub_outbox_producer_request_latency_avg_seconds")).findFirst().orElse("");
        assertThat(requestLatency).as("the relay producer's request latency").isNotEmpty();
        System.out.printf("relay producer request-latency-avg %.2f ms%n",
                Double.parseDouble(requestLatency.substring(requestLatency.lastIndexOf(' ') + 1)) * 1e3);
    }
}
