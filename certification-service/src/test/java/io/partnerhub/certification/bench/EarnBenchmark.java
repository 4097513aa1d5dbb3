package io.partnerhub.certification.bench;

import static io.restassured.RestAssured.given;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.certification.events.ExamEventsHandler;
import io.partnerhub.certification.events.ExamPassed;
import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.testing.ProcessCpu;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue #25 stage 4 / #26: the CPU one earned certification costs (the exam.passed.v1 consumer's transaction: the pass
 * recorded, the candidate's holdings, passes and the catalogue read, the holding and its certification.earned.v1 outbox
 * row written, the commit), with a catalogue of {@code bench.certifications} certifications (groups, alternatives,
 * prerequisites) of which the pass completes one. Each event is applied as the inbox consumer applies a record that
 * comes alone (the propagation report's case): the handler in a transaction of its own, commit included (the inbox
 * row itself, chassis, is not written). Prints events/s, the applying thread's CPU and allocation per event, and CPU ms
 * per earned certification per process less what each spends idle over the same time (this JVM, which also relays
 * the earned events; PostgreSQL of the test resource from /proc; the broker's child JVM). Figures only, no assertion
 * on time.
 * <pre>
 * ./mvnw -B -ntp -pl certification-service -am test -Pbench -Dtest=EarnBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbench.events=2000 -Dbench.warmup=1000 -Dbench.certifications=40] [-Dbench.jvm="-XX:TieredStopAtLevel=1"]
 * </pre>
 * {@code -Dbench.jvm=-XX:TieredStopAtLevel=1} runs the JIT as deploy/run runs the services (C1 only);
 * {@code -Dbench.jvm=-XX:StartFlightRecording=filename=earn.jfr,settings=profile} records where the CPU goes.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class EarnBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 2000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 1000);
    private static final int CERTIFICATIONS = Integer.getInteger("bench.certifications", 40);
    private static final int IDLE_SECONDS = Integer.getInteger("bench.idle-seconds", 5);

    @Inject
    ExamEventsHandler handler;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void earnedCertificationsOneEventPerTransaction() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String exam = "BENCH-" + run;
        // the catalogue: CERTIFICATIONS - 1 others (two groups, one with alternatives; every third needs a prerequisite),
        // none of which the bench exam completes, and the one it earns
        String previous = null;
        for (int i = 1; i < CERTIFICATIONS; i++) {
            String id = "bench-" + run.toLowerCase(Locale.ROOT) + "-" + i;
            define(id, "ASSOCIATE", List.of(List.of(exam, "OTHER-" + run + "-" + i), List.of("ALT-" + i, "ALT-" + (i + 1))),
                    i % 3 == 0 && previous != null ? List.of(previous) : List.of());
            previous = id;
        }
        define("bench-" + run.toLowerCase(Locale.ROOT) + "-earned", "ASSOCIATE", List.of(List.of(exam)), List.of());

        apply(exam, WARMUP);
        awaitOutboxSent();

        long pgPid = ProcessCpu.postmaster(jdbcUrl);
        Map<String, Double> idleStart = cpu(pgPid);
        long idleStarted = System.nanoTime();
        Awaitility.await().pollDelay(Duration.ofSeconds(IDLE_SECONDS)).atMost(Duration.ofSeconds(IDLE_SECONDS + 5)).until(() -> true);
        double idleSeconds = (System.nanoTime() - idleStarted) / 1e9;
        Map<String, Double> before = cpu(pgPid);
        long earnedBefore = count("SELECT count(*) FROM certification_holding");
        long started = System.nanoTime();
        Applied applied = apply(exam, EVENTS);
        double seconds = (System.nanoTime() - started) / 1e9;
        awaitOutboxSent();
        double measuredSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> after = cpu(pgPid);
        long earned = count("SELECT count(*) FROM certification_holding") - earnedBefore;

        System.out.printf(Locale.ROOT, "%n=== certification-service earn path (#25 stage 4): %d exam.passed.v1, %d earned, catalogue %d,"
                + " warm-up %d ===%n", EVENTS, earned, CERTIFICATIONS, WARMUP);
        System.out.printf(Locale.ROOT, "  events/s %.1f (%.1f s, one transaction each); load average %.1f; JVM options %s%n",
                EVENTS / seconds, seconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-XX")).toList());
        System.out.printf(Locale.ROOT, "  applying thread per event: CPU %.3f ms, allocated %.1f KiB, wall %.3f ms%n",
                applied.cpuNanos / 1e6 / EVENTS, applied.allocatedBytes / 1024.0 / EVENTS, seconds * 1000 / EVENTS);
        double total = 0;
        double idleTotal = 0;
        StringBuilder line = new StringBuilder("  CPU ms per earned certification, less idle:");
        StringBuilder idle = new StringBuilder("  idle CPU ms per second (subtracted):");
        for (String name : after.keySet()) {
            double idleRate = (before.get(name) - idleStart.getOrDefault(name, 0.0)) / idleSeconds;
            double ms = 1000 * (after.get(name) - before.getOrDefault(name, 0.0) - idleRate * measuredSeconds) / Math.max(1, earned);
            total += ms;
            idleTotal += 1000 * idleRate;
            line.append(String.format(Locale.ROOT, " %s %.2f,", name, ms));
            idle.append(String.format(Locale.ROOT, " %s %.1f,", name, 1000 * idleRate));
        }
        System.out.println(line.append(String.format(Locale.ROOT, " total %.2f", total)));
        System.out.println(idle.append(String.format(Locale.ROOT, " total %.1f over %.1f s", idleTotal, measuredSeconds)));
        System.out.println("=".repeat(60));
        if (earned != EVENTS) {
            throw new AssertionError("expected " + EVENTS + " certifications earned, got " + earned);
        }
    }

    private static void define(String id, String level, List<List<String>> requiredExams, List<String> prerequisites) {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Bench " + id, "level", level, "requiredExams", requiredExams,
                        "prerequisites", prerequisites))
                .post("/certifications").then().statusCode(201);
    }

    record Applied(long cpuNanos, long allocatedBytes) {
    }

    /** {@code count} fresh candidates each pass the exam: one event each, each in its own transaction. */
    private Applied apply(String exam, int count) {
        List<CloudEvent> events = new ArrayList<>(count);
        Instant takenAt = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            String candidate = "bench-" + UUID.randomUUID();
            ExamPassed pass = new ExamPassed(candidate, exam, UUID.randomUUID().toString(), 850, takenAt);
            events.add(CloudEvent.of("/exam-service", ExamPassed.TYPE, candidate, Instant.now(), json.valueToTree(pass)));
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        for (CloudEvent event : events) {
            QuarkusTransaction.requiringNew().run(() -> handler.handle(event));
        }
        return new Applied(threads.getCurrentThreadCpuTime() - cpu, threads.getCurrentThreadAllocatedBytes() - allocated);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void awaitOutboxSent() {
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try {
                return count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL") == 0;
            } catch (SQLException e) {
                return false;
            }
        });
    }

    /** CPU seconds so far: this JVM, PostgreSQL (the postmaster serving {@code jdbcUrl}'s port and its children), the broker. */
    private static Map<String, Double> cpu(long postmaster) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("certification-service", ProcessCpu.thisJvmSeconds());
        cpu.put("postgres", ProcessCpu.postgresSeconds(postmaster));
        cpu.put("broker", ProcessCpu.childJvmSeconds());
        return cpu;
    }
}
