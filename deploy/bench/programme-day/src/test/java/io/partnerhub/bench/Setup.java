package io.partnerhub.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.bench.World.Admin;
import io.partnerhub.bench.World.Booked;
import io.partnerhub.bench.World.Employee;
import io.partnerhub.bench.World.Renewal;

/**
 * Makes the day's world through the gateway, as the personas who would: ops defines an exam, the ASSOCIATE
 * certification it earns and a competency (Silver: one holder, Gold: three); organisations, each with its people
 * imported by its partner-admin and associated by each employee; probe organisations of one person with a booked
 * sitting; bookings for the results-at-capacity phase; and people holding a demo certification due for renewal.
 */
final class Setup {

    /** The demo exam whose certification has a renewal bank (seed.json: AZ-104 earns azure-administrator-associate). */
    static final String RENEWAL_EXAM = "AZ-104";
    static final String RENEWAL_CERTIFICATION = "azure-administrator-associate";
    private static final Duration BACK = Duration.ofDays(200);

    private final Api api;
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final String ops;
    private final String provider;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    Setup(Api api) {
        this.api = api;
        this.ops = api.ops();
        this.provider = api.provider();
    }

    World build() {
        try {
            String exam = ("PD-" + run).toUpperCase();
            api.post("/exams", ops, Map.of("code", exam, "title", "Programme day " + exam, "passingScore", 700, "beta", false,
                    "deliveryModes", List.of("TEST_CENTER"), "providers", List.of("PEARSON_VUE"),
                    "skillsMeasured", List.of(Map.of("area", "Everything", "weightMin", 100, "weightMax", 100)))).expect(201);
            String certification = "pd-" + run;
            api.post("/certifications", ops, Map.of("id", certification, "name", "Programme day " + run, "level", "ASSOCIATE",
                    "requiredExams", List.of(List.of(exam)), "prerequisites", List.of())).expect(201);
            String competency = competency(certification);

            List<Employee> people = parallel(Settings.ORGS, i -> organization("o" + i, Settings.PEOPLE)).stream()
                    .flatMap(List::stream).toList();
            List<Admin> admins = people.stream().map(Employee::org).distinct().map(o -> new Admin(o, api.admin(o))).toList();
            int probeCount = (int) (Settings.DAY.toMillis() / Settings.PROBE_EVERY.toMillis()) + 2;
            List<Employee> probePeople = parallel(probeCount, i -> organization("p" + i, 1).get(0));
            List<Booked> probes = bookAhead(probeCount, i -> probePeople.get(i), exam);
            List<Booked> capacity = bookAhead(Settings.CAPACITY_BOOKINGS,
                    i -> new Employee(null, "pd-" + run + "-walk-" + i, null), exam);
            List<Renewal> renewals = renewals(people, Settings.expected(Settings.RENEWALS_PER_SECOND));
            parallel(admins.size(), i -> awaitKnown(admins.get(i)));

            List<Employee> shuffled = new ArrayList<>(people);
            Collections.shuffle(shuffled);
            return new World(exam, certification, competency, ops, provider, api.reporter(), admins, people,
                    new ConcurrentLinkedQueue<>(shuffled), new ConcurrentLinkedQueue<>(renewals), probes,
                    new ConcurrentLinkedQueue<>(capacity));
        } finally {
            pool.shutdown();
        }
    }

    private String competency(String certification) {
        String id = "pd-" + run;
        api.post("/competencies", ops, Map.of("id", id, "name", "Programme day " + run)).expect(201);
        Map<String, Object> body = Map.of("version", "v1", "effectiveFrom", LocalDate.now(ZoneOffset.UTC).toString(),
                "silver", skill(1, certification), "gold", skill(3, certification));
        for (int attempt = 0; ; attempt++) { // competency-service learns of the certification from its event (K1c)
            Api.Answer answer = api.post("/competencies/" + id + "/requirement-versions", ops, body);
            if (answer.status() != 400 || !answer.text().contains("unknown-credential") || attempt > 150) {
                answer.expect(201);
                return id;
            }
            sleep(200);
        }
    }

    private static Map<String, Object> skill(int individuals, String certification) {
        return Map.of("paths", List.of(Map.of("requirements",
                List.of(Map.of("kind", "SKILL", "individuals", individuals, "anyOf", List.of(certification))))));
    }

