package io.partnerhub.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Loads demo data through the public API: every request goes through the gateway ({@code /api} + path) with a
 * signed demo token of the persona who would act (ops by default), or straight to the service when no gateway runs.
 * A seed file is a JSON list, sent in order, of
 * <ul>
 * <li>requests: {@code {"service", "method" (POST), "path", "body"?, "as"?, "save"?, "lookup"?, "skipIf"?, "awaitFirst"?}}
 * <li>exam sittings: {@code {"service": "exam-service", "path": "/exam-results", "sittings": [{"candidateId",
 *     "examCode", "score"}], "provider"?}}: the provider books each sitting a moment ahead, waits for the appointment
 *     (one short wait for the whole list) and posts the results; a sitting whose candidate already has an attempt
 *     of that exam is already there.
 * </ul>
 * Fields of a request:
 * <ul>
 * <li>{@code as}: {@code {"role", claims...}}, e.g. {@code {"role": "partner-admin", "org": "${org.contoso}"}}.
 * <li>{@code save}: {@code {"variable": "/json/pointer"}} read from a 2xx answer; {@code ${variable}} is replaced in
 *     paths, bodies and claims. Built in: {@code ${today}}, {@code ${today+P150D}}, {@code ${month}} (first day of
 *     this month, UTC), {@code ${month-P3M}}, {@code ${month-P1D}}.
 * <li>{@code lookup}: {@code {"path", "save"}}: after a 409 (already there), a GET whose answer fills the variables.
 * <li>{@code skipIf}: {@code {"path", "in"?, "match"}}: a GET; when the array at pointer {@code in} (default the
 *     answer) holds an element with every field of {@code match}, the request is already done and not sent.
 * <li>{@code awaitFirst}: {@code {"path", "in"?, "match", "seconds"?}}: wait (default 30 s) until such an element
 *     exists (e.g. a competency attained before its benefit pack is bought).
 * </ul>
 * Counting: 201 = created, other 2xx = done without creating, 409 or a {@code skipIf} match = already there,
 * 404/405 = endpoint not built (skipped, a warning), a service that is not running = skipped; anything else is failed.
 * A 429 (the gateway's rate limit) is retried after its {@code Retry-After}; a 400 {@code unknown-credential}
 * (competency-service has not yet received the certification.defined / assessment.defined event of a certification or
 * assessment seeded a moment ago) is retried every 200 ms for up to {@value #UNKNOWN_CREDENTIAL_WAIT_SECONDS} s.
 * Seeding twice creates nothing new.
 */
public final class Seeder {

    public static final String DEMO_SEED = "devstack/demo/seed.json";
    static final int UNKNOWN_CREDENTIAL_WAIT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?:([+-])(P[0-9A-Z]+))?}");

    private final DevStack stack;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private int created;
    private int done;
    private int alreadyThere;
    private int skipped;
    private int failed;

    Seeder(DevStack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    /**
     * @param created   requests answered 201 (something new)
     * @param done      requests answered 2xx, {@code created} included
     * @param variables what the seed saved (e.g. {@code org.contoso} = the organisation's id)
     */
    public record Report(int done, int alreadyThere, int skipped, int failed, int created, Map<String, String> variables) {
        public boolean ok() {
            return failed == 0;
        }
    }

    Report run(String resource) {
        List<?> entries = load(resource);
        for (Object item : entries) {
            JsonNode entry = JSON.valueToTree(item);
            try {
                if (entry.has("sittings")) {
                    sittings(entry);
                } else {
                    request(entry);
                }
            } catch (SeedFailure e) {
                log("seed: FAILED %s", e.getMessage());
                failed++;
            } catch (IOException e) {
                log("seed: FAILED %s %s: %s", entry.path("method").asText("POST"), entry.path("path").asText(), e.getMessage());
                failed++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while seeding", e);
            }
        }
        Report report = new Report(done, alreadyThere, skipped, failed, created, Map.copyOf(variables));
        log("seed: %d created, %d done without creating, %d already there, %d skipped, %d failed",
                created, done - created, alreadyThere, skipped, failed);
        return report;
    }

    private void request(JsonNode entry) throws IOException, InterruptedException {
        String service = entry.path("service").asText();
        String method = entry.path("method").asText("POST");
        String path = substitute(entry.path("path").asText());
        String what = method + " " + service + path;
        if (!running(service)) {
            log("seed: skipped %s (service not running)", what);
            skipped++;
            return;
        }
        Map<String, String> persona = persona(entry.path("as"));
        if (entry.has("skipIf") && found(entry.get("skipIf"))) {
            alreadyThere++;
            return;
        }
        if (entry.has("awaitFirst")) {
            awaitFirst(entry.get("awaitFirst"), what);
        }
        JsonNode body = entry.has("body") ? substitute(entry.get("body")) : null;
        HttpResponse<String> response = send(method, path, body, persona);
        long deadline = System.nanoTime() + Duration.ofSeconds(UNKNOWN_CREDENTIAL_WAIT_SECONDS).toNanos();
        while (unknownCredential(response.statusCode(), response.body()) && System.nanoTime() < deadline) {
            Thread.sleep(200); // the catalogue event is on its way to competency-service
            response = send(method, path, body, persona);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            done++;
            if (status == 201) {
                created++;
            }
            save(entry.path("save"), response.body(), what);
        } else if (status == 409) {
            alreadyThere++;
            if (entry.has("lookup")) {
                JsonNode lookup = entry.get("lookup");
                HttpResponse<String> found = send("GET", substitute(lookup.path("path").asText()), null, ops());
                if (found.statusCode() != 200) {
                    throw new SeedFailure(what + ": looking up what is there answered " + found.statusCode());
                }
                save(lookup.path("save"), found.body(), what);
            }
        } else if (status == 404 || status == 405) {
            log("seed: WARNING %s answered %d (endpoint not there yet?), skipped: %s", what, status, abbreviate(response.body()));
            skipped++;
        } else {
            throw new SeedFailure(what + " answered " + status + ": " + abbreviate(response.body()));
        }
    }

    /** A 400 problem {@code unknown-credential}: a listed certification or assessment is not known to competency-service yet. */
    static boolean unknownCredential(int status, String body) {
        return status == 400 && body != null && body.contains("/problems/unknown-credential\"");
    }

    /** The provider books every sitting a moment ahead, waits for the appointments and posts the results. */
    private void sittings(JsonNode entry) throws IOException, InterruptedException {
        if (!running("exam-service")) {
            log("seed: skipped %d exam sittings (exam-service not running)", entry.get("sittings").size());
            skipped++;
            return;
        }
        String provider = entry.path("provider").asText("PEARSON_VUE");
        Map<String, String> examProvider = Map.of("role", Tokens.EXAM_PROVIDER_ROLE, "provider", provider);
        List<JsonNode> due = new ArrayList<>();
        for (JsonNode sitting : entry.get("sittings")) {
            JsonNode resolved = substitute(sitting);
            HttpResponse<String> attempts = send("GET", "/exam-candidates/" + resolved.path("candidateId").asText()
                    + "/attempts?examCode=" + resolved.path("examCode").asText(), null, ops());
            if (attempts.statusCode() == 200 && JSON.readTree(attempts.body()).size() > 0) {
                alreadyThere++;
            } else {
                due.add(resolved);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        Instant appointment = Instant.now().plusMillis(1500 + 60L * due.size()).truncatedTo(ChronoUnit.SECONDS);
        List<String> registrations = new ArrayList<>();
        for (JsonNode sitting : due) {
            ObjectNode booking = JSON.createObjectNode()
                    .put("candidateId", sitting.path("candidateId").asText())
                    .put("examCode", sitting.path("examCode").asText())
                    .put("provider", provider)
                    .put("deliveryMode", sitting.path("deliveryMode").asText("TEST_CENTER"))
                    .put("scheduledAt", appointment.toString());
            HttpResponse<String> booked = send("POST", "/exam-registrations", booking, examProvider);
            if (booked.statusCode() != 201) {
                throw new SeedFailure("booking " + booking + " answered " + booked.statusCode() + ": " + abbreviate(booked.body()));
            }
            done++;
            created++;
            registrations.add(JSON.readTree(booked.body()).path("id").asText());
        }
        long wait = Duration.between(Instant.now(), appointment).toMillis() + 200;
        if (wait > 0) {
            Thread.sleep(wait);
        }
        for (int i = 0; i < due.size(); i++) {
            JsonNode sitting = due.get(i);
            ObjectNode result = JSON.createObjectNode()
                    .put("providerResultId", "demo-" + sitting.path("candidateId").asText() + "-" + sitting.path("examCode").asText())
                    .put("registrationId", registrations.get(i))
                    .put("score", sitting.path("score").asInt(800))
                    .put("takenAt", appointment.toString());
            HttpResponse<String> posted = send("POST", "/exam-results", result, examProvider);
            if (posted.statusCode() != 201) {
                throw new SeedFailure("result " + result + " answered " + posted.statusCode() + ": " + abbreviate(posted.body()));
            }
            done++;
            created++;
        }
    }

    private boolean running(String service) {
        ServiceSpec spec = stack.service(service).orElse(null);
        return spec != null && stack.runningServices().contains(spec);
    }

    /** GET {@code path}: does the array at {@code in} hold an element with every field of {@code match}? */
    private boolean found(JsonNode condition) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", substitute(condition.path("path").asText()), null, ops());
        if (response.statusCode() != 200) {
            return false;
        }
        JsonNode answer = JSON.readTree(response.body());
        JsonNode list = condition.has("in") ? answer.at(condition.get("in").asText()) : answer;
        JsonNode match = substitute(condition.path("match"));
        Iterable<JsonNode> elements = list.isArray() ? list : List.of(list);
        for (JsonNode element : elements) {
            boolean all = true;
            for (Iterator<Map.Entry<String, JsonNode>> fields = match.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                all &= field.getValue().equals(element.get(field.getKey()));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private void awaitFirst(JsonNode condition, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(condition.path("seconds").asInt(30)).toNanos();
        while (!found(condition)) {
            if (System.nanoTime() > deadline) {
                log("seed: WARNING %s: %s did not show %s in time; sending anyway", what,
                        substitute(condition.path("path").asText()), condition.path("match"));
                return;
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> send(String method, String path, JsonNode body, Map<String, String> persona)
            throws IOException, InterruptedException {
        String service = serviceOf(path);
        String base = running("gateway") ? stack.service("gateway").orElseThrow().baseUrl() + "/api"
                : stack.service(service).map(ServiceSpec::baseUrl).orElseThrow(() -> new SeedFailure("no service for " + path));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token(persona))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt == 5) {
                return response;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            log("seed: %s %s answered 429 (rate limit), retrying in %d s", method, path, seconds);
            Thread.sleep(Math.min(10, Math.max(1, seconds)) * 1000);
        }
    }

    /** Without a gateway, the service that owns the path's first segment (DESIGN §5). */
    private static String serviceOf(String path) {
        String segment = path.replaceFirst("^/", "").split("[/?]")[0];
        return switch (segment) {
            case "exams", "exam-registrations", "exam-results", "exam-candidates" -> "exam-service";
            case "certifications", "assessments", "assessment-results", "certification-holdings", "transcripts",
                 "shared-transcripts", "badges" -> "certification-service";
            case "competencies", "competency-status", "competency-simulations" -> "competency-service";
            default -> "membership-service";
        };
    }

    private static Map<String, String> ops() {
        return Map.of("role", "ops");
    }

    private Map<String, String> persona(JsonNode as) {
        if (as.isMissingNode() || as.isNull()) {
            return ops();
        }
        Map<String, String> claims = new LinkedHashMap<>();
        as.fields().forEachRemaining(f -> claims.put(f.getKey(), substitute(f.getValue().asText())));
        return claims;
    }

    private String token(Map<String, String> persona) {
        return tokens.computeIfAbsent(persona.toString(), key -> {
            Map<String, String> claims = new LinkedHashMap<>(persona);
            String role = claims.remove("role");
            claims.putIfAbsent("sub", "devstack-seed");
            return stack.token(role, claims);
        });
    }

    private void save(JsonNode save, String body, String what) throws IOException {
        if (save.isMissingNode() || save.isEmpty()) {
            return;
        }
        JsonNode answer = JSON.readTree(body);
        for (Iterator<Map.Entry<String, JsonNode>> fields = save.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = answer.at(field.getValue().asText());
            if (value.isMissingNode() || value.isNull()) {
                throw new SeedFailure(what + ": the answer has nothing at " + field.getValue().asText() + ": " + abbreviate(body));
            }
            variables.put(field.getKey(), value.asText());
        }
    }

    private JsonNode substitute(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(substitute(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), substitute(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(substitute(element)));
            return copy;
        }
        return node;
    }

    String substitute(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(value(matcher.group(1), matcher.group(2), matcher.group(3))));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String value(String name, String sign, String period) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate date = switch (name) {
            case "today" -> today;
            case "month" -> today.withDayOfMonth(1);
            default -> null;
        };
        if (date == null) {
            String value = variables.get(name);
            if (value == null) {
                throw new SeedFailure("unknown variable ${" + name + "} (saved so far: " + variables.keySet() + ")");
            }
            return value;
        }
        if (period != null) {
            Period amount = Period.parse(period);
            date = "-".equals(sign) ? date.minus(amount) : date.plus(amount);
        }
        return date.toString();
    }

    static List<?> load(String resource) {
        try (InputStream in = Seeder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No seed file " + resource + " on the classpath");
            }
            Object parsed = JSON.readValue(in, Object.class);
            if (!(parsed instanceof List<?> list)) {
                throw new IllegalArgumentException(resource + " must be a JSON list of {service, method, path, body}");
            }
            return list;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    private void log(String format, Object... args) {
        if (out != null) {
            out.println("[devstack] " + String.format(format, args));
        }
    }

    /** One entry could not be applied; the seed goes on with the next. */
    private static final class SeedFailure extends RuntimeException {
        SeedFailure(String message) {
            super(message);
        }
    }
}
