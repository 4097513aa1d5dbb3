package io.partnerhub.chassis.events;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.chassis.testapp.TopicReader;
import io.partnerhub.chassis.testapp.WidgetCreated;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue #26's consumer cost per event, record by record ({@code batch-size} 1, as before) and a poll's records in one
 * transaction ({@code batch-size} 200): prints figures, asserts nothing about time. Not part of {@code ./mvnw verify}
 * (the name does not end in Test); run it with
 * <pre>./mvnw -B -ntp -pl chassis/data -am test -Dtest=InboxBatchBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 *     [-Dbench.events=2000] [-Dbench.rounds=2]</pre>
 * Per round and batch size: {@code bench.events} events over 60 subjects on a fresh topic (3 partitions), produced
 * before a fresh consumer of a bench handler starts, so that it drains a backlog (a burst). The handler does what a
 * service's handler does at least: one insert of its own and one event published through the outbox (a
 * {@code widget-created} echo, which the test application's own consumer applies downstream). Printed per event:
 * wall time of the drain, CPU of the consumer's thread ({@link ThreadMXBean}), CPU of the whole JVM (consumer, relay
 * sending the echoes, downstream consumer) and of the embedded PostgreSQL (its processes, from /proc), measured from
 * the first applied event until the last echo is applied downstream; with the load average. The downstream consumer
 * runs with the application's own {@code partnerhub.inbox.batch-size} in both modes.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class InboxBatchBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int SUBJECTS = 60;

    @Inject
    InboxConsumers consumers;

    @Inject
    InboxConfig config;

    @Inject
    EventPublisher publisher;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    /** Applies a bench event: one row of its own, one event through the outbox. */
    private final class BenchHandler implements EventHandler {
        private final String topic;
        private final String label;

        BenchHandler(String topic, String label) {
            this.topic = topic;
            this.label = label;
        }

        @Override
        public String topic() {
            return topic;
        }

        @Override
        public void handle(CloudEvent event) {
            WidgetCreated widget = event.dataAs(WidgetCreated.class);
            try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO test_effect (event_id, subject, name) VALUES (?, ?, ?)")) {
                insert.setString(1, event.id());
                insert.setString(2, event.subject());
                insert.setString(3, label);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            publisher.publish(new WidgetCreated(widget.widgetId(), "echo-" + label, false));
        }
    }

    @Test
    void consumerCostPerEventRecordByRecordAndInBatches() throws Exception {
        int events = Integer.getInteger("bench.events", 2000);
        int rounds = Integer.getInteger("bench.rounds", 2);
        ServerCpu postgres = new ServerCpu(dataSource);
        List<String> lines = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (int batchSize : new int[] { 1, 200 }) {
                lines.add(round(events, batchSize, round, postgres));
            }
        }
        System.out.printf(Locale.ROOT, "inbox batch benchmark: %d events per run, %d subjects, %d cores, load average"
                + " %.1f at the end%n", events, SUBJECTS, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        lines.forEach(System.out::println);
    }

    private String round(int events, int batchSize, int round, ServerCpu postgres) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "chassis-bench-" + run;
        String label = "bench-" + batchSize + "-" + run;
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String subject = "bench-" + run + "-" + (i % SUBJECTS);
            records.add(new ProducerRecord<>(topic, subject, CloudEvent.of("/bench", WidgetCreated.TYPE, subject,
                    Instant.now(), mapper.valueToTree(new WidgetCreated(subject, Integer.toString(i), false))).toJson()));
        }
        TopicReader.sendAll(records);

        InboxConsumer consumer = consumers.create(new BenchHandler(topic, label), "bench.Batch" + batchSize + "-" + run,
                "chassis-bench-" + run, withBatchSize(batchSize));
        consumer.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(2))
                    .until(() -> count(label) > 0);
            Thread thread = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("inbox-" + topic + "-Batch" + batchSize + "-" + run)).findFirst()
                    .orElseThrow();
            int first = count(label);
            long wall0 = System.nanoTime();
            long thread0 = THREADS.getThreadCpuTime(thread.getId());
            long process0 = processCpu();
            long server0 = postgres.ticks();
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> count(label) == events);
            long drained = System.nanoTime() - wall0;
            long threadCpu = THREADS.getThreadCpuTime(thread.getId()) - thread0;
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> count("echo-" + label) == events);
            long processCpu = processCpu() - process0;
            long serverTicks = postgres.ticks() - server0;
            int measured = events - first;
            return String.format(Locale.ROOT, "round %d batch-size %3d: drain %.3f ms/event wall (%.0f events/s);"
                    + " CPU per event: consumer thread %.3f ms, JVM %.3f ms, PostgreSQL %s (%d events measured, load"
                    + " average %.1f)", round, batchSize, drained / 1e6 / measured, measured / (drained / 1e9),
                    threadCpu / 1e6 / measured, processCpu / 1e6 / measured, postgres.perEvent(serverTicks, measured),
                    measured, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            consumer.requestStop();
            consumer.awaitStop();
        }
    }

    private InboxConfig withBatchSize(int batchSize) {
        return (InboxConfig) java.lang.reflect.Proxy.newProxyInstance(InboxConfig.class.getClassLoader(),
                new Class<?>[] { InboxConfig.class }, (proxy, method, args) -> method.getName().equals("batchSize")
                        ? batchSize : method.invoke(config, args));
    }

    private int count(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM test_effect WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The CPU time of the embedded PostgreSQL: user + system ticks of its postmaster and the processes it forked, from
     * /proc (as competency-service's benchmark reads it). Linux only; elsewhere n/a.
     */
    private static final class ServerCpu {

        private static final double TICK_MS = 10.0; // USER_HZ is 100 on Linux

        private final long postmaster;

        ServerCpu(DataSource dataSource) {
            long found;
            try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement();
                    ResultSet row = s.executeQuery("SELECT pg_backend_pid()")) {
                row.next();
                found = field(Path.of("/proc", Integer.toString(row.getInt(1)), "stat"), 4); // the backend's parent
            } catch (SQLException | RuntimeException e) {
                found = -1;
            }
            this.postmaster = found;
        }

        long ticks() {
            if (postmaster <= 0) {
                return -1;
            }
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .mapToLong(p -> {
                            Path stat = p.resolve("stat");
                            long pid = Long.parseLong(p.getFileName().toString());
                            if (pid != postmaster && field(stat, 4) != postmaster) {
                                return 0;
                            }
                            return Math.max(0, field(stat, 14)) + Math.max(0, field(stat, 15));
                        }).sum();
            } catch (IOException e) {
                return -1;
            }
        }

        String perEvent(long ticks, int events) {
            return postmaster <= 0 || ticks < 0 ? "n/a" : String.format(Locale.ROOT, "%.3f ms", ticks * TICK_MS / events);
        }

        private static long field(Path stat, int n) {
            try {
                String line = Files.readString(stat);
                String[] after = line.substring(line.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(after[n - 3]);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }
}
