package io.partnerhub.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The partner portal's persona picker, local demo only: a JSON list of {@code {label, role, org?, candidate?, token}}
 * for ops, the partner-admin of every organisation and one associated employee of each, signed with the devstack's
 * demo key. The gateway serves the file at {@code /dev/personas} because {@link DevStack} names it in
 * {@code PARTNERHUB_PORTAL_DEV_PERSONAS_FILE}; no real deployment sets that, so there the portal asks for a token.
 * Organisations and people are read over the membership API, so whatever the seed (or a user) created is offered.
 */
public final class PortalPersonas {

    /** Where the document lives under the devstack's home. */
    public static final String FILE = "portal/personas.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DevStack stack;
    private final PrintStream out;

    public PortalPersonas(DevStack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    public static Path file(Path devstackHome) {
        return devstackHome.resolve(FILE);
    }

    /** Writes the document now (atomically); returns the personas written. */
    public List<Map<String, String>> write() {
        List<Map<String, String>> personas = new ArrayList<>();
        personas.add(persona("ops (operations staff)", "ops", null, null, null));
        try {
            for (JsonNode org : read("/organizations?size=100")) {
                String orgId = org.path("id").asText();
                String name = org.path("name").asText(orgId);
                JsonNode users = read("/organizations/" + orgId + "/users?size=100");
                String adminEmail = null; // the partner-admin persona speaks for the organisation's first ADMIN account
                for (JsonNode user : users) {
                    if ("ACTIVE".equals(user.path("status").asText()) && "ADMIN".equals(user.path("role").asText())) {
                        adminEmail = user.path("email").asText(null);
                        break;
                    }
                }
                personas.add(persona("partner-admin of " + name, "partner-admin", orgId, null, adminEmail));
                for (JsonNode user : users) {
                    if ("ACTIVE".equals(user.path("status").asText()) && user.hasNonNull("candidateId")) {
                        personas.add(persona("employee " + user.path("name").asText() + " of " + name, "employee", orgId,
                                user.path("candidateId").asText(), null));
                        break;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            log("portal personas: organisations not read (%s); offering ops only", e.getMessage());
        }
        Path file = file(stack.home());
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling("personas.json.partial");
            JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), personas);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log("portal personas: cannot write %s: %s", file, e.getMessage());
        }
        return personas;
    }

    /**
     * Writes the document now and again every {@code period} (daemon thread), so that organisations created later
     * appear and the tokens (valid {@link DevStack#DEMO_TOKEN_LIFETIME}) never run out while the stack runs.
     */
    public void keepWriting(Duration period) {
        write();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portal-personas");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::write, period.toSeconds(), period.toSeconds(), TimeUnit.SECONDS);
    }

    private Map<String, String> persona(String label, String role, String org, String candidate, String email) {
        Map<String, String> claims = new LinkedHashMap<>();
        if (email != null) {
            claims.put("email", email); // #23: whose notification preferences the portal shows
        }
        if (org != null) {
            claims.put("org", org);
        }
        if (candidate != null) {
            claims.put("candidate", candidate);
        }
        Map<String, String> persona = new LinkedHashMap<>();
        persona.put("label", label);
        persona.put("role", role);
        persona.putAll(claims);
        persona.put("token", stack.token(role, claims));
        return persona;
    }

    private JsonNode read(String path) throws IOException {
        ServiceSpec membership = stack.service("membership-service").orElseThrow();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(membership.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + stack.token("ops", Map.of("sub", "devstack-portal")))
                            .header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void log(String format, Object... args) {
        if (out != null) {
            out.println("[devstack] " + String.format(format, args));
        }
    }
}