    /** An organisation with {@code size} people: imported by its partner-admin, each associated by the employee. */
    private List<Employee> organization(String name, int size) {
        String mpn = Long.toString(5_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String org = api.post("/organizations", ops, Map.of("mpnId", mpn, "name", "Bench " + run + " " + name, "country", "DE"))
                .expect(201).get("id");
        String admin = api.admin(org);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            rows.add(Map.of("name", "Person " + name + "-" + j, "email", run + "-" + name + "-" + j + "@bench.example", "role", "EMPLOYEE"));
        }
        JsonNode report = api.post("/organizations/" + org + "/user-imports", admin, rows).expect(200).body();
        List<Employee> people = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            String candidate = "pd-" + run + "-" + name + "-" + j;
            String token = api.employee(org, candidate);
            String user = report.path("rows").path(j).path("id").asText();
            api.post("/organizations/" + org + "/users/" + user + "/association", token, Map.of("candidateId", candidate))
                    .expect(200, 201);
            people.add(new Employee(org, candidate, token));
        }
        return people;
    }

    /** Sittings booked a few seconds ahead, 200 at a time (an appointment must lie ahead when it is booked). */
    private List<Booked> bookAhead(int count, IntFunction<Employee> person, String exam) {
        List<Booked> booked = new ArrayList<>();
        for (int from = 0; from < count; from += 200) {
            int start = from;
            Instant at = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
            booked.addAll(parallel(Math.min(200, count - from), i -> {
                Employee e = person.apply(start + i);
                return book(e.org(), e.candidate(), exam, at);
            }));
        }
        return booked;
    }

    /** Until competency-service has applied organization.registered, the organisation's status answers 404 (K1). */
    private boolean awaitKnown(Admin admin) {
        for (int attempt = 0; attempt < 600; attempt++) {
            if (api.get("/competency-status/" + admin.org() + "?size=100", admin.token()).status() == 200) {
                return true;
            }
            sleep(100);
        }
        throw new IllegalStateException("competency-service never learnt of organisation " + admin.org());
    }

    private Booked book(String org, String candidate, String exam, Instant at) {
        String registration = api.post("/exam-registrations", provider, Map.of("candidateId", candidate, "examCode", exam,
                "provider", "PEARSON_VUE", "deliveryMode", "TEST_CENTER", "scheduledAt", at.toString())).expect(201).get("id");
        return new Booked(org, org == null ? null : api.admin(org), candidate, registration, at.plusMillis(500));
    }

    /**
     * People who pass AZ-104 with exam- and certification-service's clocks 200 days back (their own ports; the other
     * services keep real time), so that their holding's renewal window (180 days before expiry) is open today.
     */
    private List<Renewal> renewals(List<Employee> people, int wanted) {
        List<Employee> holders = people.subList(0, Math.min(wanted, people.size()));
        if (Settings.CLOCKS.isEmpty() || holders.isEmpty()) {
            return List.of();
        }
        try {
            clocks("-P200D");
            Instant at = Instant.now().minus(BACK).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
            List<Booked> booked = parallel(holders.size(), i -> book(null, holders.get(i).candidate(), RENEWAL_EXAM, at));
            sleep(Duration.between(Instant.now().minus(BACK), at).toMillis() + 1000);
            parallel(booked.size(), i -> result(booked.get(i), 850).expect(201));
            return parallel(holders.size(), i -> new Renewal(holders.get(i).candidate(), awaitHolding(holders.get(i).candidate()),
                    holders.get(i).token()));
        } finally {
            clocks("PT0S");
        }
    }

    private String awaitHolding(String candidate) {
        for (int attempt = 0; attempt < 300; attempt++) {
            for (JsonNode holding : api.get("/certification-holdings?candidateId=" + candidate, ops).expect(200).body()) {
                if (RENEWAL_CERTIFICATION.equals(holding.path("certificationId").asText())
                        && "ACTIVE".equals(holding.path("status").asText())) {
                    return holding.path("id").asText();
                }
            }
            sleep(100);
        }
        throw new IllegalStateException(candidate + " never held " + RENEWAL_CERTIFICATION);
    }

    private void clocks(String offset) {
        for (String service : Settings.CLOCKS) {
            api.call("PUT", service + "/admin/clock", ops, Map.of("offset", offset)).expect(200);
        }
    }

    Api.Answer result(Booked booked, int score) {
        return api.post("/exam-results", provider, Map.of("providerResultId", "PD-" + java.util.UUID.randomUUID(),
                "registrationId", booked.registration(), "score", score, "takenAt", booked.takenAt().toString()));
    }

    private <T> List<T> parallel(int count, IntFunction<T> task) {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> task.apply(index)));
        }
        List<T> done = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                done.add(future.get());
            } catch (Exception e) {
                throw new IllegalStateException("Setup failed: " + e.getMessage(), e);
            }
        }
        return done;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
