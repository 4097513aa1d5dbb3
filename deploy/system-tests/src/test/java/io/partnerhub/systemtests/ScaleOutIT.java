package io.partnerhub.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.partnerhub.devstack.Processes;
import io.partnerhub.devstack.ServiceProcess;
import io.restassured.specification.RequestSpecification;

/**
 * Several instances of a service (issue #11): a second instance of exam-, certification- and competency-service on
 * other ports, same database and consumer groups. (1) Both instances sweep at once: each holding expires once and each
 * withheld beta score is released once. (2) Under a stream of exam results and membership changes, one instance of
 * certification- and of competency-service is SIGKILLed; the survivor takes over its partitions and the end state is
 * what the inputs imply, with no event produced twice. The extra instances are stopped at the end: the next test class
 * sees the normal suite.
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final String EXAM_EVENTS = "exam-events";
    private static final String CERTIFICATION_EVENTS = "certification-events";
    private static final String COMPETENCY_EVENTS = "competency-events";

    private static final Map<String, ServiceProcess> extras = new LinkedHashMap<>();

    private final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);

    // ---------------------------------------------------------------------------------------------------------------
    // (1) sweeps on two instances at once

    @Test
    @Order(1)
    void twoInstancesSweepingAtOnceExpireEachHoldingAndReleaseEachBetaScoreExactlyOnce() throws Exception {
        // the extra instances sweep every second in small batches, the first ones every 5 s in batches of 200: they
        // overlap, and SKIP LOCKED (expiry) and the candidate+exam lock with optimistic locking (beta release) decide
        startExtras(Map.of(
                "certification-service", Map.of("PARTNERHUB_CERTIFICATION_SWEEP_INTERVAL", "1s",
                        "PARTNERHUB_CERTIFICATION_SWEEP_BATCH_SIZE", "5"),
                "exam-service", Map.of("PARTNERHUB_EXAM_SWEEP_INTERVAL", "1s")));
        String exam = "SOS-" + run;
        String certification = "scale-sweep-" + run.toLowerCase(Locale.ROOT);
        defineCertification(certification, exam);

        // holdings: passes of the deciding exam straight onto exam-events, as exam-service would publish them
        List<String> holders = IntStream.range(0, 120).mapToObj(i -> "sweep-" + run + "-" + i).toList();
        try (KafkaProducer<String, String> producer = EventLog.producer()) {
            for (String candidate : holders) {
                producer.send(EventLog.record(EXAM_EVENTS, candidate, examResult(true, candidate, exam)));
            }
        }
        await("every pass earned").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                EventLog.idsBySubject(EventLog.readAll(CERTIFICATION_EVENTS), earned(certification)).size() == holders.size());

        // withheld beta scores: a beta exam live today, results posted three hours later
        String beta = "SOB-" + run;
        RunningSuite.api("ops", Map.of())
                .body(Map.of("code", beta, "title", "Beta " + beta, "beta", true,
                        "liveOn", LocalDate.now(ZoneOffset.UTC).toString(), "deliveryModes", List.of("TEST_CENTER"),
                        "providers", List.of("PEARSON_VUE"),
                        "skillsMeasured", List.of(Map.of("area", "Everything", "weightMin", 100, "weightMax", 100))))
                .post("/exams").then().statusCode(201);
        Instant scheduledAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> registrations = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String candidate = "beta-" + run + "-" + i;
            registrations.put(candidate, RunningSuite.bookAtTestCenter(candidate, beta, scheduledAt));
        }
        Set<String> attempts = new java.util.HashSet<>();
        try {
            moveAllClocks("PT3H");
            int i = 0;
            for (Map.Entry<String, String> registration : registrations.entrySet()) {
                attempts.add(RunningSuite.asPearsonVue()
                        .body(Map.of("providerResultId", "SO-" + UUID.randomUUID(), "registrationId", registration.getValue(),
                                "score", i++ % 2 == 0 ? 820 : 610, "takenAt", scheduledAt.plus(Duration.ofMinutes(30)).toString()))
                        .post("/exam-results").then().statusCode(201).body("status", equalTo("WITHHELD"))
                        .extract().<String>path("attemptId"));
            }

            moveAllClocks("P400D"); // past the beta release and past every holding's 12-month expiry, on all four

            await("every holding expired").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    EventLog.readAll(CERTIFICATION_EVENTS).stream().filter(expired(certification))
                            .map(e -> e.text("holdingId")).distinct().count() == holders.size());
            await("every beta score released").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    EventLog.readAll(EXAM_EVENTS).stream().filter(e -> beta.equals(e.text("examCode")))
                            .map(e -> e.text("attemptId")).distinct().count() == attempts.size());
            // a few more sweeps of both instances: nothing more may appear (the assertions below say what did)
            long expiredSoFar = distinctIds(CERTIFICATION_EVENTS, expired(certification));
            long releasedSoFar = distinctIds(EXAM_EVENTS, e -> beta.equals(e.text("examCode")));
            stayTheSame("no further expiry or release", () -> distinctIds(CERTIFICATION_EVENTS, expired(certification))
                    == expiredSoFar && distinctIds(EXAM_EVENTS, e -> beta.equals(e.text("examCode"))) == releasedSoFar);

            List<EventLog.Event> certificationEvents = EventLog.readAll(CERTIFICATION_EVENTS);
            Map<String, List<String>> expiredIdsByHolding = new HashMap<>();
            certificationEvents.stream().filter(expired(certification)).forEach(e ->
                    expiredIdsByHolding.computeIfAbsent(e.text("holdingId"), h -> new ArrayList<>()).add(e.id()));
            assertThat(expiredIdsByHolding).hasSize(holders.size());
            expiredIdsByHolding.forEach((holding, ids) ->
                    assertThat(Set.copyOf(ids)).as("certification.expired of holding " + holding).hasSize(1));

            Map<String, List<String>> releaseIdsByAttempt = new HashMap<>();
            EventLog.readAll(EXAM_EVENTS).stream().filter(e -> beta.equals(e.text("examCode"))).forEach(e ->
                    releaseIdsByAttempt.computeIfAbsent(e.text("attemptId"), a -> new ArrayList<>()).add(e.id()));
            assertThat(releaseIdsByAttempt.keySet()).isEqualTo(attempts);
            releaseIdsByAttempt.forEach((attempt, ids) ->
                    assertThat(Set.copyOf(ids)).as("exam.passed/failed of released attempt " + attempt).hasSize(1));
            long passedReleases = EventLog.readAll(EXAM_EVENTS).stream().filter(e -> beta.equals(e.text("examCode")))
                    .filter(e -> "io.partnerhub.exam.passed.v1".equals(e.type())).map(EventLog.Event::id).distinct().count();
            assertThat(passedReleases).as("scores 820 pass, 610 fail").isEqualTo(6);

            for (String candidate : holders.subList(0, 10)) {
                RunningSuite.asOps("certification-service").queryParam("candidateId", candidate)
                        .get("/certification-holdings").then().statusCode(200).body("status", equalTo(List.of("EXPIRED")));
            }
            // what each instance did (informative: which one wins a race is up to the schedulers)
            Path firstCertification = RunningSuite.stack().home().resolve("logs/certification-service.log");
            Path firstExam = RunningSuite.stack().home().resolve("logs/exam-service.log");
            Path secondExam = extras.get("exam-service").logFile();
            System.out.printf("[scale-out] expiry sweep: first instance expired %d, second %d holding(s) (all runs);"
                    + " beta release: release lines logged inside the transaction first %d, second %d, release"
                    + " transactions rolled back (lost the race) first %d, second %d; repeated ids on the topics: %d%n",
                    sweptInLog(firstCertification), sweptInLog(extras.get("certification-service").logFile()),
                    countInLog(firstExam, " released: passed="), countInLog(secondExam, " released: passed="),
                    countInLog(firstExam, "beta score release failed"), countInLog(secondExam, "beta score release failed"),
                    EventLog.repeatedIds(certificationEvents, expired(certification)));
        } finally {
            moveAllClocks("PT0S");
        }
        stopExtra("exam-service");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (2) SIGKILL of one of two instances under a stream of events

    @Test
    @Order(2)
    void killingOneOfTwoInstancesUnderAStreamOfEventsLosesNothingAndAppliesNothingTwice() throws Exception {
        startExtras(Map.of("certification-service", Map.of(), "competency-service", Map.of()));
        String exam = "SOK-" + run;
        String certification = "scale-kill-" + run.toLowerCase(Locale.ROOT);
        String competency = "scale-kill-" + run.toLowerCase(Locale.ROOT);
        defineCertification(certification, exam);
        defineCompetency(competency, certification);
        int openDeadLettersBefore = openDeadLetters("certification-service") + openDeadLetters("competency-service");

        // 12 organisations of 3 employees; organisation i has i % 4 employees who pass: 2 or 3 → SILVER
        List<String> organizations = new ArrayList<>();
        List<String> passing = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        Map<String, Integer> passesByOrganization = new LinkedHashMap<>();
        for (int o = 0; o < 12; o++) {
            String organization = RunningSuite.asOps("membership-service")
                    .body(Map.of("mpnId", Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000_000L),
                            "name", "Scale-out " + run + " " + o, "country", "DE"))
                    .post("/organizations").then().statusCode(201).extract().path("id");
            organizations.add(organization);
            passesByOrganization.put(organization, o % 4);
            for (int e = 0; e < 3; e++) {
                String candidate = "kill-" + run + "-" + o + "-" + e;
                String user = RunningSuite.asOps("membership-service")
                        .body(Map.of("name", "Employee " + e, "email", "e" + e + "-" + run.toLowerCase(Locale.ROOT) + "-" + o
                                + "@example.com", "role", "EMPLOYEE"))
                        .post("/organizations/{id}/users", organization).then().statusCode(201).extract().path("id");
                // the person associates their own certification profile (ops would need a support reason, issue #19)
                RunningSuite.as("membership-service", "employee", Map.of("org", organization, "candidate", candidate))
                        .body(Map.of("candidateId", candidate))
                        .post("/organizations/{id}/users/{user}/association", organization, user)
                        .then().statusCode(anyOf(is(200), is(201)));
                (e < o % 4 ? passing : failing).add(candidate);
            }
        }
        // and candidates of no organisation: load for certification-service, nothing for competency
        IntStream.range(0, 150).mapToObj(i -> "kill-" + run + "-solo-" + i).forEach(passing::add);

        for (String group : List.of("certification-service.ExamEventsHandler", "competency-service.CertificationEventsHandler",
                "competency-service.MembershipEventsHandler")) {
            await("two members with partitions in " + group).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> EventLog.membersWithPartitions(group) == 2);
        }

        // the stream: everybody fails once, then the passing ones pass; ~6 s; the extra instances die after ~2 s
        List<String[]> stream = new ArrayList<>();
        for (String candidate : passing) {
            stream.add(new String[] {candidate, examResult(false, candidate, exam)});
        }
        for (String candidate : failing) {
            stream.add(new String[] {candidate, examResult(false, candidate, exam)});
        }
        for (String candidate : passing) {
            stream.add(new String[] {candidate, examResult(true, candidate, exam)});
        }
        long pauseNanos = Duration.ofSeconds(6).toNanos() / stream.size();
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
            try (KafkaProducer<String, String> producer = EventLog.producer()) {
                long next = System.nanoTime();
                for (String[] event : stream) {
                    producer.send(EventLog.record(EXAM_EVENTS, event[0], event[1]));
                    sent.incrementAndGet();
                    next += pauseNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                }
            }
        });
        await("a third of the stream published").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> sent.get() >= stream.size() / 3);
        RunningSuite.stack().kill(extras.remove("certification-service"));
        RunningSuite.stack().kill(extras.remove("competency-service"));
        long killedAt = System.nanoTime();
        publishing.get();

        List<String> silver = organizations.stream().filter(o -> passesByOrganization.get(o) >= 2).toList();
        await("every pass earned once").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                EventLog.idsBySubject(EventLog.readAll(CERTIFICATION_EVENTS), earned(certification)).size() == passing.size());
        await("every organisation with two passes at SILVER").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> EventLog.idsBySubject(EventLog.readAll(COMPETENCY_EVENTS), attained(competency)).size() == silver.size());
        double takeOverSeconds = (System.nanoTime() - killedAt) / 1e9;
        // anything applied twice would show up in this while (the assertions below say what did)
        long earnedSoFar = distinctIds(CERTIFICATION_EVENTS, earned(certification));
        long attainedSoFar = distinctIds(COMPETENCY_EVENTS, attained(competency));
        stayTheSame("nothing applied twice", () -> distinctIds(CERTIFICATION_EVENTS, earned(certification)) == earnedSoFar
                && distinctIds(COMPETENCY_EVENTS, attained(competency)) == attainedSoFar);

        // certification: one holding and one certification.earned per passing candidate, none for the others
        List<EventLog.Event> certificationEvents = EventLog.readAll(CERTIFICATION_EVENTS);
        Map<String, Set<String>> earnedIds = EventLog.idsBySubject(certificationEvents, earned(certification));
        assertThat(earnedIds.keySet()).containsExactlyInAnyOrderElementsOf(passing);
        earnedIds.forEach((candidate, ids) -> assertThat(ids).as("certification.earned of " + candidate).hasSize(1));
        for (String candidate : passing.subList(0, 40)) {
            RunningSuite.asOps("certification-service").queryParam("candidateId", candidate).get("/certification-holdings")
                    .then().statusCode(200).body("certificationId", equalTo(List.of(certification)))
                    .body("status", equalTo(List.of("ACTIVE")));
        }
        for (String candidate : failing) {
            RunningSuite.asOps("certification-service").queryParam("candidateId", candidate).get("/certification-holdings")
                    .then().statusCode(200).body("size()", is(0));
        }

        // competency: SILVER exactly where two or more employees passed, one competency.attained each, nothing else
        List<EventLog.Event> competencyEvents = EventLog.readAll(COMPETENCY_EVENTS);
        Map<String, Set<String>> attainedIds = EventLog.idsBySubject(competencyEvents, attained(competency));
        assertThat(attainedIds.keySet()).containsExactlyInAnyOrderElementsOf(silver);
        attainedIds.forEach((organization, ids) -> assertThat(ids).as("competency.attained of " + organization).hasSize(1));
        assertThat(competencyEvents.stream().filter(e -> competency.equals(e.text("competencyId")))
                .filter(e -> !"io.partnerhub.competency.requirements-published.v1".equals(e.type())) // its definition (#23)
                .filter(e -> !attained(competency).test(e)).map(EventLog.Event::type).toList())
                .as("no other competency change").isEmpty();
        for (String organization : organizations) {
            List<String> levels = RunningSuite.asOps("competency-service").get("/competency-status/{org}", organization)
                    .then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.competencyId == '" + competency + "' }.level", String.class);
            String expected = passesByOrganization.get(organization) >= 2 ? "SILVER" : "NONE";
            assertThat(levels.isEmpty() ? "NONE" : levels.get(0)).as("level of " + organization).isEqualTo(expected);
        }
        assertThat(openDeadLetters("certification-service") + openDeadLetters("competency-service"))
                .as("nothing dead-lettered").isEqualTo(openDeadLettersBefore);
        System.out.printf("[scale-out] SIGKILL under %d exam events: all applied %.1f s after the kill; repeated ids on the"
                + " topics (outbox re-sends): certification %d, competency %d%n", stream.size(), takeOverSeconds,
                EventLog.repeatedIds(certificationEvents, earned(certification)),
                EventLog.repeatedIds(competencyEvents, attained(competency)));
    }

    /** How many distinct event ids on {@code topic} match. */
    private static long distinctIds(String topic, java.util.function.Predicate<EventLog.Event> matching) {
        return EventLog.readAll(topic).stream().filter(matching).map(EventLog.Event::id).distinct().count();
    }

    /** Watches {@code unchanged} for 3 s of sweeps and consumer polls; a change is left to the caller's assertions. */
    private static void stayTheSame(String what, java.util.concurrent.Callable<Boolean> unchanged) {
        try {
            await(what).during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                    .until(unchanged);
        } catch (org.awaitility.core.ConditionTimeoutException changed) {
            // the assertions that follow name what changed
        }
    }

    @AfterAll
    static void stopExtras() {
        List.copyOf(extras.keySet()).forEach(ScaleOutIT::stopExtra);
        RunningSuite.moveClocks("PT0S");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void startExtras(Map<String, Map<String, String>> services) {
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        services.forEach((name, environment) -> {
            ServiceProcess running = extras.get(name);
            if (running != null && running.isAlive()) {
                return;
            }
            starting.add(CompletableFuture.runAsync(() -> {
                ServiceProcess instance = RunningSuite.stack().startInstance(name, Processes.freePort(), environment);
                synchronized (extras) {
                    extras.put(name, instance);
                }
            }));
        });
        starting.forEach(CompletableFuture::join);
    }

    private static void stopExtra(String name) {
        ServiceProcess instance = extras.remove(name);
        if (instance != null && instance.isAlive()) {
            RunningSuite.stack().stopInstance(instance, Duration.ofSeconds(15));
        }
    }

    private static RequestSpecification extra(String name) {
        return given().baseUri(extras.get(name).spec().baseUrl())
                .auth().oauth2(RunningSuite.stack().token("ops", Map.of()))
                .contentType("application/json").accept("application/json");
    }

    /** The adjustable clock of exam- and certification-service, first and extra instances alike. */
    private static void moveAllClocks(String offset) {
        RunningSuite.moveClocks(offset);
        for (String name : List.of("exam-service", "certification-service")) {
            if (extras.containsKey(name) && extras.get(name).isAlive()) {
                extra(name).body(Map.of("offset", offset)).put("/admin/clock").then().statusCode(200);
            }
        }
    }

    private static void defineCertification(String certification, String exam) {
        RunningSuite.asOps("certification-service")
                .body(Map.of("id", certification, "name", "Certification " + certification, "level", "ASSOCIATE",
                        "requiredExams", List.of(List.of(exam)), "prerequisites", List.of()))
                .post("/certifications").then().statusCode(201);
    }

    /** SILVER: two employees holding the certification; GOLD out of reach, so SILVER is the only change there is. */
    private static void defineCompetency(String competency, String certification) {
        RunningSuite.asOps("competency-service").body(Map.of("id", competency, "name", "Competency " + competency))
                .post("/competencies").then().statusCode(201);
        Map<String, Object> silver = Map.of("paths", List.of(Map.of("requirements",
                List.of(Map.of("kind", "SKILL", "individuals", 2, "anyOf", List.of(certification))))));
        Map<String, Object> gold = Map.of("paths", List.of(Map.of("requirements",
                List.of(Map.of("kind", "SKILL", "individuals", 50, "anyOf", List.of(certification))))));
        RunningSuite.defineRequirementVersion(() -> RunningSuite.asOps("competency-service"), competency,
                Map.of("version", "v1", "effectiveFrom", LocalDate.now(ZoneOffset.UTC).toString(), "silver", silver, "gold", gold));
    }

    private static String examResult(boolean passed, String candidate, String exam) {
        return EventLog.cloudEvent(passed ? "io.partnerhub.exam.passed.v1" : "io.partnerhub.exam.failed.v1", candidate,
                Map.of("candidateId", candidate, "examCode", exam, "attemptId", UUID.randomUUID().toString(),
                        "score", passed ? 800 : 500, "takenAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()));
    }

    private static java.util.function.Predicate<EventLog.Event> earned(String certification) {
        return e -> "io.partnerhub.certification.earned.v1".equals(e.type()) && certification.equals(e.text("certificationId"));
    }

    private static java.util.function.Predicate<EventLog.Event> expired(String certification) {
        return e -> "io.partnerhub.certification.expired.v1".equals(e.type()) && certification.equals(e.text("certificationId"));
    }

    private static java.util.function.Predicate<EventLog.Event> attained(String competency) {
        return e -> "io.partnerhub.competency.attained.v1".equals(e.type()) && competency.equals(e.text("competencyId"));
    }

    private static int openDeadLetters(String service) {
        String total = RunningSuite.asOps(service).get("/admin/dead-letters").then().statusCode(200)
                .extract().header("X-Total-Count");
        return total == null ? 0 : Integer.parseInt(total);
    }

    private static final Pattern SWEPT = Pattern.compile("Expiry sweep: (\\d+) holdings expired");

    private static long sweptInLog(Path log) {
        return lines(log).stream().map(SWEPT::matcher).filter(Matcher::find).mapToLong(m -> Long.parseLong(m.group(1))).sum();
    }

    private static long countInLog(Path log, String text) {
        return lines(log).stream().filter(line -> line.contains(text)).count();
    }

    private static List<String> lines(Path log) {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            return List.of();
        }
    }
}
