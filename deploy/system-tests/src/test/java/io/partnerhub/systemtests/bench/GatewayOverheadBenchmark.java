package io.partnerhub.systemtests.bench;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.DevStack;

/**
 * Prints figures, asserts nothing about speed: the same request ({@code GET /exams/{code}} with an ops token) sent
 * straight to exam-service and through the gateway ({@code /api/exams/{code}}), alternately, in two phases:
 * <ul>
 * <li>throughput: {@code C} clients in a closed loop for {@code S} seconds each way: requests/s, p50, p99;</li>
 * <li>latency: one client, {@code N} requests each way: p50, p99, and what the gateway adds.</li>
 * </ul>
 * Every request through the gateway is verified (token cache), rate-limited (the devstack's budgets), routed,
 * header-cleaned and traced, as in production. Run: {@code deploy/bench/gateway-overhead} (not part of
 * {@code ./mvnw verify}).
 */
class GatewayOverheadBenchmark {

    private static final int CLIENTS = Integer.getInteger("partnerhub.bench.clients", 16);
    private static final int SECONDS = Integer.getInteger("partnerhub.bench.seconds", 20);
    private static final int ROUNDS = Integer.getInteger("partnerhub.bench.rounds", 5);
    /** Per side, before anything is counted: C1 compiles in seconds, C2 (production's JIT) needs longer. */
    private static final int WARM_UP_SECONDS = Integer.getInteger("partnerhub.bench.warmup", 20);
    private static final int LATENCY_SAMPLES = Integer.getInteger("partnerhub.bench.samples", 2000);

    record Figures(double requestsPerSecond, double p50, double p99, long requests, long errors) {
    }

    /** CPU seconds (user + system) used so far by each process that takes part in a request. */
    record Cpu(double gateway, double exam, double postgres, double client) {

        /** {@code postmaster}: PostgreSQL's server process; its children are the backends (one per connection). */
        static Cpu now(ProcessHandle gateway, ProcessHandle exam, ProcessHandle postmaster) {
            return new Cpu(seconds(gateway), seconds(exam),
                    seconds(postmaster) + postmaster.children().mapToDouble(Cpu::seconds).sum(), seconds(ProcessHandle.current()));
        }

        Cpu plus(Cpu later, Cpu earlier) {
            return new Cpu(gateway + later.gateway - earlier.gateway, exam + later.exam - earlier.exam,
                    postgres + later.postgres - earlier.postgres, client + later.client - earlier.client);
        }

        private static double seconds(ProcessHandle p) {
            return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
        }
    }

