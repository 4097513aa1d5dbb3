package io.partnerhub.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A misspelt environment variable is no schema error: the service would silently ignore it. Every variable a
 * Deployment sets must be one the service reads: a {@code PARTNERHUB_*} one must spell a property of a
 * {@code @ConfigMapping} of the service or the chassis (MicroProfile Config's environment form: upper case, dots and
 * dashes as underscores, camelCase methods as kebab-case), any other one must be in {@link #STANDARD}.
 */
final class Settings {

    /** Quarkus / MicroProfile / JVM / glibc settings the manifests use (their names are the frameworks'). */
    static final Set<String> STANDARD = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "MP_JWT_VERIFY_ISSUER", "JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX", "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING",
            "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT", "QUARKUS_MAILER_USERNAME",
            "QUARKUS_MAILER_PASSWORD", "QUARKUS_MAILER_FROM", "QUARKUS_MAILER_START_TLS");

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
    private static final Pattern METHOD = Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\(\\);");

    private Settings() {
    }

    /** Problems: "deployment: VARIABLE" for each variable no code reads. */
    static List<String> unknown(List<JsonNode> objects, Path repoRoot) {
        Map<String, JsonNode> configMaps = new HashMap<>();
        Manifests.ofKind(objects, "ConfigMap").forEach(c -> configMaps.put(Manifests.name(c), c.path("data")));
        List<String> problems = new ArrayList<>();
        Manifests.ofKind(objects, "Deployment").forEach(d -> {
            String name = Manifests.name(d);
            Map<String, Set<String>> mappings = mappings(repoRoot, name);
            Set<String> variables = new LinkedHashSet<>();
            JsonNode container = d.path("spec").path("template").path("spec").path("containers").get(0);
            container.path("envFrom").forEach(e -> {
                JsonNode data = configMaps.get(e.path("configMapRef").path("name").asText());
                if (data != null) {
                    data.fieldNames().forEachRemaining(variables::add);
                }
            });
            container.path("env").forEach(e -> variables.add(e.path("name").asText()));
            for (String variable : variables) {
                if (!STANDARD.contains(variable) && !readByAMapping(variable, mappings)) {
                    problems.add(name + ": " + variable + " is read by nothing (no @ConfigMapping property of that name)");
                }
            }
        });
        return problems;
    }

    private static boolean readByAMapping(String variable, Map<String, Set<String>> mappings) {
        for (Map.Entry<String, Set<String>> mapping : mappings.entrySet()) {
            String prefix = envForm(mapping.getKey()) + "_";
            if (variable.startsWith(prefix) && segments(variable.substring(prefix.length()), mapping.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code rest} is a chain of the methods' environment forms joined by underscores. */
    private static boolean segments(String rest, Set<String> methods) {
        for (String method : methods) {
            String form = envForm(method.replaceAll("([a-z0-9])([A-Z])", "$1-$2"));
            if (rest.equals(form) || rest.startsWith(form + "_") && segments(rest.substring(form.length() + 1), methods)) {
                return true;
            }
        }
        return false;
    }

    private static String envForm(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** prefix -> method names of each @ConfigMapping interface in the service's and the chassis' main sources. */
    private static Map<String, Set<String>> mappings(Path repoRoot, String module) {
        Map<String, Set<String>> mappings = new HashMap<>();
        for (Path sources : List.of(repoRoot.resolve(module).resolve("src/main/java"), repoRoot.resolve("chassis/web/src/main/java"),
                repoRoot.resolve("chassis/data/src/main/java"))) {
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    Matcher prefix = MAPPING.matcher(text);
                    if (prefix.find()) {
                        Set<String> methods = mappings.computeIfAbsent(prefix.group(1), p -> new LinkedHashSet<>());
                        Matcher method = METHOD.matcher(text);
                        while (method.find()) {
                            methods.add(method.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mappings;
    }
}
