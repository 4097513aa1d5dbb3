package io.partnerhub.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.partnerhub.chassis.testapp.Effects;
import io.partnerhub.chassis.testapp.TopicReader;
import io.partnerhub.chassis.testapp.WidgetCreated;
import io.partnerhub.chassis.testapp.WidgetHandler;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The records of one poll on one partition are applied in one transaction, and a batch that fails changes nothing about
 * what becomes of each record: poison dead-lettered after its attempts, a transient failure waited out uncounted,
 * duplicates skipped, order kept. Each test holds the consumer on a "gate" event while it produces a burst in one
 * produce request ({@link TopicReader#sendAll}), so that the next poll brings the whole burst.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class InboxBatchTest {

    @Inject
    Effects effects;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    private final CountDownLatch gateOpen = new CountDownLatch(1);
    private final AtomicBoolean atGate = new AtomicBoolean();

    @AfterEach
    void openGate() {
        gateOpen.countDown();
        WidgetHandler.beforeApply(null);
    }

    private CloudEvent event(String subject, String name, boolean poison) {
        return CloudEvent.of("/elsewhere", WidgetCreated.TYPE, subject, Instant.now(),
                mapper.valueToTree(new WidgetCreated(subject, name, poison)));
    }

    private static ProducerRecord<String, String> record(CloudEvent event) {
        return new ProducerRecord<>(WidgetHandler.TOPIC, event.subject(), event.toJson());
    }

    /** Sends the subject's gate event and waits until the consumer holds on it (in its transaction). */
    private void holdConsumerAtGate(String subject) throws Exception {
        WidgetHandler.beforeApply(widget -> {
            if (widget.name().equals("gate") && widget.widgetId().equals(subject)) {
                atGate.set(true);
                try {
                    gateOpen.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        TopicReader.send(record(event(subject, "gate", false)));
        await().atMost(Duration.ofSeconds(15)).untilTrue(atGate);
    }

    private double rollbacks() {
        return registry.counter("partnerhub.inbox.batch.rollbacks", "consumer", WidgetHandler.class.getName()).count();
    }

    @Test
    void aBurstOnOnePartitionIsAppliedOnceEachInOrderInOneTransaction() throws Exception {
        String subject = "burst-" + UUID.randomUUID();
        holdConsumerAtGate(subject);
        List<CloudEvent> burst = new ArrayList<>();
        List<String> expected = new ArrayList<>(List.of("gate"));
        for (int i = 0; i < 30; i++) {
            burst.add(event(subject, Integer.toString(i), false));
            expected.add(Integer.toString(i));
        }
        TopicReader.sendAll(burst.stream().map(InboxBatchTest::record).toList());
        gateOpen.countDown();

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.appliedFor(subject) == expected.size());
        assertThat(effects.appliedNames(subject)).as("once each, in order").containsExactlyElementsOf(expected);
        assertThat(transactions(burst)).as("transactions that applied the burst of 30").isEqualTo(1);
    }

    @Test
    void aPoisonRecordInABurstIsDeadLetteredAfterItsAttemptsAndTheOthersAreAppliedInOrder() throws Exception {
        String subject = "batch-poison-" + UUID.randomUUID();
        double rollbacksBefore = rollbacks();
        holdConsumerAtGate(subject);
        TopicReader.sendAll(List.of(record(event(subject, "0", false)), record(event(subject, "1", false)),
                record(event(subject, "poison", true)), record(event(subject, "3", false)),
                record(event(subject, "4", false))));
        gateOpen.countDown();

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.appliedFor(subject) == 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.deadLetters(subject) == 1);
        assertThat(effects.appliedNames(subject)).containsExactly("gate", "0", "1", "3", "4");
        assertThat(rollbacks()).as("the batch was rolled back and applied record by record").isGreaterThan(rollbacksBefore);
    }

    @Test
    void aTransientFailureInABurstIsWaitedOutUncountedAndNothingIsDeadLettered() throws Exception {
        String subject = "batch-transient-" + UUID.randomUUID();
        holdConsumerAtGate(subject);
        AtomicInteger failuresLeft = new AtomicInteger(5); // more than max-attempts (3): only uncounted waits pass them
        WidgetHandler.beforeApply(widget -> {
            if (widget.widgetId().equals(subject) && widget.name().equals("flaky") && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException(new SQLTransientConnectionException("connection lost", "08006"));
            }
        });
        gateOpen.countDown(); // the gate's step is replaced: it commits now
        TopicReader.sendAll(List.of(record(event(subject, "0", false)), record(event(subject, "flaky", false)),
                record(event(subject, "2", false)), record(event(subject, "3", false))));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.appliedFor(subject) == 5);
        assertThat(effects.appliedNames(subject)).containsExactly("gate", "0", "flaky", "2", "3");
        assertThat(failuresLeft.get()).isNegative();
        assertThat(effects.deadLetters(subject)).isZero();
    }

    @Test
    void duplicatesInABurstAndOfEventsAppliedBeforeAreSkippedAndLeftOutOfBeforeAll() throws Exception {
        String subject = "batch-duplicates-" + UUID.randomUUID();
        CloudEvent earlier = event(subject, "earlier", false);
        TopicReader.send(record(earlier));
        await().atMost(Duration.ofSeconds(15)).until(() -> effects.appliedFor(subject) == 1);
        holdConsumerAtGate(subject);
        CloudEvent twice = event(subject, "twice", false);
        CloudEvent a = event(subject, "a", false);
        CloudEvent b = event(subject, "b", false);
        TopicReader.sendAll(List.of(record(earlier), record(a), record(twice), record(twice), record(b)));
        gateOpen.countDown();

        await().atMost(Duration.ofSeconds(20)).until(() -> effects.appliedFor(subject) >= 5);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true); // a late double would show
        assertThat(effects.appliedNames(subject)).containsExactly("earlier", "gate", "a", "twice", "b");
        assertThat(WidgetHandler.batches()).as("beforeAll is told the new events of the batch, once each, in order")
                .contains(List.of(a.id(), twice.id(), b.id()));
    }

    /** Distinct transactions that recorded the events in the inbox ({@code processed_at} is the transaction's start). */
    private int transactions(List<CloudEvent> events) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(DISTINCT processed_at) FROM inbox_event WHERE event_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", events.stream().map(CloudEvent::id).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
