package io.partnerhub.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The seed's HTTP client: every request goes through the gateway ({@code /api} + path), or straight to the service
 * that owns the path when no gateway runs, with a signed demo token of the acting persona (minted once per persona).
 * A 429 (the gateway's rate limit) is retried after its {@code Retry-After}, up to 5 attempts.
 */
final class SeedClient {

    private final DevStack stack;
    private final Progress progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> tokens = new LinkedHashMap<>();

    SeedClient(DevStack stack, Progress progress) {
        this.stack = stack;
        this.progress = progress;
    }

    /** Whether the stack runs {@code service}. */
    boolean running(String service) {
        ServiceSpec spec = stack.service(service).orElse(null);
        return spec != null && stack.runningServices().contains(spec);
    }

    HttpResponse<String> send(String method, String path, JsonNode body, Map<String, String> persona)
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
                    .method(method, HttpRequest.BodyPublishers.ofString(SeedScript.JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt == 5) {
                return response;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            progress.say("seed: %s %s answered 429 (rate limit), retrying in %d s", method, path, seconds);
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

    private String token(Map<String, String> persona) {
        return tokens.computeIfAbsent(persona.toString(), key -> {
            Map<String, String> claims = new LinkedHashMap<>(persona);
            String role = claims.remove("role");
            claims.putIfAbsent("sub", "devstack-seed");
            return stack.token(role, claims);
        });
    }
}
