package io.partnerhub.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The check fails on a mistake: a copy of deploy/k8s with one typo, built by Kustomize and checked like the real one,
 * yields exactly one problem, naming the object and the field. One case per schema source (Kubernetes core,
 * Strimzi, CloudNativePG) and per kind of mistake (misspelt field, wrong type, unknown enum value).
 */
class ManifestsTypoTest {

    private static Kustomize kustomize;

    @TempDir
    Path copy;

    @BeforeAll
    static void locateKustomize() {
        kustomize = Kustomize.locate();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            base/services/exam-service.yaml | readinessProbe:       | readynessProbe:      | prod | apps/v1/Deployment exam-service           | readynessProbe
            base/services/gateway.yaml      | containerPort: 8080   | containerPort: '8080' | dev  | apps/v1/Deployment gateway                | containerPort
            base/network/policies.yaml      | protocol: UDP         | protocl: UDP         | dev  | networking.k8s.io/v1/NetworkPolicy gateway | protocl
            overlays/prod/hpa.yaml          | minReplicas: 3        | minReplica: 3        | prod | HorizontalPodAutoscaler certification-service | minReplica
            base/kafka/topics.yaml          | partitions: 12        | partitions: twelve   | prod | kafka.strimzi.io/v1/KafkaTopic exam-events | partitions
            base/kafka/kafka.yaml           | port: 9092            | port: '9092'         | prod | kafka.strimzi.io/v1/Kafka partnerhub       | port
            base/kafka/kafka.yaml           | roles:                | role:                | dev  | kafka.strimzi.io/v1/KafkaNodePool controller | role
            base/postgres/clusters.yaml     | max_connections: "200" | max_connections: 200 | prod | postgresql.cnpg.io/v1/Cluster exam-db      | max_connections
            base/postgres/clusters.yaml     | instances: 3          | instance: 3          | prod | postgresql.cnpg.io/v1/Cluster exam-db      | instance
            base/postgres/clusters.yaml     | primaryUpdateStrategy: unsupervised | primaryUpdateStrategy: unsupervized | dev | postgresql.cnpg.io/v1/Cluster exam-db | unsupervized
            """)
    void aTypoFailsTheCheck(String file, String original, String typo, String overlay, String object, String field) {
        copyManifests();
        Path target = copy.resolve(file);
        try {
            String text = Files.readString(target);
            String broken = text.replaceFirst(java.util.regex.Pattern.quote(original), java.util.regex.Matcher.quoteReplacement(typo));
            assertNotEquals(text, broken, original + " not found in " + file);
            Files.writeString(target, broken);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = Manifests.render(kustomize, copy.resolve("overlays").resolve(overlay)).stream()
                .flatMap(o -> Schemas.problems(o).stream()).toList();
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains(object) && problems.get(0).contains(field), problems.get(0));
    }

    @Test
    void theUnchangedCopyHasNoProblems() {
        copyManifests();
        for (String overlay : List.of("dev", "prod")) {
            assertEquals(List.of(), Manifests.render(kustomize, copy.resolve("overlays").resolve(overlay)).stream()
                    .flatMap(o -> Schemas.problems(o).stream()).toList());
        }
    }

    @Test
    void aMisspeltSettingFailsTheCheck() throws IOException {
        copyManifests();
        Path kustomization = copy.resolve("base/kustomization.yaml");
        String text = Files.readString(kustomization);
        Files.writeString(kustomization, text.replace("PARTNERHUB_CERTIFICATION_BADGES_SIGNING_KEY_ID=",
                "PARTNERHUB_CERTIFICATION_BADGES_SIGNING_KEYID="));
        assertEquals(List.of("certification-service: PARTNERHUB_CERTIFICATION_BADGES_SIGNING_KEYID is read by nothing "
                + "(no @ConfigMapping property of that name)"),
                Settings.unknown(Manifests.render(kustomize, copy.resolve("overlays/prod")), Manifests.REPO_ROOT));
    }

    @Test
    void aBrokenKustomizationFailsTheBuild() throws IOException {
        copyManifests();
        Path kustomization = copy.resolve("overlays/prod/kustomization.yaml");
        Files.writeString(kustomization, Files.readString(kustomization).replace("  - hpa.yaml", "  - hpa.yml"));
        assertThrows(Kustomize.KustomizeFailed.class, () -> kustomize.build(copy.resolve("overlays/prod")));
    }

    @Test
    void aKindWithoutASchemaIsAProblem() {
        List<String> problems = Schemas.problems(Manifests.parse("""
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: nightly
                """).get(0));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("no schema for batch/v1/CronJob"), problems.get(0));
    }

    private void copyManifests() {
        for (String dir : List.of("base", "overlays")) {
            Path from = Manifests.DIR.resolve(dir);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path source : files.toList()) {
                    Path destination = copy.resolve(dir).resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
