package io.partnerhub.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The programme as the journeys drive it: everything through the gateway with real tokens of the persona who would
 * act (ops defines the catalogue, a partner-admin manages the organisation, an employee associates their own
 * certification profile, the provider books and posts results). Every helper creates fresh ids, so journeys never
 * share an organisation, a candidate, an exam, a certification or a competency.
 * <p>
 * The clock is shared by the whole suite: {@link #clockAt(Duration)} moves every service's clock through the gateway
 * and remembers the offset, so helpers that need "now" read the services' time; journeys that move it reset it
 * ({@link #resetClock()}) in {@code @AfterEach}.
 */
final class Programme {

    static final Duration AWAIT = Duration.ofSeconds(30);
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000);
    private static volatile Duration offset = Duration.ZERO;

    private Programme() {
    }

    // ---- personas ----------------------------------------------------------------------------------------------

    static RequestSpecification ops() {
        return RunningSuite.api("ops", Map.of());
    }

    static RequestSpecification admin(String organization) {
        return RunningSuite.api("partner-admin", Map.of("org", organization));
    }

    static RequestSpecification employee(String organization, String candidate) {
        return RunningSuite.api("employee", Map.of("org", organization, "candidate", candidate));
    }

    static RequestSpecification provider() {
        return RunningSuite.asPearsonVue();
    }

    /** No token at all: what the public sees. */
    static RequestSpecification anyone() {
        return given().baseUri(RunningSuite.service("gateway").baseUrl()).basePath("/api").accept("application/json");
    }

    // ---- ids and time ------------------------------------------------------------------------------------------

    /** A short id unique in this run and across runs on the same data: lower case letters and digits. */
    static String unique(String prefix) {
        return prefix + "-" + Long.toString(SEQUENCE.incrementAndGet(), 36)
                + Long.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
    }

    static String candidate(String name) {
        return unique(name).toLowerCase(Locale.ROOT);
    }

    /** The services' time (real time + the offset this suite set). */
    static Instant now() {
        return Instant.now().plus(offset);
    }

    static LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    /** Moves every service's clock (through the gateway's fan-out) to real time + {@code to}. */
    static void clockAt(Duration to) {
        ops().body(Map.of("offset", to.toString())).put("/admin/clock").then().statusCode(200);
        offset = to;
    }

    /** Moves every service's clock so that it reads {@code instant} now (plus the time the call takes). */
    static void clockTo(Instant instant) {
        clockAt(Duration.between(Instant.now(), instant));
    }

    static void resetClock() {
        clockAt(Duration.ZERO);
    }

    // ---- catalogue (ops) ---------------------------------------------------------------------------------------

    /** An exam taken at a Pearson VUE test centre. */
    static String exam(String prefix) {
        String code = unique(prefix).toUpperCase(Locale.ROOT);
        ops().body(examBody(code, false, null)).post("/exams").then().statusCode(201);
        return code;
    }

    static String betaExam(String prefix, LocalDate liveOn) {
        String code = unique(prefix).toUpperCase(Locale.ROOT);
        ops().body(examBody(code, true, liveOn)).post("/exams").then().statusCode(201);
        return code;
    }

    private static Map<String, Object> examBody(String code, boolean beta, LocalDate liveOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("title", "Exam " + code);
        body.put("passingScore", 700);
        body.put("beta", beta);
        if (liveOn != null) {
            body.put("liveOn", liveOn.toString());
        }
        body.put("deliveryModes", List.of("TEST_CENTER"));
        body.put("providers", List.of("PEARSON_VUE"));
        body.put("skillsMeasured", List.of(Map.of("area", "Everything", "weightMin", 100, "weightMax", 100)));
        return body;
    }

    /** A certification earned by passing every one of {@code exams} (one group each). */
    static String certification(String prefix, String level, String... exams) {
        String id = unique(prefix).toLowerCase(Locale.ROOT);
        ops().body(Map.of("id", id, "name", "Certification " + id, "level", level,
                        "requiredExams", List.of(exams).stream().map(List::of).toList(), "prerequisites", List.of()))
                .post("/certifications").then().statusCode(201);
        return id;
    }

    static String assessment(String prefix) {
        String id = unique(prefix).toLowerCase(Locale.ROOT);
        ops().body(Map.of("id", id, "name", "Assessment " + id)).post("/assessments").then().statusCode(201);
        return id;
    }

    /** One path of one skill requirement: {@code individuals} people each holding one of {@code anyOf}. */
    static Map<String, Object> skill(int individuals, String... anyOf) {
        return Map.of("paths", List.of(Map.of("requirements", List.of(skillRequirement(individuals, anyOf)))));
    }

    static Map<String, Object> skillRequirement(int individuals, String... anyOf) {
        return Map.of("kind", "SKILL", "individuals", individuals, "anyOf", List.of(anyOf));
    }

    /** One path that needs every one of {@code requirements}. */
    static Map<String, Object> allOf(Map<?, ?>... requirements) {
        return Map.of("paths", List.of(Map.of("requirements", List.of(requirements))));
    }

    /** A competency whose first requirement version takes effect today (the services' today). */
    static String competency(String prefix, Map<String, Object> silver, Map<String, Object> gold) {
        String id = unique(prefix).toLowerCase(Locale.ROOT);
        ops().body(Map.of("id", id, "name", "Competency " + id)).post("/competencies").then().statusCode(201);
        requirementVersion(id, "v1", today(), silver, gold);
        return id;
    }

    static void requirementVersion(String competency, String version, LocalDate effectiveFrom, Map<String, Object> silver,
            Map<String, Object> gold) {
        // waits while competency-service has not yet heard of a certification created a moment ago (K1c)
        RunningSuite.defineRequirementVersion(Programme::ops, competency,
                Map.of("version", version, "effectiveFrom", effectiveFrom.toString(), "silver", silver, "gold", gold));
    }

    // ---- organisations (ops, then the partner-admin and the employees) -----------------------------------------

    static String organization(String name) {
        String mpnId = Long.toString(4_000_000_000L + SEQUENCE.incrementAndGet() * 1000
                + ThreadLocalRandom.current().nextInt(1000));
        String id = ops().body(Map.of("mpnId", mpnId, "name", name + " " + mpnId, "country", "DE"))
                .post("/organizations").then().statusCode(201).extract().path("id");
        // competency-service learns of it from organization.registered: its status rows exist from then on
        return id;
    }

    /**
     * The partner-admin adds a user account for the person and the employee associates their own certification
     * profile (candidate id) with it. Returns the user account id.
     */
    static String hire(String organization, String candidate) {
        String userId = admin(organization)
                .body(Map.of("name", "Person " + candidate, "email", candidate + "@example.org", "role", "EMPLOYEE"))
                .post("/organizations/{id}/users", organization).then().statusCode(201).extract().path("id");
        employee(organization, candidate).body(Map.of("candidateId", candidate))
                .post("/organizations/{id}/users/{user}/association", organization, userId)
                .then().statusCode(anyOf(is(200), is(201)));
        return userId;
    }

    /** An invitation as its partner-admin sees it once, right after creating it: the code is in no later answer. */
    record Invitation(String organization, String id, String userId, String code) {
    }

    /** The organisation's partner-admin invites a person by e-mail (201); the code is shown only in this answer. */
    static Invitation invite(String organization, String name, String email) {
        JsonPath created = admin(organization).body(Map.of("name", name, "email", email))
                .post("/organizations/{id}/invitations", organization).then().statusCode(201).extract().jsonPath();
        return new Invitation(organization, created.getString("id"), created.getString("userId"), created.getString("code"));
    }

    /**
     * The person accepts with their own employee token (org claim = the inviting organisation, candidate claim = their
     * certification profile): the only way a partner-admin's organisation gets somebody's candidate id.
     */
    static io.restassured.response.Response accept(Invitation invitation, String candidate) {
        return employee(invitation.organization(), candidate).body(Map.of("code", invitation.code()))
                .post("/organizations/{id}/invitations/acceptance", invitation.organization());
    }

    /** People of the organisation: a fresh candidate id per name, each hired ({@link #hire}); the ids in order. */
    static String[] staff(String organization, String... names) {
        String[] candidates = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            candidates[i] = candidate(names[i]);
            hire(organization, candidates[i]);
        }
        return candidates;
    }

    /** An exam, the ASSOCIATE certification it earns, and a competency needing people who hold it. */
    record Track(String exam, String certification, String competency) {
    }

    static Track track(String prefix, int silverIndividuals, int goldIndividuals) {
        String exam = exam(prefix.toUpperCase(Locale.ROOT));
        String certification = certification(prefix, "ASSOCIATE", exam);
        String competency = competency(prefix, skill(silverIndividuals, certification), skill(goldIndividuals, certification));
        return new Track(exam, certification, competency);
    }

    // ---- exams (the provider) ----------------------------------------------------------------------------------

    /** A booking and the result that will be posted for it. */
    record Sitting(String candidate, String exam, int score, String registration, Instant takenAt, String providerResultId) {
        Map<String, Object> result() {
            return Map.of("providerResultId", providerResultId, "registrationId", registration, "score", score,
                    "takenAt", takenAt.toString());
        }
    }

    /**
     * The provider books every sitting a moment from now (the services' now), waits for the appointment and posts
     * the results (201 each). Appointments must lie ahead and results behind, so one short wait serves the batch.
     */
    static List<Sitting> sit(List<String[]> candidateExamScore) {
        List<Sitting> booked = book(candidateExamScore);
        awaitAppointments(booked);
        for (Sitting sitting : booked) {
            post(sitting).then().statusCode(201);
        }
        return booked;
    }

    static Sitting pass(String candidate, String exam) {
        return sit(List.<String[]>of(new String[] {candidate, exam, "850"})).get(0);
    }

    static Sitting fail(String candidate, String exam) {
        return sit(List.<String[]>of(new String[] {candidate, exam, "420"})).get(0);
    }

    static List<Sitting> book(List<String[]> candidateExamScore) {
        Instant at = now().plusMillis(800 + 40L * candidateExamScore.size()).truncatedTo(ChronoUnit.MILLIS);
        List<Sitting> booked = new ArrayList<>();
        for (String[] row : candidateExamScore) {
            booked.add(bookAt(row[0], row[1], Integer.parseInt(row[2]), at));
        }
        return booked;
    }

    static Sitting bookAt(String candidate, String exam, int score, Instant at) {
        String registration = RunningSuite.bookAtTestCenter(candidate, exam, at);
        return new Sitting(candidate, exam, score, registration, at, "PV-" + UUID.randomUUID());
    }

    /** Waits until the services' clock has passed every appointment (at most a second or two). */
    static void awaitAppointments(List<Sitting> sittings) {
        Instant last = sittings.stream().map(Sitting::takenAt).max(Instant::compareTo).orElse(now()).plusMillis(20);
        await("the services' clock passes " + last).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20)).until(() -> now().isAfter(last));
    }

    static io.restassured.response.Response post(Sitting sitting) {
        return provider().body(sitting.result()).post("/exam-results");
    }

    // ---- what the organisation sees ----------------------------------------------------------------------------

    /** The organisation's status of one competency as its partner-admin reads it through the gateway. */
    static JsonPath status(String organization, String competency) {
        return admin(organization).get("/competency-status/{org}/{competency}", organization, competency)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitStatus(String organization, String competency, Predicate<JsonPath> condition, String what) {
        return awaitStatus(organization, competency, condition, what, AWAIT);
    }

    static JsonPath awaitStatus(String organization, String competency, Predicate<JsonPath> condition, String what,
            Duration within) {
        JsonPath[] last = new JsonPath[1];
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
                io.restassured.response.Response response = admin(organization)
                        .get("/competency-status/{org}/{competency}", organization, competency);
                if (response.statusCode() != 200) {
                    return false; // not known yet (organization.registered not applied yet)
                }
                last[0] = response.jsonPath();
                return condition.test(last[0]);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("competency " + competency + " of " + organization + " never showed " + what
                    + " within " + within + "; last status: " + (last[0] == null ? "none" : last[0].prettify()), e);
        }
        return last[0];
    }

    static Predicate<JsonPath> level(String level) {
        return s -> level.equals(s.getString("level"));
    }

    static Predicate<JsonPath> levelAtRisk(String level, boolean atRisk) {
        return s -> level.equals(s.getString("level")) && s.getBoolean("atRisk") == atRisk;
    }

    static List<Map<String, Object>> history(String organization, String competency) {
        return admin(organization).get("/competency-status/{org}/{competency}/history", organization, competency)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    static List<String> changes(String organization, String competency) {
        return history(organization, competency).stream().map(c -> c.get("change") + " " + c.get("level")).toList();
    }

    static JsonPath membership(String organization) {
        return admin(organization).get("/organizations/{id}/membership", organization)
                .then().statusCode(200).extract().jsonPath();
    }

    static List<Map<String, Object>> holdings(String candidate) {
        return ops().queryParam("candidateId", candidate).get("/certification-holdings")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    static Map<String, Object> awaitHolding(String candidate, String certification, String status) {
        List<Map<String, Object>> found = new ArrayList<>();
        await().atMost(AWAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            found.clear();
            holdings(candidate).stream().filter(h -> certification.equals(h.get("certificationId"))
                    && status.equals(h.get("status"))).forEach(found::add);
            if (found.isEmpty()) {
                throw new AssertionError(candidate + " holds no " + status + " " + certification + ": " + holdings(candidate));
            }
        });
        return found.get(0);
    }
}
