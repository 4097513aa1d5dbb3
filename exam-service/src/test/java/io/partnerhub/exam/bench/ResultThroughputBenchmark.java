package io.partnerhub.exam.bench;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.partnerhub.chassis.testing.ClockMovingTest;
import io.partnerhub.chassis.testing.ProcessCpu;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue #26: the CPU one provider result costs exam-service (POST /exam-results and the relay's send of its event),
 * PostgreSQL and the broker, with {@code bench.clients} concurrent providers posting results of booked registrations
 * as fast as they answer, after a warm-up. Prints results/s and CPU ms per result per process (less what each spends
 * idle over the same time, measured just before: sweeps, consumer polls, JIT, JFR): this JVM less the
 * clients' own threads (which do their I/O on their own threads: HttpURLConnection), the PostgreSQL server of the
 * test resource (postmaster and backends, from /proc) and the broker's child JVM. Figures only, no assertion on time.
 * <pre>
 * ./mvnw -B -ntp -pl exam-service -am test -Pbench -Dtest=ResultThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbench.results=2000 -Dbench.warmup=600 -Dbench.clients=8] [-Dbench.jvm="-XX:TieredStopAtLevel=1"]
 * </pre>
 * {@code -Dbench.jvm=-XX:TieredStopAtLevel=1} runs the JIT as deploy/run runs the services (C1 only);
 * {@code -Dbench.jvm=-XX:StartFlightRecording=filename=exam.jfr,settings=profile} records where the CPU goes.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ResultThroughputBenchmark extends ClockMovingTest {

    private static final int RESULTS = Integer.getInteger("bench.results", 2000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 600);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int IDLE_SECONDS = Integer.getInteger("bench.idle-seconds", 5);

    @TestHTTPResource("/exam-results")
    URI results;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    record Booked(String registrationId, Instant takenAt) {
    }

    @Test
    void resultsAtCapacity() throws Exception {
        String exam = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("code", exam, "title", "Bench exam", "deliveryModes", List.of("TEST_CENTER"),
                        "providers", List.of("PEARSON_VUE"),
                        "skillsMeasured", List.of(Map.of("area", "Everything", "weightMin", 100, "weightMax", 100))))
                .post("/exams").then().statusCode(201);
        String provider = TestTokens.token("exam-provider", Map.of("provider", "PEARSON_VUE"));
        Instant at = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        ConcurrentLinkedQueue<Booked> warmup = book(provider, exam, at, WARMUP);
        ConcurrentLinkedQueue<Booked> measured = book(provider, exam, at, RESULTS);
        clock.advance(Duration.ofHours(2)); // past the appointments: results may come

        post(provider, warmup);
        awaitOutboxSent();

        long pgPid = ProcessCpu.postmaster(jdbcUrl);
        // what the processes spend without results (sweeps, consumer polls, the JVM's own threads), per second of wall
        // time: subtracted over the measured time, so that a slower run (a busier machine) is not charged for it
        Map<String, Double> idleStart = cpu(pgPid);
        long idleStarted = System.nanoTime();
        Awaitility.await().pollDelay(Duration.ofSeconds(IDLE_SECONDS)).atMost(Duration.ofSeconds(IDLE_SECONDS + 5)).until(() -> true);
        double idleSeconds = (System.nanoTime() - idleStarted) / 1e9;
        Map<String, Double> before = cpu(pgPid);
        long allocatedBefore = allocatedBytes();
        long started = System.nanoTime();
        Posted posted = post(provider, measured);
        double seconds = (System.nanoTime() - started) / 1e9;
        awaitOutboxSent();
        double measuredSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> after = cpu(pgPid);
        double allocatedKib = (allocatedBytes() - allocatedBefore - posted.clientAllocatedBytes) / 1024.0 / posted.created;

        double clientMs = posted.clientCpuNanos / 1e6 / posted.created;
        System.out.printf(Locale.ROOT, "%n=== exam-service results at capacity (#26): %d results, %d clients, warm-up %d ===%n",
                posted.created, CLIENTS, WARMUP);
        System.out.printf(Locale.ROOT, "  results/s %.1f (%.1f s, %d not 201); load average %.1f; JVM options %s%n",
                posted.created / seconds, seconds, posted.failed, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-XX")).toList());
        double total = 0;
        double idleTotal = 0;
        StringBuilder line = new StringBuilder("  CPU ms per result, less idle:");
        StringBuilder idle = new StringBuilder("  idle CPU ms per second (subtracted):");
        for (String name : after.keySet()) {
            double idleRate = (before.get(name) - idleStart.getOrDefault(name, 0.0)) / idleSeconds;
            double ms = 1000 * (after.get(name) - before.getOrDefault(name, 0.0) - idleRate * measuredSeconds) / posted.created;
            if (name.equals("exam-service")) {
                ms -= clientMs;
            }
            total += ms;
            idleTotal += 1000 * idleRate;
            line.append(String.format(Locale.ROOT, " %s %.2f,", name, ms));
            idle.append(String.format(Locale.ROOT, " %s %.1f,", name, 1000 * idleRate));
        }
        System.out.println(line.append(String.format(Locale.ROOT, " total %.2f (the clients' threads %.2f, not counted)", total, clientMs)));
        // allocation hardly depends on how busy the machine is, CPU time does (the shared 2 cores): the steadier figure of the two
        System.out.printf(Locale.ROOT, "  exam-service allocated per result: %.1f KiB (the clients' threads not counted)%n", allocatedKib);
        System.out.println(idle.append(String.format(Locale.ROOT, " total %.1f over %.1f s", idleTotal, measuredSeconds)));
        System.out.println("=".repeat(60));
    }

    private ConcurrentLinkedQueue<Booked> book(String provider, String exam, Instant at, int count) throws Exception {
        ConcurrentLinkedQueue<Booked> booked = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(pool.submit(() -> {
                String candidate = "bench-" + UUID.randomUUID();
                String id = given().auth().oauth2(provider).contentType(ContentType.JSON)
                        .body(Map.of("candidateId", candidate, "examCode", exam, "provider", "PEARSON_VUE",
                                "deliveryMode", "TEST_CENTER", "scheduledAt", at.toString()))
                        .post("/exam-registrations").then().statusCode(201).extract().path("id");
                booked.add(new Booked(id, at));
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();
        return booked;
    }

    record Posted(int created, int failed, long clientCpuNanos, long clientAllocatedBytes) {
    }

    private Posted post(String provider, ConcurrentLinkedQueue<Booked> queue) throws Exception {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<long[]>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long cpu = threads.getCurrentThreadCpuTime();
                long allocated = threads.getCurrentThreadAllocatedBytes();
                Booked next;
                while ((next = queue.poll()) != null) {
                    String body = "{\"providerResultId\":\"BENCH-" + UUID.randomUUID() + "\",\"registrationId\":\""
                            + next.registrationId() + "\",\"score\":850,\"takenAt\":\"" + next.takenAt() + "\"}";
                    (send(provider, body) == 201 ? created : failed).incrementAndGet();
                }
                return new long[] {threads.getCurrentThreadCpuTime() - cpu, threads.getCurrentThreadAllocatedBytes() - allocated};
            }));
        }
        long clientCpu = 0;
        long clientAllocated = 0;
        for (Future<long[]> client : clients) {
            clientCpu += client.get()[0];
            clientAllocated += client.get()[1];
        }
        pool.shutdown();
        return new Posted(created.get(), failed.get(), clientCpu, clientAllocated);
    }

    /** One POST on a kept-alive connection (HttpURLConnection reuses it when the body is read to the end). */
    private int send(String token, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) results.toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Authorization", "Bearer " + token);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Accept", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }

    private void awaitOutboxSent() {
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
                rs.next();
                return rs.getLong(1) == 0;
            } catch (SQLException e) {
                return false;
            }
        });
    }

    /** CPU seconds so far: this JVM, PostgreSQL (the postmaster serving {@code jdbcUrl}'s port and its children), the broker. */
    private static Map<String, Double> cpu(long postmaster) {
        Map<String, Double> cpu = new java.util.LinkedHashMap<>();
        cpu.put("exam-service", ProcessCpu.thisJvmSeconds());
        cpu.put("postgres", ProcessCpu.postgresSeconds(postmaster));
        cpu.put("broker", ProcessCpu.childJvmSeconds());
        return cpu;
    }

    /** Bytes allocated so far by the live threads of this JVM. */
    private static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return java.util.stream.LongStream.of(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
    }
}
