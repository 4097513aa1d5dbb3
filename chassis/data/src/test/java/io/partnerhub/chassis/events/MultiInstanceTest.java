package io.partnerhub.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnerhub.chassis.testapp.Effects;
import io.partnerhub.chassis.testapp.TopicReader;
import io.partnerhub.chassis.testapp.WidgetCreated;
import io.partnerhub.chassis.testapp.WidgetHandler;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Several instances of one service on one database and one consumer group, played inside one test application: a
 * second {@link OutboxRelay} and a second {@link InboxConsumer} built from the same beans, as another instance would
 * have them (real PostgreSQL and a real broker). The system tests do the same with real processes and SIGKILL.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class MultiInstanceTest {

    @Inject
    OutboxRelay relay;

    @Inject
    EventPublisher publisher;

    @Inject
    InjectableInstance<DataSource> dataSources;

    @Inject
    OutboxStore outboxStore;

    @Inject
    KafkaClients kafka;

    @Inject
    OutboxConfig outboxConfig;

    @Inject
    InboxConsumers consumers;

    @Inject
    WidgetHandler widgetHandler;

    @Inject
    Effects effects;

    private final List<Runnable> cleanups = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        relay.afterSendBeforeMark(null);
        cleanups.forEach(Runnable::run);
        cleanups.clear();
    }

    private OutboxRelay secondRelay() {
        return new OutboxRelay(outboxStore, kafka, outboxConfig);
    }

    /**
     * Writes one event per subject per round, each round one transaction, so that the subjects' events interleave; the
     * pause paces the load (instances join and leave while it runs), it waits for nothing.
     */
    private void publish(List<String> subjects, int rounds, Duration pause) {
        for (int round = 0; round < rounds; round++) {
            int n = round;
            QuarkusTransaction.requiringNew().run(() -> subjects.forEach(
                    subject -> publisher.publish(new WidgetCreated(subject, "n-" + n, false))));
            if (!pause.isZero()) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static List<String> expectedNames(int rounds) {
        return IntStream.range(0, rounds).mapToObj(i -> "n-" + i).toList();
    }

    private static List<String> namesOnTopic(List<ConsumerRecord<String, String>> all, String subject) {
        return all.stream().filter(r -> subject.equals(r.key()))
                .map(r -> CloudEvent.parse(r.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)).data().get("name").asText())
                .toList();
    }

    @Test
    void twoRelaysOnOneDatabaseSendEveryRowOnceAndEachSubjectInOrder() {
        OutboxRelay second = secondRelay();
        second.start();
        cleanups.add(second::stop);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> subjects = IntStream.range(0, 8).mapToObj(i -> "relays-" + run + "-" + i).toList();
        int rounds = 25;

        publish(subjects, rounds, Duration.ofMillis(20));

        await().atMost(Duration.ofSeconds(30)).until(() -> subjects.stream().allMatch(s -> effects.appliedFor(s) == rounds));
        List<ConsumerRecord<String, String>> all = TopicReader.readAll(WidgetHandler.TOPIC);
        for (String subject : subjects) {
            assertThat(namesOnTopic(all, subject)).as(subject).containsExactlyElementsOf(expectedNames(rounds));
            assertThat(effects.appliedNames(subject)).as(subject).containsExactlyElementsOf(expectedNames(rounds));
        }
    }

    @Test
    void onlyTheLockHolderPublishesAndAnotherInstanceTakesOverTheMomentItsSessionDies() throws Exception {
        OutboxRelay second = secondRelay(); // driven pass by pass from the test
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        relay.afterSendBeforeMark(() -> {
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS); // the first instance hangs with the lock: sent, not marked
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        cleanups.add(release::countDown);
        String subject = "takeover-" + UUID.randomUUID();

        publish(List.of(subject), 1, Duration.ZERO);
        assertThat(holding.await(15, TimeUnit.SECONDS)).as("the first relay is inside its pass").isTrue();

        OutboxPass blocked = second.pass();
        assertThat(blocked.selected()).as("another instance must not send while the lock is held").isZero();
        assertThat(effects.relayLatencyMillis(subject)).as("still unsent").isEqualTo(-1);

        long holder = advisoryLockHolder();
        assertThat(holder).as("a session holds the relay's advisory lock").isPositive();
        terminate(holder); // what PostgreSQL does when the holder's process dies or its session times out

        OutboxPass takenOver = second.pass();
        assertThat(takenOver.selected()).as("the other instance publishes on its next pass").isEqualTo(1);
        assertThat(takenOver.marked()).isEqualTo(1);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.appliedFor(subject) >= 1);
        // the first instance's send and the take-over's send carry the same event id: applied once
        assertThat(effects.appliedFor(subject)).isEqualTo(1);
    }

    @Test
    void theRelaysPassBoundsHowLongADeadSessionKeepsTheLock() throws Exception {
        DataSource dataSource = dataSources.get();
        long[] seen = new long[1];
        relay.afterSendBeforeMark(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                    "SELECT current_setting('idle_in_transaction_session_timeout')"); ResultSet rs = q.executeQuery()) {
                rs.next();
                seen[0] = parseMillis(rs.getString(1));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        String subject = "idle-bound-" + UUID.randomUUID();
        publish(List.of(subject), 1, Duration.ZERO);
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.appliedFor(subject) == 1);
        assertThat(seen[0]).isEqualTo(outboxConfig.transactionTimeout().toMillis());
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT current_setting('idle_in_transaction_session_timeout')"); ResultSet rs = q.executeQuery()) {
            rs.next();
            assertThat(parseMillis(rs.getString(1))).as("set for the pass only (SET LOCAL)").isZero();
        }
    }

    @Test
    void twoConsumersInOneGroupApplyEveryEventOnceInOrderWhileInstancesJoinAndLeave() throws Exception {
        InboxConsumer first = consumers.consumer(WidgetHandler.class.getName()).orElseThrow();
        InboxConsumer second = consumers.create(widgetHandler, first.name(), first.groupId());
        cleanups.add(() -> {
            second.requestStop();
            second.awaitStop();
        });
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> subjects = IntStream.range(0, 12).mapToObj(i -> "group-" + run + "-" + i).toList();
        int rounds = 30;

        Thread producer = new Thread(() -> publish(subjects, rounds, Duration.ofMillis(100)), "test-publisher");
        producer.start();
        String watched = subjects.get(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> effects.appliedFor(watched) >= 5);
        second.start(); // joins the group under load: the group rebalances
        await().atMost(Duration.ofSeconds(30)).until(() -> effects.appliedFor(watched) >= 20);
        second.requestStop(); // and leaves it again, while the publisher is still writing
        second.awaitStop();
        producer.join(30_000);

        await().atMost(Duration.ofSeconds(40)).until(() -> subjects.stream().allMatch(s -> effects.appliedFor(s) >= rounds));
        for (String subject : subjects) {
            assertThat(effects.appliedFor(subject)).as("applied once each: " + subject).isEqualTo(rounds);
            assertThat(effects.appliedNames(subject)).as(subject).containsExactlyElementsOf(expectedNames(rounds));
        }
    }

    private static long parseMillis(String setting) {
        // PostgreSQL shows the value with a unit: 0, 30s, 1min, 500ms
        if (setting.equals("0")) {
            return 0;
        }
        if (setting.endsWith("ms")) {
            return Long.parseLong(setting.substring(0, setting.length() - 2));
        }
        if (setting.endsWith("min")) {
            return Long.parseLong(setting.substring(0, setting.length() - 3)) * 60_000;
        }
        if (setting.endsWith("s")) {
            return Long.parseLong(setting.substring(0, setting.length() - 1)) * 1000;
        }
        return Long.parseLong(setting);
    }

    private long advisoryLockHolder() throws SQLException {
        try (Connection c = dataSources.get().getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
                        + " AND ((classid::bigint << 32) | objid::bigint) = ? AND database = (SELECT oid FROM pg_database"
                        + " WHERE datname = current_database())")) {
            q.setLong(1, OutboxStore.ADVISORY_LOCK_KEY);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private void terminate(long pid) throws SQLException {
        try (Connection c = dataSources.get().getConnection();
                PreparedStatement q = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            q.setInt(1, (int) pid);
            q.executeQuery().close();
        }
        // the server ends the session asynchronously
        await().atMost(Duration.ofSeconds(5)).until(() -> advisoryLockHolder() != pid);
    }
}
