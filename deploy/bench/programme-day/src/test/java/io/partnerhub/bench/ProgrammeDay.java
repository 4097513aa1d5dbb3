package io.partnerhub.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * A programme's busy day (issue 26): the partner portal's reads, the providers' registrations and results, renewal
 * assessments, user imports and performance reports at the arrival rates of the bench README's table (times
 * {@code day.scale}), all through the gateway with tokens of many personas; then the results-at-capacity phase (the
 * figure the pgbench baseline is compared with). Beside it: the consumer lag and the propagation probe
 * ({@link Monitors}). Summary on stdout and in {@link Settings#FIGURES}; Gatling's HTML report under target/gatling.
 */
public class ProgrammeDay extends Simulation {

    private static final Api API = new Api(Settings.URL, Settings.KEYS.resolve("private.pem"));
    private static final AtomicLong WALK_INS = new AtomicLong();
    private final long setupStarted = System.nanoTime();
    private final Setup setup = new Setup(API);
    private final World world = setup.build();
    private final double setupSeconds = (System.nanoTime() - setupStarted) / 1e9;
    private final String setupLine = world.admins().size() + " organisations, " + world.employees().size() + " employees, "
            + world.probes().size() + " probe organisations, " + world.capacity().size() + " bookings for the capacity phase, "
            + world.renewals().size() + " holdings due for renewal";
    private final Monitors monitors = new Monitors();

    /** One request of a kind: its time and whether it got one of {@code ok} are recorded in {@link Figures}. */
    private static ChainBuilder call(String kind, HttpRequestActionBuilder request, Integer... ok) {
        List<Integer> expected = List.of(ok.length == 0 ? new Integer[] {200} : ok);
        boolean day = !kind.startsWith("capacity");
        return exec(request.check(responseTimeInMillis().saveAs("rt"), status().saveAs("st"), status().in(expected)))
                .exec(s -> {
                    boolean answered = s.contains("st") && expected.contains(s.getInt("st"));
                    Figures.record(kind, s.contains("rt") ? s.getInt("rt") : 0, answered, day);
                    return s.removeAll("rt", "st");
                });
    }

    private static HttpRequestActionBuilder get(String kind, String path) {
        return http(kind).get(path).header("Authorization", "Bearer #{token}");
    }

    private static HttpRequestActionBuilder post(String kind, String path, String body) {
        return http(kind).post(path).header("Authorization", "Bearer #{token}").body(StringBody(body)).asJson();
    }

    private static <T> Iterator<Map<String, Object>> feeder(Supplier<Map<String, Object>> next) {
        return Stream.generate(next).iterator();
    }

    private <T> T any(List<T> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    private ScenarioBuilder dashboard() {
        return scenario("dashboard").feed(feeder(() -> any(world.admins()).feed()))
                .exec(call("dashboard: organisation", get("dashboard: organisation", "/organizations/#{org}")))
                .exec(call("dashboard: status", get("dashboard: status", "/competency-status/#{org}?size=100")))
                .exec(call("dashboard: forecast", get("dashboard: forecast", "/competency-status/#{org}/forecast")))
                .exec(call("dashboard: membership", get("dashboard: membership", "/organizations/#{org}/membership")))
                .exec(call("dashboard: people", get("dashboard: people", "/organizations/#{org}/users?size=100")))
                .exec(call("dashboard: competencies", get("dashboard: competencies", "/competencies?size=100")));
    }

    private ScenarioBuilder transcript() {
        return scenario("transcript").feed(feeder(() -> {
            World.Employee e = any(world.employees());
            return Map.of("candidate", e.candidate(), "token", e.token());
        }))
                .exec(call("transcript", get("transcript", "/transcripts/#{candidate}")))
                .exec(call("transcript: attempts", get("transcript: attempts", "/exam-candidates/#{candidate}/attempts?size=100")));
    }

    private ScenarioBuilder catalogue() {
        return scenario("catalogue").feed(feeder(() -> Map.of("token", any(world.employees()).token())))
                .exec(call("catalogue: exams", get("catalogue: exams", "/exams?size=100")))
                .exec(call("catalogue: certifications", get("catalogue: certifications", "/certifications?size=100")));
    }

    /** The provider books a sitting 2 s ahead and posts its result (80 % pass) 3 s later: people of the organisations first. */
    private ScenarioBuilder sitting() {
        return scenario("sitting").feed(feeder(() -> {
            World.Employee person = world.sitters().poll();
            String candidate = person != null ? person.candidate() : world.exam().toLowerCase() + "-walk-in-" + WALK_INS.incrementAndGet();
            Instant at = Instant.now().plusSeconds(2);
            return Map.of("token", world.providerToken(), "candidate", candidate, "exam", world.exam(), "at", at.toString(),
                    "takenAt", at.plusMillis(500).toString(), "score", ThreadLocalRandom.current().nextInt(100) < 80 ? 850 : 420,
                    "resultId", "PD-" + java.util.UUID.randomUUID());
        }))
                .exec(call("registration", post("registration", "/exam-registrations",
                        "{\"candidateId\":\"#{candidate}\",\"examCode\":\"#{exam}\",\"provider\":\"PEARSON_VUE\","
                                + "\"deliveryMode\":\"TEST_CENTER\",\"scheduledAt\":\"#{at}\"}")
                        .check(jsonPath("$.id").saveAs("registration")), 201))
                .pause(Duration.ofSeconds(3))
                .doIf(s -> s.contains("registration")).then(call("result", post("result", "/exam-results", RESULT), 201));
    }

    private static final String RESULT = "{\"providerResultId\":\"#{resultId}\",\"registrationId\":\"#{registration}\","
            + "\"score\":#{score},\"takenAt\":\"#{takenAt}\"}";

    /** An employee renews a holding in its window: starts the renewal assessment, answers, submits (2 requests). */
    private ScenarioBuilder renewal() {
        return scenario("renewal").feed(feeder(() -> {
            World.Renewal r = world.renewals().poll();
            return r == null ? Map.of("holding", "") : Map.of("holding", r.holding(), "token", r.token());
        }))
                .doIf(s -> !s.getString("holding").isEmpty()).then(
                        call("renewal: start", post("renewal: start", "/certification-holdings/#{holding}/renewal-assessments", "{}")
                                .check(jsonPath("$.id").saveAs("attempt"), jsonPath("$.questions").saveAs("questions")), 201, 200)
                        .doIf(s -> s.contains("questions")).then(exec(s -> s.set("answers", Answers.submission(s.getString("questions"))))
                                .exec(call("renewal: submission", post("renewal: submission",
                                        "/assessment-attempts/#{attempt}/submission", "#{answers}")))));
    }

    private ScenarioBuilder userImport() {
        AtomicLong rows = new AtomicLong();
        return scenario("user import").feed(feeder(() -> {
            World.Admin admin = any(world.admins());
            long n = rows.addAndGet(5);
            StringBuilder body = new StringBuilder("[");
            for (long i = n - 5; i < n; i++) {
                body.append(i > n - 5 ? "," : "").append("{\"name\":\"Imported ").append(i).append("\",\"email\":\"imported-")
                        .append(world.exam().toLowerCase()).append('-').append(i).append("@bench.example\",\"role\":\"EMPLOYEE\"}");
            }
            return Map.of("org", admin.org(), "token", admin.token(), "rows", body.append(']').toString());
        })).exec(call("user import", post("user import", "/organizations/#{org}/user-imports", "#{rows}")));
    }

    private ScenarioBuilder performanceReport() {
        return scenario("performance report").feed(feeder(() -> {
            LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1 + ThreadLocalRandom.current().nextInt(12));
            return Map.of("org", any(world.admins()).org(), "token", world.reporterToken(), "start", month.toString(),
                    "end", month.plusMonths(1).minusDays(1).toString(), "value", ThreadLocalRandom.current().nextInt(1000, 900_000));
        })).exec(call("performance report", post("performance report", "/organizations/#{org}/performance-reports",
                "{\"metric\":\"REVENUE\",\"value\":#{value},\"periodStart\":\"#{start}\",\"periodEnd\":\"#{end}\"}"), 201, 200));
    }

    /** After the day: concurrent providers post results of registrations booked during the setup, as fast as they can. */
    private ScenarioBuilder capacity() {
        return scenario("capacity").feed(feeder(() -> {
            World.Booked b = world.capacity().poll();
            return b == null ? Map.of("registration", "") : Map.of("token", world.providerToken(), "registration", b.registration(),
                    "takenAt", b.takenAt().toString(), "score", 850, "resultId", "PD-" + java.util.UUID.randomUUID());
        }))
                .exec(s -> {
                    Figures.capacityStarted(); // the CPU of every process at the start of the phase
                    return s;
                })
                .doIfOrElse(s -> !s.getString("registration").isEmpty()).then(pause(s -> Duration.ofMillis(Math.max(0,
                        Instant.parse(s.getString("takenAt")).toEpochMilli() + 50 - System.currentTimeMillis())))
                        .exec(call("capacity: result", post("capacity: result",
                        "/exam-results", RESULT), 201))).orElse(pause(Duration.ofSeconds(1)));
    }

    private PopulationBuilder open(ScenarioBuilder scenario, double perSecond) {
        return scenario.injectOpen(constantUsersPerSec(perSecond * Settings.SCALE).during(Settings.DAY).randomized());
    }

    {
        io.gatling.javaapi.http.HttpProtocolBuilder protocol = http.baseUrl(API.gateway + "/api")
                .acceptHeader("application/json").shareConnections();
        setUp(open(dashboard(), 1.0), open(transcript(), 2.0), open(catalogue(), 1.5),
                open(sitting(), Settings.SITTINGS_PER_SECOND)
                        .andThen(capacity().injectClosed(constantConcurrentUsers(Settings.CAPACITY_CLIENTS).during(Settings.CAPACITY))),
                open(renewal(), Settings.RENEWALS_PER_SECOND), open(userImport(), 0.1), open(performanceReport(), 0.3))
                .protocols(protocol)
                .maxDuration(Settings.DAY.plus(Settings.CAPACITY).plusMinutes(3));
    }

    @Override
    public void before() {
        Figures.dayStartMillis = System.currentTimeMillis();
        monitors.start(world, setup, API);
    }

    @Override
    public void after() {
        Monitors.awaitCaughtUp(Duration.ofSeconds(120)); // the chain's backlog of the capacity phase, for the CPU figures
        Figures.cpuAfter = CpuMeter.read(Settings.PIDS);
        monitors.close();
        Summary.print(setupLine, setupSeconds);
    }
}
