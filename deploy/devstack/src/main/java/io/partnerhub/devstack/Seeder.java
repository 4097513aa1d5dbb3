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
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads demo data over the services' own REST APIs. A seed file is a JSON list of
 * {@code {"service": "exam-service", "method": "POST", "path": "/exams", "body": {...}}}, sent in order with an
 * ops token. 2xx and 409 (already there) count as done; 404/405 (endpoint not built yet) and a service that is
 * not running are skipped with a warning; anything else is reported as failed.
 */
public final class Seeder {

    public static final String DEMO_SEED = "devstack/demo/seed.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DevStack stack;
    private final PrintStream out;

    Seeder(DevStack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    public record Report(int done, int alreadyThere, int skipped, int failed) {
        public boolean ok() {
            return failed == 0;
        }
    }

    Report run(String resource) {
        List<?> entries = load(resource);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String token = stack.token("ops", Map.of("sub", "devstack-seed"));
        int done = 0;
        int alreadyThere = 0;
        int skipped = 0;
        int failed = 0;
        for (Object item : entries) {
            Map<?, ?> entry = (Map<?, ?>) item;
            String service = String.valueOf(entry.get("service"));
            String method = entry.get("method") == null ? "POST" : String.valueOf(entry.get("method"));
            String path = String.valueOf(entry.get("path"));
            String what = method + " " + service + path;
            ServiceSpec spec = stack.service(service).orElse(null);
            if (spec == null || !stack.runningServices().contains(spec)) {
                log("seed: skipped %s (service not running)", what);
                skipped++;
                continue;
            }
            try {
                String body = entry.get("body") == null ? "" : JSON.writeValueAsString(entry.get("body"));
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(spec.baseUrl() + path))
                        .timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    done++;
                } else if (status == 409) {
                    alreadyThere++;
                } else if (status == 404 || status == 405) {
                    log("seed: WARNING %s answered %d (endpoint not there yet?), skipped", what, status);
                    skipped++;
                } else {
                    log("seed: FAILED %s answered %d: %s", what, status, abbreviate(response.body()));
                    failed++;
                }
            } catch (IOException e) {
                log("seed: FAILED %s: %s", what, e.getMessage());
                failed++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while seeding", e);
            }
        }
        Report report = new Report(done, alreadyThere, skipped, failed);
        log("seed: %d created, %d already there, %d skipped, %d failed", done, alreadyThere, skipped, failed);
        return report;
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
}