    @Test
    void printDirectVersusGateway() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("partnerhub.bench.gateway"), "run with deploy/bench/gateway-overhead");
        Path home = Path.of(System.getProperty("partnerhub.systemtests.home", "target/bench-devstack")).toAbsolutePath();
        try (DevStack stack = DevStack.builder().home(home).fresh(true).requireAllServices(true)
                .readyTimeout(Duration.ofSeconds(180)).build()) {
            stack.startInfrastructure().startServices();
            String token = stack.token("ops", Map.of());
            String exam = "BG-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
            given().baseUri(stack.service("exam-service").orElseThrow().baseUrl()).auth().oauth2(token)
                    .contentType("application/json")
                    .body(Map.of("code", exam, "title", "Benchmark exam", "deliveryModes", List.of("TEST_CENTER"),
                            "providers", List.of("PEARSON_VUE"),
                            "skillsMeasured", List.of(Map.of("area", "Everything", "weightMin", 100, "weightMax", 100))))
                    .post("/exams").then().statusCode(201);
            URI direct = URI.create(stack.service("exam-service").orElseThrow().baseUrl() + "/exams/" + exam);
            URI gateway = URI.create(stack.service("gateway").orElseThrow().baseUrl() + "/api/exams/" + exam);

            // warm-up: both JVMs compile their hot paths (not counted)
            closedLoop(direct, token, CLIENTS, WARM_UP_SECONDS, new ArrayList<>(), new long[2]);
            closedLoop(gateway, token, CLIENTS, WARM_UP_SECONDS, new ArrayList<>(), new long[2]);

            // alternating rounds, so that a change in the machine's other load hits both sides alike
            List<Long> directMicros = new ArrayList<>();
            List<Long> gatewayMicros = new ArrayList<>();
            long[] directCount = new long[2];
            long[] gatewayCount = new long[2];
            List<Double> roundRatios = new ArrayList<>();
            int roundSeconds = Math.max(1, SECONDS / ROUNDS);
            ProcessHandle gatewayProcess = ProcessHandle.of(stack.process("gateway").orElseThrow().pid()).orElseThrow();
            ProcessHandle examProcess = ProcessHandle.of(stack.process("exam-service").orElseThrow().pid()).orElseThrow();
            // pg_ctl started it and exited: not a descendant of this JVM; its pid is the first line of postmaster.pid
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(java.nio.file.Files.readAllLines(
                    home.resolve("postgres").resolve("postmaster.pid")).get(0).trim())).orElseThrow();
            Cpu directCpu = new Cpu(0, 0, 0, 0);
            Cpu gatewayCpu = new Cpu(0, 0, 0, 0);
            for (int round = 0; round < ROUNDS; round++) {
                Cpu before = Cpu.now(gatewayProcess, examProcess, postmaster);
                Figures d = closedLoop(direct, token, CLIENTS, roundSeconds, directMicros, directCount);
                Cpu between = Cpu.now(gatewayProcess, examProcess, postmaster);
                Figures g = closedLoop(gateway, token, CLIENTS, roundSeconds, gatewayMicros, gatewayCount);
                Cpu after = Cpu.now(gatewayProcess, examProcess, postmaster);
                directCpu = directCpu.plus(between, before);
                gatewayCpu = gatewayCpu.plus(after, between);
                roundRatios.add(g.requestsPerSecond() / d.requestsPerSecond());
            }
            Figures directLoad = figures(directMicros, directMicros.size() / (ROUNDS * (double) roundSeconds), directCount[1]);
            Figures gatewayLoad = figures(gatewayMicros, gatewayMicros.size() / (ROUNDS * (double) roundSeconds), gatewayCount[1]);
            List<Long> directOneMicros = new ArrayList<>();
            List<Long> gatewayOneMicros = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                oneClient(direct, token, LATENCY_SAMPLES / ROUNDS, directOneMicros);
                oneClient(gateway, token, LATENCY_SAMPLES / ROUNDS, gatewayOneMicros);
            }
            Figures directOne = figures(directOneMicros, 0, 0);
            Figures gatewayOne = figures(gatewayOneMicros, 0, 0);
            java.util.Collections.sort(roundRatios);

            System.out.println();
            System.out.printf("GET /exams/{code}: direct (exam-service :8081) vs through the gateway (:8080 /api), %d cores%n",
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("  throughput, %d clients, %d x %d s each way, alternating %12s %12s %8s%n", CLIENTS, ROUNDS, roundSeconds,
                    "direct", "gateway", "ratio");
            System.out.printf("    requests/s                     %12.0f %12.0f %8.2f%n", directLoad.requestsPerSecond(),
                    gatewayLoad.requestsPerSecond(), gatewayLoad.requestsPerSecond() / directLoad.requestsPerSecond());
            System.out.printf("    p50 ms                         %12.2f %12.2f%n", directLoad.p50(), gatewayLoad.p50());
            System.out.printf("    p99 ms                         %12.2f %12.2f%n", directLoad.p99(), gatewayLoad.p99());
            System.out.printf("    errors                         %12d %12d%n", directLoad.errors(), gatewayLoad.errors());
            System.out.printf("    ratio per round                %s (median %.2f)%n", roundRatios.stream()
                    .map(r -> String.format("%.2f", r)).toList(), roundRatios.get(roundRatios.size() / 2));
            // where the cores went: on 2 shared cores the throughput ratio is the ratio of CPU per request
            double dn = directMicros.size() / 1e6;
            double gn = gatewayMicros.size() / 1e6;
            System.out.printf("  CPU per request, us (user + system)  %12s %12s %8s%n", "direct", "gateway", "added");
            cpuLine("gateway", directCpu.gateway() / dn, gatewayCpu.gateway() / gn);
            cpuLine("exam-service", directCpu.exam() / dn, gatewayCpu.exam() / gn);
            cpuLine("PostgreSQL", directCpu.postgres() / dn, gatewayCpu.postgres() / gn);
            cpuLine("load generator (this JVM)", directCpu.client() / dn, gatewayCpu.client() / gn);
            cpuLine("all four", (directCpu.gateway() + directCpu.exam() + directCpu.postgres() + directCpu.client()) / dn,
                    (gatewayCpu.gateway() + gatewayCpu.exam() + gatewayCpu.postgres() + gatewayCpu.client()) / gn);
            System.out.printf("  latency, 1 client x %d requests %12s %12s %8s%n", LATENCY_SAMPLES, "direct", "gateway", "added");
            System.out.printf("    p50 ms                         %12.2f %12.2f %8.2f%n", directOne.p50(), gatewayOne.p50(),
                    gatewayOne.p50() - directOne.p50());
            System.out.printf("    p99 ms                         %12.2f %12.2f %8.2f%n", directOne.p99(), gatewayOne.p99(),
                    gatewayOne.p99() - directOne.p99());
            System.out.println("  (goal: gateway >= 0.8 x direct requests/s, <= 2 ms added at p50; the load generator shares the cores)");
            System.out.println();
        }
    }

    private static void cpuLine(String process, double direct, double gateway) {
        System.out.printf("    %-33s %12.0f %12.0f %8.0f%n", process, direct, gateway, gateway - direct);
    }

    private static HttpRequest request(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).build();
    }

    /** {@code clients} threads, each sending the next request when the last is answered, for {@code seconds}. */
    private static Figures closedLoop(URI uri, String token, int clients, int seconds, List<Long> into, long[] count)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).build();
        HttpRequest request = request(uri, token);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] micros = new long[1 << 20];
                int n = 0;
                long errors = 0;
                while (running.get() && n < micros.length - 1) {
                    long t = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    micros[n++] = (System.nanoTime() - t) / 1_000;
                    if (response.statusCode() != 200) {
                        errors++;
                    }
                }
                long[] out = java.util.Arrays.copyOf(micros, n + 1);
                out[n] = errors; // last element: the error count
                return out;
            }));
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> result : results) {
            long[] r = result.get();
            for (int i = 0; i < r.length - 1; i++) {
                all.add(r[i]);
            }
            errors += r[r.length - 1];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        into.addAll(all);
        count[0] += all.size();
        count[1] += errors;
        return figures(all, all.size() / elapsed, errors);
    }

    private static void oneClient(URI uri, String token, int samples, List<Long> micros) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = request(uri, token);
        for (int i = 0; i < samples / 10; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                throw new AssertionError("not 200 from " + uri);
            }
            micros.add((System.nanoTime() - t) / 1_000);
        }
    }

    private static Figures figures(List<Long> micros, double perSecond, long errors) {
        List<Long> sorted = new ArrayList<>(micros);
        java.util.Collections.sort(sorted);
        return new Figures(perSecond, percentile(sorted, 50), percentile(sorted, 99), sorted.size(), errors);
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
