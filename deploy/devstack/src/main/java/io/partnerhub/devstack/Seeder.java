package io.partnerhub.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * Seeding twice creates nothing new. The parts: {@link SeedScript} (the file, its variables and dates),
 * {@link SeedClient} (HTTP, tokens, 429) and {@link SeedTally} (the counts and the {@link Report}).
 */
public final class Seeder {

    public static final String DEMO_SEED = "devstack/demo/seed.json";
    static final int UNKNOWN_CREDENTIAL_WAIT_SECONDS = 30;
    private static final ObjectMapper JSON = SeedScript.JSON;

    private final Progress progress;
    private final SeedScript script = new SeedScript();
    private final SeedClient client;
    private final SeedTally tally = new SeedTally();

    Seeder(DevStack stack, PrintStream out) {
        this.progress = new Progress(out);
        this.client = new SeedClient(stack, progress);
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
        List<?> entries = SeedScript.load(resource);
        for (Object item : entries) {
            JsonNode entry = JSON.valueToTree(item);
            try {
                if (entry.has("sittings")) {
                    sittings(entry);
                } else {
                    request(entry);
                }
            } catch (SeedFailure e) {
                progress.say("seed: FAILED %s", e.getMessage());
                tally.failed();
            } catch (IOException e) {
                progress.say("seed: FAILED %s %s: %s", entry.path("method").asText("POST"), entry.path("path").asText(), e.getMessage());
                tally.failed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while seeding", e);
            }
        }
        return tally.report(script.variables(), progress);
    }

    private void request(JsonNode entry) throws IOException, InterruptedException {
        String service = entry.path("service").asText();
        String method = entry.path("method").asText("POST");
        String path = script.substitute(entry.path("path").asText());
        String what = method + " " + service + path;
        if (!client.running(service)) {
            progress.say("seed: skipped %s (service not running)", what);
            tally.skipped();
            return;
        }
        Map<String, String> persona = script.persona(entry.path("as"));
        if (entry.has("skipIf") && found(entry.get("skipIf"))) {
            tally.alreadyThere();
            return;
        }
        if (entry.has("awaitFirst")) {
            awaitFirst(entry.get("awaitFirst"), what);
        }
        JsonNode body = entry.has("body") ? script.substitute(entry.get("body")) : null;
        HttpResponse<String> response = client.send(method, path, body, persona);
        long deadline = System.nanoTime() + Duration.ofSeconds(UNKNOWN_CREDENTIAL_WAIT_SECONDS).toNanos();
        while (unknownCredential(response.statusCode(), response.body()) && System.nanoTime() < deadline) {
            Thread.sleep(200); // the catalogue event is on its way to competency-service
            response = client.send(method, path, body, persona);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            tally.done(status);
            script.save(entry.path("save"), response.body(), what);
        } else if (status == 409) {
            tally.alreadyThere();
            if (entry.has("lookup")) {
                JsonNode lookup = entry.get("lookup");
                HttpResponse<String> found = client.send("GET", script.substitute(lookup.path("path").asText()), null, SeedScript.ops());
                if (found.statusCode() != 200) {
                    throw new SeedFailure(what + ": looking up what is there answered " + found.statusCode());
                }
                script.save(lookup.path("save"), found.body(), what);
            }
        } else if (status == 404 || status == 405) {
            progress.say("seed: WARNING %s answered %d (endpoint not there yet?), skipped: %s", what, status,
                    SeedFailure.abbreviate(response.body()));
            tally.skipped();
        } else {
            throw new SeedFailure(what + " answered " + status + ": " + SeedFailure.abbreviate(response.body()));
        }
    }

    /** A 400 problem {@code unknown-credential}: a listed certification or assessment is not known to competency-service yet. */
    static boolean unknownCredential(int status, String body) {
        return status == 400 && body != null && body.contains("/problems/unknown-credential\"");
    }

    /** The provider books every sitting a moment ahead, waits for the appointments and posts the results. */
    private void sittings(JsonNode entry) throws IOException, InterruptedException {
        if (!client.running("exam-service")) {
            progress.say("seed: skipped %d exam sittings (exam-service not running)", entry.get("sittings").size());
            tally.skipped();
            return;
        }
        String provider = entry.path("provider").asText("PEARSON_VUE");
        Map<String, String> examProvider = Map.of("role", Tokens.EXAM_PROVIDER_ROLE, "provider", provider);
        List<JsonNode> due = new ArrayList<>();
        for (JsonNode sitting : entry.get("sittings")) {
            JsonNode resolved = script.substitute(sitting);
            HttpResponse<String> attempts = client.send("GET", "/exam-candidates/" + resolved.path("candidateId").asText()
                    + "/attempts?examCode=" + resolved.path("examCode").asText(), null, SeedScript.ops());
            if (attempts.statusCode() == 200 && JSON.readTree(attempts.body()).size() > 0) {
                tally.alreadyThere();
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
            HttpResponse<String> booked = client.send("POST", "/exam-registrations", booking, examProvider);
            if (booked.statusCode() != 201) {
                throw new SeedFailure("booking " + booking + " answered " + booked.statusCode() + ": " + SeedFailure.abbreviate(booked.body()));
            }
            tally.done(201);
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
            HttpResponse<String> posted = client.send("POST", "/exam-results", result, examProvider);
            if (posted.statusCode() != 201) {
                throw new SeedFailure("result " + result + " answered " + posted.statusCode() + ": " + SeedFailure.abbreviate(posted.body()));
            }
            tally.done(201);
        }
    }

    /** GET {@code path}: does the array at {@code in} hold an element with every field of {@code match}? */
    private boolean found(JsonNode condition) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send("GET", script.substitute(condition.path("path").asText()), null, SeedScript.ops());
        if (response.statusCode() != 200) {
            return false;
        }
        JsonNode answer = JSON.readTree(response.body());
        JsonNode list = condition.has("in") ? answer.at(condition.get("in").asText()) : answer;
        JsonNode match = script.substitute(condition.path("match"));
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
                progress.say("seed: WARNING %s: %s did not show %s in time; sending anyway", what,
                        script.substitute(condition.path("path").asText()), condition.path("match"));
                return;
            }
            Thread.sleep(200);
        }
    }
}
