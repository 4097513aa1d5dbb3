package io.partnerhub.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnerhub.devstack.DevStack;
import io.partnerhub.devstack.Tokens;
import io.partnerhub.devstack.test.TestKit;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Who may do what, through the gateway, against the real services (OWASP API Security Top 10, 2023):
 * <ul>
 * <li>API1 object level: each persona on its own tenant's objects and on another tenant's (404, never the data);</li>
 * <li>API2 authentication: missing, expired, too old, tampered, unsigned, foreign-key, wrong-issuer, wrong-audience
 * tokens (401 problem at the edge);</li>
 * <li>API3 mass assignment: fields a caller may not set (ids, tenant, status) are ignored or refused;</li>
 * <li>API4 resources: 429 with RateLimit headers (a second gateway with small budgets, in front of the same
 * services), 413, page caps;</li>
 * <li>API5 function level: every role against every write endpoint (403 for a role the endpoint does not allow, 401
 * without a token).</li>
 * </ul>
 * Also routing to each service, and 503 while a service cannot be reached, recovery when it can again.
 */
@ExtendWith(RunningSuite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewaySecurityMatrixIT {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;
    private static final String UNKNOWN = "00000000-0000-4000-8000-00000000dead";

    private String orgA;
    private String orgB;
    private String userA;
    private final String candidateA = "cand-a-" + UUID.randomUUID();
    private final String candidateB = "cand-b-" + UUID.randomUUID();
    private String registrationA;
    private String exam;
    private Map<String, String> tokens;

    // --- the suite's data: two organisations, each with an admin and an employee-candidate, one booking of A's ---

    @BeforeAll
    void twoTenants() {
        orgA = registerOrganization("Tenant A");
        orgB = registerOrganization("Tenant B");
        tokens = new LinkedHashMap<>();
        tokens.put("ops", token("ops", Map.of()));
        tokens.put("partner-admin A", token("partner-admin", Map.of("org", orgA)));
        tokens.put("partner-admin B", token("partner-admin", Map.of("org", orgB)));
        tokens.put("employee A", token("employee", Map.of("org", orgA, "candidate", candidateA)));
        tokens.put("employee B", token("employee", Map.of("org", orgB, "candidate", candidateB)));
        tokens.put("exam-provider PEARSON_VUE", token("exam-provider", Map.of("provider", "PEARSON_VUE")));
        tokens.put("exam-provider PSI", token("exam-provider", Map.of("provider", "PSI")));
        tokens.put("reporter", token("reporter", Map.of("source", "matrix-crm")));
        tokens.put("reporter without source", token("reporter", Map.of()));
        userA = as("ops").body(Map.of("name", "Ada A", "email", "ada-" + UUID.randomUUID() + "@a.example", "role", "EMPLOYEE"))
                .post("/organizations/" + orgA + "/users").then().statusCode(201).extract().path("id");
        exam = "GW-" + Integer.toString(ThreadLocalRandom.current().nextInt(46656, 1679615), 36).toUpperCase();
        RunningSuite.certificationOfOneExam(exam, "cert-" + exam.toLowerCase(java.util.Locale.ROOT), "ASSOCIATE");
        registrationA = as("exam-provider PEARSON_VUE").body(booking(candidateA))
                .post("/exam-registrations").then().statusCode(201).extract().path("id");
    }

    // --- routing ---

    @ParameterizedTest(name = "{0} reaches {1}")
    @MethodSource("routes")
    void routesEachSegmentToItsService(String path, String service) {
        as("ops").get(path).then().statusCode(200);
    }

    static Stream<Arguments> routes() {
        return Stream.of(Arguments.of("/exams", "exam-service"), Arguments.of("/certifications", "certification-service"),
                Arguments.of("/competencies", "competency-service"), Arguments.of("/organizations", "membership-service"),
                Arguments.of("/.well-known/jwks.json", "certification-service"),
                Arguments.of("/organization-credentials/.well-known/jwks.json", "competency-service"));
    }

    @Test
    void neverForwardsAServicesOperationsEndpointsAndPointsLocationsAtTheGateway() {
        as("ops").get("/exams/q/metrics").then().statusCode(404).contentType(PROBLEM);
        as("ops").get("/organizations/admin/clock").then().statusCode(404).contentType(PROBLEM);
        String location = as("ops").body(Map.of("mpnId", mpnId(), "name", "Located", "country", "DE"))
                .post("/organizations").then().statusCode(201).extract().header("Location");
        assertTrue(location.contains("/api/organizations/") && !location.contains(":8084"), location);
    }

    // --- API1: object level. Foreign tenant = 404 (existence does not leak) ---

    @ParameterizedTest(name = "API1 {0} GET {1} -> {2}")
    @MethodSource("objectReads")
    void readsOnlyItsOwnTenantsObjects(String persona, String pathTemplate, int expected) {
        Response response = as(persona).get(fill(pathTemplate));
        assertEquals(expected, response.statusCode(), persona + " GET " + fill(pathTemplate) + ": " + response.asString());
        if (expected == 404) {
            assertNoLeak(response);
        }
    }

    static Stream<Arguments> objectReads() {
        return Stream.of(
                Arguments.of("partner-admin A", "/organizations/{A}", 200),
                Arguments.of("partner-admin B", "/organizations/{A}", 404),
                Arguments.of("employee A", "/organizations/{A}", 200),
                Arguments.of("employee B", "/organizations/{A}", 404),
                Arguments.of("partner-admin A", "/organizations/{A}/users", 200),
                Arguments.of("partner-admin B", "/organizations/{A}/users", 404),
                Arguments.of("partner-admin A", "/organizations/{A}/users/{userA}", 200),
                Arguments.of("partner-admin B", "/organizations/{A}/users/{userA}", 404),
                Arguments.of("partner-admin B", "/organizations/{B}/users/{userA}", 404),
                Arguments.of("partner-admin A", "/competency-status/{A}", 200),
                Arguments.of("partner-admin B", "/competency-status/{A}", 404),
                Arguments.of("employee B", "/competency-status/{A}", 404),
                Arguments.of("employee A", "/exam-registrations/{regA}", 200),
                Arguments.of("employee B", "/exam-registrations/{regA}", 404),
                Arguments.of("exam-provider PEARSON_VUE", "/exam-registrations/{regA}", 200),
                Arguments.of("exam-provider PSI", "/exam-registrations/{regA}", 404),
                Arguments.of("employee A", "/exam-candidates/{cA}/attempts", 200),
                Arguments.of("employee B", "/exam-candidates/{cA}/attempts", 404),
                Arguments.of("exam-provider PSI", "/exam-candidates/{cA}/attempts", 404),
                Arguments.of("employee A", "/exam-candidates/{cA}/vouchers", 200),
                Arguments.of("employee B", "/exam-candidates/{cA}/vouchers", 404),
                Arguments.of("employee A", "/transcripts/{cA}/share-codes", 200),
                Arguments.of("employee B", "/transcripts/{cA}/share-codes", 404),
                Arguments.of("employee B", "/transcripts/{cA}", 404),
                Arguments.of("employee A", "/certification-holdings?candidateId={cA}", 200),
                Arguments.of("employee B", "/certification-holdings?candidateId={cA}", 404));
    }

    @ParameterizedTest(name = "API1 {0} {1} {2} on another tenant's object -> refused")
    @MethodSource("objectWrites")
    void changesNothingOfAnotherTenant(String persona, String method, String pathTemplate, String bodyKind) {
        Response response = as(persona).body(body(bodyKind)).request(method, fill(pathTemplate));
        assertTrue(response.statusCode() == 404 || response.statusCode() == 403,
                persona + " " + method + " " + fill(pathTemplate) + " -> " + response.statusCode() + " " + response.asString());
        assertNoLeak(response);
    }

    static Stream<Arguments> objectWrites() {
        return Stream.of(
                Arguments.of("partner-admin B", "POST", "/organizations/{A}/users", "user"),
                Arguments.of("partner-admin B", "PUT", "/organizations/{A}/users/{userA}", "user"),
                Arguments.of("partner-admin B", "DELETE", "/organizations/{A}/users/{userA}", "none"),
                Arguments.of("partner-admin B", "POST", "/organizations/{A}/users/{userA}/departure", "none"),
                Arguments.of("partner-admin B", "POST", "/organizations/{A}/membership/purchases", "purchase"),
                Arguments.of("partner-admin B", "POST", "/competency-simulations", "simulationOfA"),
                Arguments.of("employee B", "POST", "/exam-registrations/{regA}/cancellation", "none"),
                Arguments.of("exam-provider PSI", "POST", "/exam-registrations/{regA}/cancellation", "none"),
                Arguments.of("exam-provider PSI", "POST", "/exam-registrations/{regA}/system-check", "systemCheck"),
                Arguments.of("exam-provider PSI", "POST", "/exam-results", "resultOfA"),
                Arguments.of("employee B", "POST", "/exam-registrations", "bookingOfA"),
                Arguments.of("employee B", "POST", "/transcripts/{cA}/share-codes", "empty"));
    }

    @Test
    void aRefusedForeignWriteLeftTheObjectAsItWas() {
        as("employee A").get("/exam-registrations/" + registrationA).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.not("CANCELLED"))
                .body("systemCheckPassed", org.hamcrest.Matchers.nullValue());
        as("partner-admin A").get("/organizations/" + orgA + "/users/" + userA).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Ada A"))
                .body("status", org.hamcrest.Matchers.not("DEPARTED"));
    }

    // --- API2: broken authentication, refused at the edge with 401 problem+json ---

    @ParameterizedTest(name = "API2 {0} -> 401")
    @MethodSource("badTokens")
    void refusesEveryBrokenToken(String kind) {
        String token = badToken(kind);
        for (String path : List.of("/exams", "/organizations/" + orgA, "/transcripts/" + candidateA, "/competency-status/" + orgA)) {
            Response response = given().baseUri(gateway()).basePath("/api").header("Authorization", "Bearer " + token)
                    .accept("application/json").get(path);
            assertEquals(401, response.statusCode(), kind + " on " + path + ": " + response.asString());
            assertEquals(PROBLEM, response.contentType());
        }
        Response write = given().baseUri(gateway()).basePath("/api").header("Authorization", "Bearer " + token)
                .contentType("application/json").body(Map.of("mpnId", mpnId(), "name", "Forged", "country", "DE"))
                .post("/organizations");
        assertEquals(401, write.statusCode(), kind + " write: " + write.asString());
    }

    static Stream<String> badTokens() {
        return Stream.of("expired", "too old", "tampered payload", "tampered signature", "unsigned (alg none)",
                "signed by another key", "wrong issuer", "wrong audience", "no audience", "no iat", "not a JWT");
    }

    @Test
    void withoutATokenProtectedEndpointsAnswer401AndPublicOnesAnswer() {
        for (String path : List.of("/organizations/" + orgA, "/transcripts/" + candidateA, "/exam-registrations/" + registrationA,
                "/competency-status/" + orgA, "/organizations")) {
            Response response = given().baseUri(gateway()).basePath("/api").accept("application/json").get(path);
            assertEquals(401, response.statusCode(), path + ": " + response.asString());
            assertNoLeak(response);
        }
        given().baseUri(gateway()).basePath("/api").get("/organizations/" + orgA + "/profile").then().statusCode(200);
        given().baseUri(gateway()).basePath("/api").get("/.well-known/jwks.json").then().statusCode(200);
    }

    // --- API3: mass assignment ---

    @Test
    void fieldsACallerMayNotSetAreIgnoredOrRefused() {
        String chosenId = UUID.randomUUID().toString();
        Map<String, Object> organization = new LinkedHashMap<>(Map.of("mpnId", mpnId(), "name", "Mass", "country", "DE"));
        organization.put("id", chosenId);
        organization.put("createdAt", "2000-01-01T00:00:00Z");
        Response created = as("ops").body(organization).post("/organizations");
        refusedOrIgnored(created, Map.of("id", chosenId, "createdAt", "2000-01-01T00:00:00Z"));

        Map<String, Object> user = new LinkedHashMap<>(Map.of("name", "Mallory", "email", "m-" + UUID.randomUUID() + "@a.example",
                "role", "EMPLOYEE"));
        user.put("organizationId", orgB);
        user.put("id", chosenId);
        user.put("status", "DEPARTED");
        user.put("candidateId", candidateB);
        Response added = as("partner-admin A").body(user).post("/organizations/" + orgA + "/users");
        refusedOrIgnored(added, Map.of("organizationId", orgB, "id", chosenId, "status", "DEPARTED", "candidateId", candidateB));
        as("partner-admin B").get("/organizations/" + orgB + "/users").then().statusCode(200)
                .body("email", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(user.get("email"))));

        Map<String, Object> booking = new LinkedHashMap<>(booking(candidateA));
        booking.put("id", chosenId);
        booking.put("status", "COMPLETED");
        booking.put("systemCheckPassed", true);
        Response booked = as("exam-provider PEARSON_VUE").body(booking).post("/exam-registrations");
        refusedOrIgnored(booked, Map.of("id", chosenId, "status", "COMPLETED", "systemCheckPassed", true));
    }

    /** 4xx, or 2xx with none of {@code forbidden}'s values taken over. */
    private static void refusedOrIgnored(Response response, Map<String, Object> forbidden) {
        int status = response.statusCode();
        if (status >= 400 && status < 500) {
            return;
        }
        assertTrue(status >= 200 && status < 300, "neither refused nor accepted: " + status + " " + response.asString());
        forbidden.forEach((field, value) -> assertNotEquals(String.valueOf(value), String.valueOf((Object) response.path(field)),
                "the caller set " + field + ": " + response.asString()));
    }

    // --- API4: resources ---

    @Test
    void bodiesOverTheLimitAre413ProblemsWithOrWithoutALength() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}";
        Response declared = as("ops").body(big).post("/organizations");
        assertEquals(413, declared.statusCode());
        assertEquals(PROBLEM, declared.contentType());
        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(gateway() + "/api/organizations"))
                        .header("Authorization", "Bearer " + tokens.get("ops")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().contains("payload-too-large"), chunked.body());
    }

    @Test
    void pagesAreCapped() {
        String organization = registerOrganization("Paged");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            rows.add(Map.of("name", "User " + i, "email", "user" + i + "-" + UUID.randomUUID() + "@paged.example", "role", "EMPLOYEE"));
        }
        as("ops").body(rows).post("/organizations/" + organization + "/user-imports").then().statusCode(200);
        Response page = as("ops").get("/organizations/" + organization + "/users?size=1000");
        assertEquals(200, page.statusCode());
        assertEquals("101", page.header("X-Total-Count"));
        assertEquals(100, page.jsonPath().getList("$").size(), "a page is at most 100 items");
        assertEquals(1, as("ops").get("/organizations/" + organization + "/users?size=1000&page=1").jsonPath().getList("$").size(),
                "the second page of the capped size holds the rest");
        assertEquals(400, as("ops").get("/organizations?page=100001").statusCode());
        assertEquals(400, as("ops").get("/organizations?size=0").statusCode());
    }

    @Test
    void aClientOverItsBudgetGets429WithRetryAfterAndRateLimitHeaders() throws Exception {
        {
            SecondGateway small = secondGateway();
            RequestSpecification admin = given().baseUri(small.url()).basePath("/api")
                    .auth().oauth2(tokens.get("partner-admin A")).accept("application/json");
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Response ok = admin.get("/organizations/" + orgA);
                statuses.add(ok.statusCode());
                assertEquals("\"reads\";q=5;w=60", ok.header("RateLimit-Policy"));
                assertTrue(ok.header("RateLimit").startsWith("\"reads\";r=" + (4 - i) + ";t="), ok.header("RateLimit"));
            }
            assertEquals(List.of(200, 200, 200, 200, 200), statuses);
            Response limited = admin.get("/organizations/" + orgA);
            assertEquals(429, limited.statusCode());
            assertEquals(PROBLEM, limited.contentType());
            assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
            assertTrue(limited.header("RateLimit").startsWith("\"reads\";r=0;t="), limited.header("RateLimit"));
            assertFalse(limited.asString().contains(orgA + "\",\"mpnId"), "no data in a 429");
            // another client is not affected; the same client's writes have their own budget
            given().baseUri(small.url()).basePath("/api").auth().oauth2(tokens.get("partner-admin B"))
                    .get("/organizations/" + orgB).then().statusCode(200);
            admin.contentType("application/json").body(Map.of()).post("/competency-simulations")
                    .then().statusCode(400).header("RateLimit-Policy", "\"writes\";q=2;w=60");
        }
    }

    // --- API5: function level. Every write endpoint x every role ---

    @ParameterizedTest(name = "API5 {0} {1}: allowed {2}")
    @MethodSource("writeEndpoints")
    void everyRoleAgainstEveryWriteEndpoint(String method, String pathTemplate, Set<String> allowed) {
        List<String> failures = new ArrayList<>();
        String path = fill(pathTemplate);
        for (String persona : List.of("ops", "partner-admin A", "employee A", "exam-provider PEARSON_VUE", "reporter",
                "reporter without source")) {
            // a reporter's figures name their source: without the claim a reporter may write nothing (issue #19); where
            // reporters may write, the empty body is refused before the source is read: aReporterWithoutASource... covers it
            String role = persona.equals("reporter without source") ? persona : persona.split(" ")[0];
            if (role.equals("reporter without source") && allowed.contains("reporter")) {
                continue;
            }
            int status = as(persona).body(Map.of()).request(method, path).statusCode();
            // an exam-provider reads and shares no transcript (issue #19): 404, as for somebody else's
            boolean refused = status == 403 || status == 404 && role.equals("exam-provider") && path.startsWith("/transcripts/");
            if (allowed.contains(role) ? (status == 401 || status == 403) : !refused) {
                failures.add(persona + " -> " + status);
            }
        }
        int anonymous = given().baseUri(gateway()).basePath("/api").contentType("application/json").body(Map.of())
                .request(method, path).statusCode();
        if (anonymous != 401) {
            failures.add("no token -> " + anonymous);
        }
        assertEquals(List.of(), failures, method + " " + path + " (allowed: " + allowed + ")");
    }

    @Test
    void aReporterWithoutASourceMayNotReportFiguresAndOneWithASourceMay() {
        Map<String, Object> figure = Map.of("metric", "REVENUE", "value", 1234, "periodStart", "2026-01-01",
                "periodEnd", "2026-01-31");
        Response sourceless = as("reporter without source").body(figure).post("/organizations/" + orgA + "/performance-reports");
        assertEquals(403, sourceless.statusCode(), sourceless.asString());
        assertEquals(PROBLEM, sourceless.contentType());
        Response reported = as("reporter").body(figure).post("/organizations/" + orgA + "/performance-reports");
        assertTrue(reported.statusCode() == 201 || reported.statusCode() == 200, reported.asString());
        as("ops").get("/organizations/" + orgA + "/performance-reports?metric=REVENUE").then().statusCode(200)
                .body("source", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("matrix-crm")));
    }

    static Stream<Arguments> writeEndpoints() {
        Set<String> ops = Set.of("ops");
        return Stream.of(
                Arguments.of("POST", "/exams", ops),
                Arguments.of("POST", "/exams/{unknown}/retirement", ops),
                Arguments.of("POST", "/exam-registrations", Set.of("ops", "exam-provider", "employee")),
                Arguments.of("POST", "/exam-registrations/{unknown}/system-check", Set.of("ops", "exam-provider")),
                Arguments.of("POST", "/exam-registrations/{unknown}/cancellation", Set.of("ops", "exam-provider", "employee")),
                Arguments.of("POST", "/exam-results", Set.of("ops", "exam-provider")),
                Arguments.of("POST", "/exam-candidates/{unknown}/vouchers", ops),
                Arguments.of("POST", "/certifications", ops),
                Arguments.of("POST", "/certifications/{unknown}/retirement", ops),
                Arguments.of("POST", "/assessments", ops),
                Arguments.of("POST", "/assessment-results", ops),
                Arguments.of("POST", "/certification-holdings/{unknown}/renewal-attempts", Set.of("ops", "employee")),
                Arguments.of("POST", "/certification-holdings/{unknown}/revocation", ops),
                Arguments.of("POST", "/certification-holdings/{unknown}/renewal-assessments", Set.of("employee")),
                Arguments.of("POST", "/assessments/{unknown}/attempts", Set.of("employee")),
                Arguments.of("POST", "/assessment-attempts/{unknown}/submission", Set.of("employee")),
                Arguments.of("PUT", "/certifications/{unknown}/renewal-blueprint", ops),
                Arguments.of("POST", "/transcripts/{unknown}/share-codes", Set.of("ops", "employee")),
                Arguments.of("DELETE", "/transcripts/{unknown}/share-codes/{unknown}", Set.of("ops", "employee")),
                Arguments.of("POST", "/competencies", ops),
                Arguments.of("POST", "/competencies/{unknown}/requirement-versions", ops),
                Arguments.of("POST", "/competency-simulations", Set.of("ops", "partner-admin", "employee")),
                Arguments.of("POST", "/organizations", ops),
                Arguments.of("POST", "/organizations/{unknown}/users", Set.of("ops", "partner-admin")),
                Arguments.of("PUT", "/organizations/{unknown}/users/{unknown}", Set.of("ops", "partner-admin")),
                Arguments.of("DELETE", "/organizations/{unknown}/users/{unknown}", Set.of("ops", "partner-admin")),
                // a partner-admin invites and the person accepts: the admin may not associate anybody, not even in
                // their own organisation (issue #19; elsewhere the organisation is checked first: 404)
                Arguments.of("POST", "/organizations/{A}/users/{unknown}/association", Set.of("ops", "employee")),
                Arguments.of("POST", "/organizations/{unknown}/users/{unknown}/departure", Set.of("ops", "partner-admin")),
                Arguments.of("POST", "/organizations/{unknown}/user-imports", Set.of("ops", "partner-admin")),
                Arguments.of("POST", "/organizations/{unknown}/invitations", Set.of("ops", "partner-admin")),
                Arguments.of("POST", "/organizations/{unknown}/invitations/{unknown}/revocation", Set.of("ops", "partner-admin")),
                Arguments.of("POST", "/organizations/{unknown}/invitations/acceptance", Set.of("employee")),
                Arguments.of("POST", "/organizations/{unknown}/membership/purchases", Set.of("ops", "partner-admin")),
                Arguments.of("POST", "/organizations/{unknown}/membership/renewals", Set.of("ops", "partner-admin")),
                Arguments.of("POST", "/organizations/{unknown}/performance-reports", Set.of("ops", "reporter")),
                Arguments.of("PUT", "/admin/clock", ops));
    }

    // --- a service that cannot be reached: 503, and the gateway recovers when it can again ---

    @Test
    void answers503WhileAServiceCannotBeReachedAndRecovers() throws Exception {
        {
            SecondGateway gateway = secondGateway();
            RequestSpecification ops = given().baseUri(gateway.url()).basePath("/api").auth().oauth2(tokens.get("ops"));
            ops.get("/organizations/" + orgA).then().statusCode(200);
            relay.stop();
            Response down = ops.get("/organizations/" + orgA);
            assertEquals(503, down.statusCode(), down.asString());
            assertEquals(PROBLEM, down.contentType());
            assertEquals("5", down.header("Retry-After"));
            ops.get("/exams").then().statusCode(200); // the other services are not affected
            relay.start();
            ops.get("/organizations/" + orgA).then().statusCode(200)
                    .body("id", org.hamcrest.Matchers.equalTo(orgA));
        }
    }

    // --- helpers of this class ---

    private Relay relay;
    private SecondGateway second;

    /**
     * A second gateway (the same jar) in front of the same services, started once for this class: small budgets (reads 5,
     * writes 2 per minute and client), and membership-service behind a relay the test can cut.
     */
    private synchronized SecondGateway secondGateway() throws Exception {
        if (second == null) {
            relay = Relay.to(RunningSuite.service("membership-service").port());
            second = SecondGateway.start(Map.of(
                    "PARTNERHUB_GATEWAY_RATE_LIMITS_READS_QUOTA", "5", "PARTNERHUB_GATEWAY_RATE_LIMITS_READS_WINDOW", "60s",
                    "PARTNERHUB_GATEWAY_RATE_LIMITS_WRITES_QUOTA", "2", "PARTNERHUB_GATEWAY_RATE_LIMITS_WRITES_WINDOW", "60s",
                    "PARTNERHUB_GATEWAY_SERVICES_MEMBERSHIP", "http://localhost:" + relay.port()));
        }
        return second;
    }

    @AfterAll
    void stopSecondGateway() throws Exception {
        if (second != null) {
            second.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    private String fill(String template) {
        return template.replace("{A}", orgA).replace("{B}", orgB).replace("{userA}", userA)
                .replace("{regA}", registrationA).replace("{cA}", candidateA).replace("{unknown}", UNKNOWN);
    }

    private Object body(String kind) {
        return switch (kind) {
            case "none", "empty" -> Map.of();
            case "user" -> Map.of("name", "Eve", "email", "eve-" + UUID.randomUUID() + "@b.example", "role", "ADMIN");
            case "purchase" -> Map.of("level", "SILVER");
            case "simulationOfA" -> Map.of("organizationId", orgA, "departures", List.of(userA));
            case "systemCheck" -> Map.of("passed", true);
            case "resultOfA" -> Map.of("providerResultId", "PSI-" + UUID.randomUUID(), "registrationId", registrationA,
                    "score", 900, "takenAt", Instant.now().toString());
            case "bookingOfA" -> booking(candidateA);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private Map<String, Object> booking(String candidate) {
        return Map.of("candidateId", candidate, "examCode", exam, "provider", "PEARSON_VUE", "deliveryMode", "TEST_CENTER",
                "scheduledAt", Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static void assertNoLeak(Response response) {
        String body = response.asString();
        for (String field : List.of("\"email\"", "\"mpnId\"", "\"candidateId\":\"cand-a", "\"scheduledAt\"")) {
            assertFalse(body.contains(field), "a refusal leaked data (" + field + "): " + body);
        }
    }

    private RequestSpecification as(String persona) {
        String token = tokens.get(persona);
        if (token == null) {
            fail("no persona " + persona);
        }
        return given().baseUri(gateway()).basePath("/api").auth().oauth2(token)
                .contentType("application/json").accept("application/json");
    }

    private static String gateway() {
        return RunningSuite.service("gateway").baseUrl();
    }

    private static String token(String role, Map<String, String> claims) {
        return RunningSuite.stack().token(role, claims);
    }

    private static String registerOrganization(String name) {
        return given().baseUri(gateway()).basePath("/api").auth().oauth2(token("ops", Map.of()))
                .contentType("application/json").body(Map.of("mpnId", mpnId(), "name", name, "country", "DE"))
                .post("/organizations").then().statusCode(201).extract().path("id");
    }

    private static String mpnId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    private String badToken(String kind) {
        DevStack stack = RunningSuite.stack();
        Tokens tokens = new Tokens(stack.keys().privateKey(), DevStack.DEMO_TOKEN_LIFETIME);
        Map<String, Object> claims = tokens.claims("ops", Map.of(), Instant.now());
        String good = tokens.sign(claims);
        switch (kind) {
            case "expired" -> {
                claims = tokens.claims("ops", Map.of(), Instant.now().minus(Duration.ofHours(2)));
                claims.put("exp", Instant.now().minus(Duration.ofHours(1)).getEpochSecond());
                return tokens.sign(claims);
            }
            case "too old" -> { // iat 13 h ago, exp still ahead: older than the 12 h token age
                claims = tokens.claims("ops", Map.of(), Instant.now().minus(Duration.ofHours(13)));
                claims.put("exp", Instant.now().plus(Duration.ofHours(1)).getEpochSecond());
                return tokens.sign(claims);
            }
            case "tampered payload" -> { // a partner-admin's token whose payload claims ops
                String[] parts = tokens.sign(tokens.claims("partner-admin", Map.of("org", orgA), Instant.now())).split("\\.");
                String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"partner-admin\"", "\"ops\"");
                return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                        + "." + parts[2];
            }
            case "tampered signature" -> {
                String[] parts = good.split("\\.");
                char[] signature = parts[2].toCharArray();
                signature[10] = signature[10] == 'A' ? 'B' : 'A';
                return parts[0] + "." + parts[1] + "." + new String(signature);
            }
            case "unsigned (alg none)" -> {
                String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
                return header + "." + good.split("\\.")[1] + ".";
            }
            case "signed by another key" -> {
                return Tokens.sign(claims, foreignKey());
            }
            case "wrong issuer" -> {
                claims.put("iss", "https://login.example");
                return tokens.sign(claims);
            }
            case "wrong audience" -> {
                claims.put("aud", "another-api");
                return tokens.sign(claims);
            }
            case "no audience" -> {
                claims.remove("aud");
                return tokens.sign(claims);
            }
            case "no iat" -> {
                claims.remove("iat");
                return tokens.sign(claims);
            }
            case "not a JWT" -> {
                return "opensesame";
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private static PrivateKey foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Another gateway process (the same built jar) on a free port, in front of the same services, with other settings
     * (small budgets, a service behind a relay); stopped on close.
     */
    static final class SecondGateway implements AutoCloseable {
        private final Process process;
        private final int port;

        private SecondGateway(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static SecondGateway start(Map<String, String> env) throws Exception {
            DevStack stack = RunningSuite.stack();
            int port = freePort();
            Path jar = stack.repoRoot().resolve("gateway/target/quarkus-app/quarkus-run.jar");
            Path log = stack.home().resolve("logs/gateway-" + port + ".log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .directory(jar.getParent().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", stack.keys().publicKeyFile().toString());
            builder.environment().put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
            builder.environment().putAll(env);
            SecondGateway gateway = new SecondGateway(builder.start(), port);
            HttpClient http = HttpClient.newHttpClient();
            try {
                org.awaitility.Awaitility.await("second gateway ready").atMost(Duration.ofSeconds(60))
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
                            if (!gateway.process.isAlive()) {
                                throw new IllegalStateException("second gateway exited: " + Files.readString(log));
                            }
                            try {
                                return http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/q/health/ready")).build(),
                                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                            } catch (IOException notYet) {
                                return false; // starting
                            }
                        });
                return gateway;
            } catch (org.awaitility.core.ConditionTimeoutException notReady) {
                gateway.close();
                throw new IllegalStateException("second gateway not ready in 60 s: " + Files.readString(log));
            }
        }

        String url() {
            return "http://localhost:" + port;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** A TCP relay on a fixed free port to a service: stopped, the service cannot be reached; started, it can. */
    static final class Relay implements AutoCloseable {
        private final int port = freePort();
        private final int target;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private ServerSocket server;

        private Relay(int target) {
            this.target = target;
        }

        static Relay to(int target) throws IOException {
            Relay relay = new Relay(target);
            relay.start();
            return relay;
        }

        int port() {
            return port;
        }

        synchronized void start() throws IOException {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress("localhost", port));
            ServerSocket listening = server;
            daemon(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket client = listening.accept();
                        Socket upstream = new Socket("localhost", target);
                        sockets.add(client);
                        sockets.add(upstream);
                        pump(client, upstream);
                        pump(upstream, client);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        synchronized void stop() throws IOException {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
            sockets.clear();
        }

        private static void pump(Socket from, Socket to) {
            daemon(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException closed) {
                    // one side went away
                } finally {
                    try {
                        to.close();
                    } catch (IOException ignored) {
                        // closed already
                    }
                }
            });
        }

        @Override
        public void close() throws IOException {
            stop();
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "relay");
        thread.setDaemon(true);
        thread.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
