package io.partnerhub.systemtests;

import static io.partnerhub.systemtests.Programme.skill;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The load of a fault drill (issue #26) and what it left behind. {@code n} organisations, each with one employee booked
 * on one exam whose certification alone makes the organisation Silver in a competency of the drill's own. The results
 * are posted through the gateway at an even pace over a period ({@link #start}) while the test breaks something; each
 * carries a W3C trace id of its own. At the end ({@link DrillTally}) every result that got its 201 is followed by that
 * trace id to the certification.earned event it caused, and by that event's id (the causing event at the end of the
 * chain) to competency-service's status changes: applied once, lost, or doubled.
 */
final class FaultDrill {

    /** An organisation, its employee and the employee's registration. */
    record Person(String organization, String candidate, String registration) {
    }

    /** A posted result: HTTP status, or -1 when no answer came (refused connection, timeout). */
    record Posted(Person person, String traceId, int status, String detail) {
        boolean acknowledged() {
            return status == 201;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final String exam;
    final String certification;
    final String competency;
    final List<Person> people;
    private final Instant appointment;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private ExecutorService load;
    private final List<Future<?>> workers = new ArrayList<>();

    private FaultDrill(String prefix, int count) throws Exception {
        exam = Programme.exam(prefix);
        certification = Programme.certification(prefix.toLowerCase(Locale.ROOT), "ASSOCIATE", exam);
        competency = Programme.competency(prefix.toLowerCase(Locale.ROOT), skill(1, certification), skill(2, certification));
        appointment = Programme.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        people = prepare(count);
        Person last = people.get(people.size() - 1);
        Programme.awaitStatus(last.organization(), competency, Programme.level("NONE"),
                "every organisation known to competency-service", Duration.ofSeconds(60));
        Programme.clockAt(Duration.ofMinutes(11)); // the appointments are over
    }

    /** Sets up {@code count} organisations and their bookings (a few threads at once). */
    static FaultDrill prepare(String prefix, int count) throws Exception {
        return new FaultDrill(prefix, count);
    }

    /** Posts one result per person, evenly spread over {@code period}, from {@code threads} clients; returns at once. */
    void start(Duration period, int threads) {
        String url = RunningSuite.service("gateway").baseUrl() + "/api/exam-results";
        String token = RunningSuite.stack().token("exam-provider", Map.of("provider", "PEARSON_VUE"));
        long interval = period.toNanos() / people.size();
        long begin = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        load = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            workers.add(load.submit(() -> {
                for (int i = next.getAndIncrement(); i < people.size(); i = next.getAndIncrement()) {
                    long wait = begin + i * interval - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    posted.add(post(url, token, people.get(i)));
                }
                return null;
            }));
        }
    }

    private Posted post(String url, String token, Person person) {
        String traceId = Stages.newTraceId();
        String body = String.format(Locale.ROOT,
                "{\"providerResultId\":\"FD-%s\",\"registrationId\":\"%s\",\"score\":850,\"takenAt\":\"%s\"}",
                UUID.randomUUID(), person.registration(), appointment.plusSeconds(30));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("traceparent", Stages.traceparent(traceId))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String detail = response.statusCode() == 201 ? "" : response.body();
            return new Posted(person, traceId, response.statusCode(), detail.length() > 200 ? detail.substring(0, 200) : detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Posted(person, traceId, -1, e.toString());
        } catch (Exception e) {
            return new Posted(person, traceId, -1, e.toString());
        }
    }

    /** Waits until {@code count} results were posted (answered or not). */
    void awaitPosted(int count) throws InterruptedException {
        while (posted.size() < count && workers.stream().anyMatch(w -> !w.isDone())) {
            Thread.sleep(20);
        }
    }

    int postedSoFar() {
        return posted.size();
    }

    /** Waits for the last result to be posted; returns every posted result. */
    List<Posted> finish() throws Exception {
        for (Future<?> worker : workers) {
            worker.get(10, TimeUnit.MINUTES);
        }
        load.shutdown();
        return List.copyOf(posted);
    }

    /** The answers other than 201, counted by status (-1: no answer), with one example each. */
    static Map<Integer, String> refusals(List<Posted> posted) {
        Map<Integer, String> byStatus = new TreeMap<>();
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Posted p : posted) {
            if (!p.acknowledged()) {
                counts.merge(p.status(), 1, Integer::sum);
                byStatus.putIfAbsent(p.status(), p.detail());
            }
        }
        Map<Integer, String> out = new TreeMap<>();
        counts.forEach((status, count) -> out.put(status, count + " (e.g. " + byStatus.get(status) + ")"));
        return out;
    }

    /** The same requests as {@link PropagationReportIT}'s set-up, sent with a plain HTTP client. */
    private List<Person> prepare(int count) throws Exception {
        String gateway = RunningSuite.service("gateway").baseUrl() + "/api";
        String ops = RunningSuite.stack().token("ops", Map.of());
        String provider = RunningSuite.stack().token("exam-provider", Map.of("provider", "PEARSON_VUE"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Person>> prepared = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                prepared.add(pool.submit(() -> {
                    String candidate = Programme.candidate("f");
                    String mpnId = Long.toString(5_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 4_000_000_000L));
                    String organization = send(gateway + "/organizations", ops,
                            Map.of("mpnId", mpnId, "name", "Drill " + mpnId, "country", "NL"), 201).path("id").asText();
                    String admin = RunningSuite.stack().token("partner-admin", Map.of("org", organization));
                    String user = send(gateway + "/organizations/" + organization + "/users", admin,
                            Map.of("name", "Person " + candidate, "email", candidate + "@example.org", "role", "EMPLOYEE"), 201)
                            .path("id").asText();
                    String employee = RunningSuite.stack().token("employee", Map.of("org", organization, "candidate", candidate));
                    send(gateway + "/organizations/" + organization + "/users/" + user + "/association", employee,
                            Map.of("candidateId", candidate), 200);
                    String registration = send(gateway + "/exam-registrations", provider,
                            Map.of("candidateId", candidate, "examCode", exam, "provider", "PEARSON_VUE",
                                    "deliveryMode", "TEST_CENTER", "scheduledAt", appointment.toString()), 201).path("id").asText();
                    return new Person(organization, candidate, registration);
                }));
            }
            List<Person> ready = new ArrayList<>();
            for (Future<Person> person : prepared) {
                ready.add(person.get(120, TimeUnit.SECONDS));
            }
            return ready;
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode send(String url, String token, Map<String, ?> body, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
