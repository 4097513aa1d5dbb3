package io.partnerhub.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The role × endpoint matrix, read from the services' own OpenAPI documents (served by the gateway at
 * {@code /openapi/<service>}): every documented (method, path) has one row here naming the roles allowed, and every row
 * names a documented endpoint, so a new endpoint without a row fails ({@link #everyDocumentedEndpointHasARow}).
 * <p>
 * Each row is called once per persona through the gateway with real tokens, against ids outside that persona's scope:
 * the partner-admin and the employee of organisation A get B's organisation, user, candidate, registration and
 * invitation; the exam-provider (PSI) gets B's Pearson VUE registration and B's candidate; ops and the reporters get
 * unknown ids. Expected: an allowed role on a foreign or unknown object 404 (400/409/422 where the body is deliberately
 * invalid), a role not allowed 403 or 404, no token 401 unless public; never a 5xx, never a 2xx for a scoped role on
 * somebody else's object. One request per cell; the matrix changes nothing.
 */
@ExtendWith(RunningSuite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleEndpointMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNKNOWN = "00000000-0000-4000-8000-00000000beef";
    private static final List<String> SERVICES = List.of("exam", "certification", "competency", "membership");

    private static final String OPS = "ops";
    private static final String ADMIN = "partner-admin";
    private static final String EMPLOYEE = "employee";
    private static final String PROVIDER = "exam-provider";
    private static final String REPORTER = "reporter";
    /** A reporter token without the {@code source} claim: a reporter for every role check, refused where figures are written. */
    private static final String SOURCELESS = "reporter without source";
    private static final String ANONYMOUS = "anonymous";
    private static final List<String> PERSONAS = List.of(OPS, ADMIN, EMPLOYEE, PROVIDER, REPORTER, SOURCELESS, ANONYMOUS);
    private static final Set<String> ANY_ROLE = Set.of(OPS, ADMIN, EMPLOYEE, PROVIDER, REPORTER);

    /** Key in {@link Row#exact} of a row whose body is malformed ({@link Row#malformed()}). */
    private static final String MALFORMED = "(malformed body)";
    /** Placeholder of a deliberately invalid body ({@code {}}): an allowed role may get 400/409/422 instead of 404. */
    private static final Object INVALID = Map.of();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> foreign = new LinkedHashMap<>();
    private final Map<String, String> unknown = new LinkedHashMap<>();
    private Set<String> documented;

    @BeforeAll
    void twoTenantsAndTheDocuments() throws Exception {
        String orgA = Programme.organization("Matrix A");
        String orgB = Programme.organization("Matrix B");
        String candidateA = Programme.candidate("matrix-a");
        String candidateB = Programme.candidate("matrix-b");
        String userB = Programme.admin(orgB).body(Map.of("name", "Bea B", "email", candidateB + "@b.example", "role", "EMPLOYEE"))
                .post("/organizations/{id}/users", orgB).then().statusCode(201).extract().path("id");
        String invitationB = Programme.invite(orgB, "Ben B", "ben-" + candidateB + "@b.example").id();
        String exam = "RM-" + Integer.toString(ThreadLocalRandom.current().nextInt(46656, 1679615), 36).toUpperCase(Locale.ROOT);
        RunningSuite.certificationOfOneExam(exam, "cert-" + exam.toLowerCase(Locale.ROOT), "ASSOCIATE");
        String registrationB = RunningSuite.bookAtTestCenter(candidateB, exam,
                Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS));

        tokens.put(OPS, token("ops", Map.of()));
        tokens.put(ADMIN, token("partner-admin", Map.of("org", orgA)));
        tokens.put(EMPLOYEE, token("employee", Map.of("org", orgA, "candidate", candidateA)));
        tokens.put(PROVIDER, token("exam-provider", Map.of("provider", "PSI")));
        tokens.put(REPORTER, token("reporter", Map.of("source", "matrix-crm")));
        tokens.put(SOURCELESS, token("reporter", Map.of()));

        unknown.put("org", UNKNOWN);
        unknown.put("user", UNKNOWN);
        unknown.put("registration", UNKNOWN);
        unknown.put("invitation", UNKNOWN);
        unknown.put("holding", UNKNOWN);
        unknown.put("uuid", UNKNOWN);
        unknown.put("candidate", "cand-unknown-" + UUID.randomUUID());
        unknown.put("exam", "ZZ-404");
        unknown.put("certification", "no-such-certification");
        unknown.put("assessment", "no-such-assessment");
        unknown.put("number", "1");
        unknown.put("competency", "no-such-competency");
        unknown.put("area", "no-such-area");
        unknown.put("shareCode", "no-such-share-code-" + UUID.randomUUID());
        unknown.put("notificationKind", "COMPETENCY_AT_RISK");
        foreign.putAll(unknown);
        foreign.put("org", orgB);
        foreign.put("user", userB);
        foreign.put("candidate", candidateB);
        foreign.put("registration", registrationB);
        foreign.put("invitation", invitationB);

        documented = new TreeSet<>();
        for (String service : SERVICES) {
            JsonNode document = JSON.readTree(given().baseUri(RunningSuite.service("gateway").baseUrl())
                    .get("/openapi/" + service).then().statusCode(200).extract().asString());
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                    String method = methods.next().toUpperCase(Locale.ROOT);
                    if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                        documented.add(method + " " + path.getKey());
                    }
                }
            }
        }
    }

    // --- the table: one row per documented (method, path) -------------------------------------------------------

    static List<Row> rows() {
        Set<String> scoped = Set.of(OPS, ADMIN, EMPLOYEE);
        Set<String> orgAdmins = Set.of(OPS, ADMIN);
        Set<String> candidateReaders = Set.of(OPS, PROVIDER, EMPLOYEE);
        Set<String> holderOrOps = Set.of(OPS, EMPLOYEE);
        Set<String> ops = Set.of(OPS);
        Map<String, Object> user = Map.of("name", "Eve", "email", "eve-" + UUID.randomUUID() + "@matrix.example", "role", "EMPLOYEE");
        Map<String, Object> figure = Map.of("metric", "REVENUE", "value", 1000, "periodStart", "2026-01-01", "periodEnd", "2026-01-31");
        return List.of(
                // exam-service
                catalogue("GET", "/exams", ANY_ROLE),
                write("POST", "/exams", INVALID, ops),
                read("/exams/{code}", ANY_ROLE),
                write("POST", "/exams/{code}/retirement", INVALID, ops),
                write("POST", "/exam-registrations", INVALID, candidateReaders),
                read("/exam-registrations/{id}", candidateReaders),
                write("POST", "/exam-registrations/{id}/system-check", Map.of("passed", true), Set.of(OPS, PROVIDER)),
                write("POST", "/exam-registrations/{id}/cancellation", null, candidateReaders),
                write("POST", "/exam-results", INVALID, Set.of(OPS, PROVIDER)),
                read("/exam-candidates/{candidateId}/attempts", candidateReaders),
                read("/exam-candidates/{candidateId}/eligibility", candidateReaders).query("examCode={exam}"),
                write("POST", "/exam-candidates/{candidateId}/vouchers", INVALID, ops),
                read("/exam-candidates/{candidateId}/vouchers", candidateReaders),
                read("/exam-candidates/{candidateId}/registrations", candidateReaders),
                // certification-service
                catalogue("GET", "/certifications", ANY_ROLE),
                write("POST", "/certifications", INVALID, ops),
                read("/certifications/{id}", ANY_ROLE),
                write("POST", "/certifications/{id}/retirement", INVALID, ops),
                catalogue("GET", "/assessments", ANY_ROLE),
                write("POST", "/assessments", INVALID, ops),
                write("POST", "/assessment-results", INVALID, ops),
                // an exam-provider reads no transcript and no holding (issue #19): 404, as for somebody else's
                read("/transcripts/{candidateId}", holderOrOps).exactly(PROVIDER, 404),
                // candidate ids are opaque: ops may share any candidate's (empty) transcript, so the body is malformed
                // (no caller gets past it; refusing it first, 400, tells nobody anything)
                write("POST", "/transcripts/{candidateId}/share-codes", INVALID, holderOrOps)
                        .body(Map.of("expiresAt", "not-an-instant")).malformed(),
                read("/transcripts/{candidateId}/share-codes", holderOrOps),
                write("DELETE", "/transcripts/{candidateId}/share-codes/{code}", null, holderOrOps),
                publicly("GET", "/shared-transcripts/{code}", 404),
                read("/certification-holdings", holderOrOps).query("candidateId={candidate}").exactly(PROVIDER, 404),
                read("/certification-holdings/{id}", holderOrOps).exactly(PROVIDER, 404),
                write("POST", "/certification-holdings/{id}/renewal-attempts", INVALID, holderOrOps),
                write("POST", "/certification-holdings/{id}/revocation", INVALID, ops),
                // issue 21: banks and blueprints (ops), attempts (the candidate's own; an assessment-provider reports
                // results, no persona here is one)
                read("/certifications/{id}/renewal-blueprint", ops),
                write("PUT", "/certifications/{id}/renewal-blueprint", INVALID, ops),
                read("/certifications/{id}/renewal-questions", ops),
                write("POST", "/certifications/{id}/renewal-questions", INVALID, ops),
                write("PUT", "/certifications/{id}/renewal-questions/{questionId}", INVALID, ops),
                write("POST", "/certifications/{id}/renewal-questions/{questionId}/retirement", null, ops),
                write("POST", "/certifications/{id}/renewal-questions/import", INVALID, ops),
                read("/assessments/{id}/blueprint", ops),
                write("PUT", "/assessments/{id}/blueprint", INVALID, ops),
                read("/assessments/{id}/questions", ops),
                write("POST", "/assessments/{id}/questions", INVALID, ops),
                write("PUT", "/assessments/{id}/questions/{questionId}", INVALID, ops),
                write("POST", "/assessments/{id}/questions/{questionId}/retirement", null, ops),
                write("POST", "/assessments/{id}/questions/import", INVALID, ops),
                write("POST", "/certification-holdings/{id}/renewal-assessments", null, Set.of(EMPLOYEE)),
                write("POST", "/assessments/{id}/attempts", null, Set.of(EMPLOYEE)),
                read("/assessment-attempts", Set.of(EMPLOYEE)).exactly(EMPLOYEE, 200),
                read("/assessment-attempts/{attemptId}", Set.of(EMPLOYEE)),
                write("PUT", "/assessment-attempts/{attemptId}/answers/{number}", INVALID, Set.of(EMPLOYEE)),
                write("POST", "/assessment-attempts/{attemptId}/submission", null, Set.of(EMPLOYEE)),
                read("/assessment-attempts/{attemptId}/report", Set.of(EMPLOYEE)),
                write("POST", "/assessment-attempts/{attemptId}/external-result", INVALID, Set.of()),
                publicly("GET", "/badges/issuer", 200),
                publicly("GET", "/badges/{holdingId}", 404),
                publicly("GET", "/badges/{holdingId}/verification", 404),
                publicly("POST", "/badge-verifications", 400).body(INVALID),
                publicly("GET", "/.well-known/jwks.json", 200),
                // competency-service
                catalogue("GET", "/competencies", ANY_ROLE),
                write("POST", "/competencies", INVALID, ops),
                read("/competencies/{id}", ANY_ROLE),
                write("POST", "/competencies/{id}/requirement-versions", INVALID, ops),
                read("/competencies/{id}/requirement-versions", ANY_ROLE),
                read("/competencies/{id}/roadmap", ANY_ROLE),
                read("/competency-status/{organizationId}", scoped),
                read("/competency-status/{organizationId}/forecast", scoped),
                read("/competency-status/{organizationId}/{competencyId}", scoped),
                read("/competency-status/{organizationId}/{competencyId}/history", scoped),
                read("/competency-status/{organizationId}/changes", scoped).accept("text/event-stream"),
                write("POST", "/competency-simulations", INVALID, scoped),
                // organisation credentials (issue 22): public, no token needed
                // issue 22: solution areas (catalogue), designation status, the two models side by side, the what-if
                catalogue("GET", "/solution-areas", scoped),
                read("/solution-areas/{id}", scoped),
                write("POST", "/solution-areas", INVALID, ops),
                write("POST", "/solution-areas/{id}/score-versions", INVALID, ops),
                read("/designation-status/{organizationId}", scoped),
                read("/designation-status/{organizationId}/{solutionAreaId}", scoped),
                read("/programmes/{organizationId}", scoped),
                write("POST", "/programme-switch/simulations", INVALID, orgAdmins),
                publicly("GET", "/organization-credentials", 200, 404).query("organizationId={org}"),
                publicly("GET", "/organization-credentials/organizations/{organizationId}", 200, 404),
                publicly("GET", "/organization-credentials/{credentialId}", 404),
                publicly("GET", "/organization-credentials/status-lists/{list}", 200),
                publicly("GET", "/organization-credentials/issuer", 200),
                publicly("GET", "/organization-credentials/.well-known/jwks.json", 200),
                publicly("POST", "/organization-credentials/verifications", 400).body(INVALID),
                // membership-service
                write("POST", "/organizations", INVALID, ops),
                catalogue("GET", "/organizations", orgAdmins),
                read("/organizations/{id}", scoped),
                publicly("GET", "/organizations/{id}/profile", 200, 404),
                // issue 27: the directory listing setting (its partner-admins, ops) and the public directory (no token;
                // the matrix's organisations are not listed: 404)
                read("/organizations/{id}/directory-listing", orgAdmins),
                write("PUT", "/organizations/{id}/directory-listing", Map.of("listed", false), orgAdmins),
                publicly("GET", "/partner-directory", 200),
                publicly("GET", "/partner-directory/{id}", 404),
                write("POST", "/organizations/{id}/users", user, orgAdmins),
                read("/organizations/{id}/users", orgAdmins),
                read("/organizations/{id}/users/{userId}", orgAdmins),
                write("PUT", "/organizations/{id}/users/{userId}", user, orgAdmins),
                write("DELETE", "/organizations/{id}/users/{userId}", null, orgAdmins),
                // a partner-admin invites, the person accepts: no partner-admin associates anybody (issue #19)
                // (an employee's candidate id comes from the token: a valid body names none)
                write("POST", "/organizations/{id}/users/{userId}/association", new LinkedHashMap<String, Object>(),
                        Set.of(OPS, EMPLOYEE)),
                write("POST", "/organizations/{id}/users/{userId}/departure", null, orgAdmins),
                write("POST", "/organizations/{id}/user-imports", List.of(user), orgAdmins),
                read("/organizations/{id}/membership", scoped),
                write("POST", "/organizations/{id}/membership/purchases", Map.of("level", "SILVER"), orgAdmins),
                write("POST", "/organizations/{id}/membership/renewals", null, orgAdmins),
                write("POST", "/organizations/{id}/performance-reports", figure, Set.of(OPS, REPORTER)).exactly(SOURCELESS, 403),
                read("/organizations/{id}/performance-reports", orgAdmins),
                read("/organizations/{id}/performance-reports/history", orgAdmins),
                write("POST", "/organizations/{id}/invitations", Map.of("name", "Ivy", "email", "ivy-" + UUID.randomUUID()
                        + "@matrix.example"), orgAdmins),
                read("/organizations/{id}/invitations", orgAdmins),
                write("POST", "/organizations/{id}/invitations/{invitationId}/revocation", null, orgAdmins),
                write("POST", "/organizations/{id}/invitations/acceptance", Map.of("code", "x".repeat(43)), Set.of(EMPLOYEE)),
                read("/organizations/{id}/activity", orgAdmins),
                // issue 23: webhooks of an organisation (its partner-admins, ops) and ops' own (bodies invalid or ids
                // unknown: the matrix registers nothing)
                write("POST", "/organizations/{organizationId}/webhooks", INVALID, orgAdmins),
                read("/organizations/{organizationId}/webhooks", orgAdmins),
                read("/organizations/{organizationId}/webhooks/{webhookId}", orgAdmins),
                write("PUT", "/organizations/{organizationId}/webhooks/{webhookId}", INVALID, orgAdmins),
                write("DELETE", "/organizations/{organizationId}/webhooks/{webhookId}", null, orgAdmins),
                write("POST", "/organizations/{organizationId}/webhooks/{webhookId}/secret-rotations",
                        Map.of("overlap", "PT1H"), orgAdmins),
                write("POST", "/organizations/{organizationId}/webhooks/{webhookId}/test-deliveries", null, orgAdmins),
                read("/organizations/{organizationId}/webhooks/{webhookId}/deliveries", orgAdmins),
                write("POST", "/organizations/{organizationId}/webhooks/{webhookId}/deliveries/{deliveryId}/redelivery", null,
                        orgAdmins),
                write("POST", "/webhooks", INVALID, ops),
                catalogue("GET", "/webhooks", ops),
                read("/webhooks/{webhookId}", ops),
                write("PUT", "/webhooks/{webhookId}", INVALID, ops),
                write("DELETE", "/webhooks/{webhookId}", null, ops),
                write("POST", "/webhooks/{webhookId}/secret-rotations", Map.of("overlap", "PT1H"), ops),
                write("POST", "/webhooks/{webhookId}/test-deliveries", null, ops),
                read("/webhooks/{webhookId}/deliveries", ops),
                write("POST", "/webhooks/{webhookId}/deliveries/{deliveryId}/redelivery", null, ops),
                // issue 23: the token's own preferences (no account here belongs to any matrix token: 404), the
                // one-click unsubscribe (no token; a link without a valid signature 403), the delivery log
                read("/notifications/preferences/me", ANY_ROLE),
                write("PUT", "/notifications/preferences/me/{kind}", Map.of("enabled", false), ANY_ROLE),
                publicly("GET", "/notifications/unsubscribe", 403).accept("text/html"),
                publicly("POST", "/notifications/unsubscribe", 403),
                read("/organizations/{id}/notification-deliveries", orgAdmins),
                // every service's operations endpoints: the gateway serves /api/admin/** itself (fan-outs, ops only:
                // clock, dead letters, failed outbox rows, reaching one service by /{service}/...) and forwards nothing
                // below a service's /admin; a service's own paths with an id where the gateway wants a service name
                // are unknown to the gateway (404)
                gatewayServed("GET", "/admin/clock", Set.of(200)),
                gatewayServed("PUT", "/admin/clock", Set.of(200, 400)).body(INVALID),
                gatewayServed("GET", "/admin/dead-letters", Set.of(200)),
                gatewayServed("POST", "/admin/dead-letters/{id}/redrive", Set.of(400, 404)),
                notForwarded("POST", "/admin/dead-letters/redrive"),
                gatewayServed("GET", "/admin/outbox/failed", Set.of(200)),
                notForwarded("POST", "/admin/outbox/failed/{id}/release"),
                notForwarded("POST", "/admin/outbox/failed/{id}/skip"),
                // issue 26: the rebuild of competency-service's projections (ops only; the gateway's start wants the
                // body {"confirm":"drop-projections"}: the matrix's empty body is 400, so no rebuild starts here); the
                // producers' own snapshot endpoints are not forwarded (the gateway's rebuild asks them)
                gatewayServed("POST", "/admin/projections/rebuild", Set.of(400)).body(INVALID),
                gatewayServed("GET", "/admin/projections/rebuild/{id}", Set.of(400, 404)),
                notForwarded("POST", "/admin/snapshots"),
                notForwarded("GET", "/admin/snapshots/{id}"));
    }

    @Test
    void everyDocumentedEndpointHasARow() {
        Set<String> rows = rows().stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
        List<String> problems = new ArrayList<>();
        documented.stream().filter(endpoint -> !rows.contains(endpoint))
                .forEach(endpoint -> problems.add("new endpoint without a row: " + endpoint));
        rows.stream().filter(row -> !documented.contains(row))
                .forEach(row -> problems.add("a row without an endpoint: " + row));
        assertEquals(List.of(), problems, "documented: " + documented);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRoleOutsideItsScope(Row row) {
        List<String> failures = new ArrayList<>();
        for (String persona : PERSONAS) {
            String path = fill(row, persona);
            Answer answer = call(row, persona, path);
            Set<Integer> expected = row.expectedFor(persona);
            if (answer.status() >= 500 || !expected.contains(answer.status())) {
                failures.add(persona + " " + row.method() + " " + path + " -> " + answer.status() + " (expected " + expected
                        + ") " + answer.body());
            } else if (answer.status() >= 400 && answer.status() != 401 && !answer.problem()) {
                failures.add(persona + " " + row.method() + " " + path + " -> " + answer.status()
                        + " without application/problem+json: " + answer.contentType());
            }
        }
        assertEquals(List.of(), failures, row.key() + " allowed " + row.allowed());
    }

    // --- calling -------------------------------------------------------------------------------------------------

    record Answer(int status, String contentType, String body) {
        boolean problem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    private Answer call(Row row, String persona, String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningSuite.service("gateway").baseUrl() + "/api" + path))
                    .timeout(Duration.ofSeconds(15)).header("Accept", row.accept());
            if (!persona.equals(ANONYMOUS)) {
                request.header("Authorization", "Bearer " + tokens.get(persona));
            }
            if (row.body() == null) {
                request.method(row.method(), HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(row.method(), HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(row.body())));
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            try (InputStream body = response.body()) {
                if (contentType != null && contentType.startsWith("text/event-stream")) {
                    return new Answer(response.statusCode(), contentType, "(a stream, closed)");
                }
                return new Answer(response.statusCode(), contentType, new String(body.readNBytes(2000), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return new Answer(-1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** The path with every parameter filled with an id outside the persona's scope (see the class comment). */
    private String fill(Row row, String persona) {
        Map<String, String> values = Set.of(ADMIN, EMPLOYEE, PROVIDER, ANONYMOUS).contains(persona) ? foreign : unknown;
        String[] segments = row.path().split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            Matcher parameter = PARAMETER.matcher(segments[i]);
            path.append('/').append(parameter.matches() ? value(values, kind(parameter.group(1), segments[i - 1], row)) : segments[i]);
        }
        if (row.query() != null) {
            Matcher parameter = PARAMETER.matcher(row.query());
            StringBuilder query = new StringBuilder();
            while (parameter.find()) {
                parameter.appendReplacement(query, Matcher.quoteReplacement(value(values, parameter.group(1))));
            }
            parameter.appendTail(query);
            path.append('?').append(query);
        }
        return path.toString();
    }

    private static String value(Map<String, String> values, String kind) {
        String value = values.get(kind);
        if (value == null) {
            throw new IllegalStateException("no value of kind " + kind);
        }
        return value;
    }

    /** What a path parameter names: by its own name, else by the collection before it. */
    private static String kind(String parameter, String before, Row row) {
        switch (parameter) {
            case "organizationId": return "org";
            case "competencyId": return "competency";
            case "solutionAreaId": return "area";
            case "candidateId": return "candidate";
            case "userId": return "user";
            case "invitationId": return "invitation";
            case "holdingId": return "holding";
            case "questionId", "attemptId", "credentialId", "webhookId": return "uuid";
            case "list", "deliveryId": return "number";
            case "number": return "number";
            case "kind": return "notificationKind";
            default: break;
        }
        String kind = switch (before) {
            case "organizations", "partner-directory" -> "org";
            case "exams" -> "exam";
            case "exam-registrations" -> "registration";
            case "certifications" -> "certification";
            case "assessments" -> "assessment";
            case "certification-holdings" -> "holding";
            case "competencies" -> "competency";
            case "solution-areas" -> "area";
            case "share-codes", "shared-transcripts" -> "shareCode";
            case "dead-letters", "failed", "rebuild", "snapshots" -> "uuid";
            default -> null;
        };
        if (kind == null) {
            throw new IllegalStateException("the matrix does not know what {" + parameter + "} after " + before + " names in "
                    + row.key() + ": teach kind()");
        }
        return kind;
    }

    private static String token(String role, Map<String, String> claims) {
        return RunningSuite.stack().token(role, claims);
    }

    // --- rows ----------------------------------------------------------------------------------------------------

    enum Kind { READ, CATALOGUE, WRITE, PUBLIC, GATEWAY, NOT_FORWARDED }

    /**
     * One documented endpoint: who may call it ({@code allowed}, roles), what an allowed caller gets outside its scope
     * ({@code outcome}), and exact answers for single personas ({@code exact}).
     */
    record Row(String method, String path, Kind kind, Set<String> allowed, Set<Integer> outcome, Object body, String query,
            String accept, Map<String, Integer> exact) {

        String key() {
            return method + " " + path;
        }

        Row query(String template) {
            return new Row(method, path, kind, allowed, outcome, body, template, accept, exact);
        }

        Row body(Object value) {
            return new Row(method, path, kind, allowed, outcome, value, query, accept, exact);
        }

        Row accept(String mediaType) {
            return new Row(method, path, kind, allowed, outcome, body, query, mediaType, exact);
        }

        /** The body is malformed: anybody with a token may get 400 for it, whatever their role. */
        Row malformed() {
            Map<String, Integer> more = new LinkedHashMap<>(exact);
            more.put(MALFORMED, 400);
            return new Row(method, path, kind, allowed, outcome, body, query, accept, more);
        }

        Row exactly(String persona, int status) {
            Map<String, Integer> more = new LinkedHashMap<>(exact);
            more.put(persona, status);
            return new Row(method, path, kind, allowed, outcome, body, query, accept, more);
        }

        /** The statuses {@code persona} may get here. */
        Set<Integer> expectedFor(String persona) {
            if (exact.containsKey(persona)) {
                return Set.of(exact.get(persona));
            }
            if (kind == Kind.PUBLIC) {
                return outcome;
            }
            if (kind == Kind.NOT_FORWARDED) {
                return persona.equals(ANONYMOUS) ? Set.of(401, 404) : Set.of(404);
            }
            if (persona.equals(ANONYMOUS)) {
                return Set.of(401);
            }
            String role = persona.equals(SOURCELESS) ? REPORTER : persona;
            if (!allowed.contains(role)) {
                return exact.containsKey(MALFORMED) ? Set.of(400, 403, 404) : Set.of(403, 404);
            }
            if (role.equals(OPS)) {
                // nothing is foreign to ops: an unknown id is 404, or an empty view where ids are opaque (a candidate)
                Set<Integer> statuses = new LinkedHashSet<>(outcome);
                if (kind == Kind.READ) {
                    statuses.add(200);
                } else if (kind == Kind.WRITE) {
                    statuses.add(400); // ops must give a reason, e.g. for a support association
                }
                return statuses;
            }
            return outcome;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** A read of one object or of objects of one scope: outside the caller's scope 404. */
    static Row read(String path, Set<String> allowed) {
        return new Row("GET", path, Kind.READ, allowed, Set.of(404), null, null, "application/json", Map.of());
    }

    /** A catalogue everybody allowed reads whole: 200. */
    static Row catalogue(String method, String path, Set<String> allowed) {
        return new Row(method, path, Kind.CATALOGUE, allowed, Set.of(200), null, null, "application/json", Map.of());
    }

    /**
     * A write. With {@link #INVALID} as the body an allowed caller may get 400/409/422 (the body is refused first) or
     * 404; with a valid body or none, 404 (the object is not the caller's).
     */
    static Row write(String method, String path, Object body, Set<String> allowed) {
        Set<Integer> outcome = body == INVALID ? Set.of(400, 404, 409, 422) : Set.of(404);
        return new Row(method, path, Kind.WRITE, allowed, outcome, body, null, "application/json", Map.of());
    }

    /** Anybody, with or without a token, gets one of {@code statuses}. */
    static Row publicly(String method, String path, Integer... statuses) {
        return new Row(method, path, Kind.PUBLIC, ANY_ROLE, Set.copyOf(List.of(statuses)), null, null, "application/json", Map.of());
    }

    /** The gateway's own endpoint of the same path: ops only. */
    static Row gatewayServed(String method, String path, Set<Integer> forOps) {
        return new Row(method, path, Kind.GATEWAY, Set.of(OPS), forOps, null, null, "application/json", Map.of());
    }

    /** A service's operations endpoint the gateway never forwards: 404 for everybody. */
    static Row notForwarded(String method, String path) {
        return new Row(method, path, Kind.NOT_FORWARDED, Set.of(), Set.of(404), null, null, "application/json", Map.of());
    }
}
