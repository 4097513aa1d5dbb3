package io.partnerhub.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where things are in the repository: found by walking up from {@code user.dir} to the directory that
 * holds {@code deploy/kafka-broker}, so it works from the root and from any module's surefire JVM.
 */
public final class RepoLayout {

    /** Overrides the repository root: system property or environment variable. */
    public static final String ROOT_PROPERTY = "partnerhub.repo.root";
    public static final String ROOT_ENV = "PARTNERHUB_REPO_ROOT";
    /** Overrides the broker classpath directory (the jars of a Kafka 4.x broker). */
    public static final String BROKER_LIBS_PROPERTY = "partnerhub.kafka.broker-libs";
    public static final String BROKER_LIBS_ENV = "PARTNERHUB_KAFKA_BROKER_LIBS";

    private RepoLayout() {
    }

    public static Path root() {
        String configured = setting(ROOT_PROPERTY, ROOT_ENV);
        if (configured != null) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy").resolve("kafka-broker"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the PartnerHub repository root (a directory containing "
                + "deploy/kafka-broker) above " + start + "; set -D" + ROOT_PROPERTY + " or " + ROOT_ENV);
    }

    public static Path brokerLibs() {
        String configured = setting(BROKER_LIBS_PROPERTY, BROKER_LIBS_ENV);
        Path dir = configured != null ? Paths.get(configured).toAbsolutePath().normalize()
                : root().resolve("deploy/kafka-broker/target/broker-libs");
        if (brokerJars(dir).isEmpty()) {
            throw new IllegalStateException("No Kafka broker classpath in " + dir
                    + ": run `./mvnw -q -pl deploy/kafka-broker install` (or set -D" + BROKER_LIBS_PROPERTY + ")");
        }
        return dir;
    }

    static List<Path> brokerJars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted()
                    .collect(Collectors.toList());
            return jars.stream().anyMatch(j -> j.getFileName().toString().startsWith("kafka_2.13-")) ? jars : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
