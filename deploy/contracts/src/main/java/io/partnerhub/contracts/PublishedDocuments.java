package io.partnerhub.contracts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the published documents are in the source tree: each Quarkus module's OpenAPI document as its build wrote it
 * (quarkus.smallrye-openapi.store-schema-directory, root pom: target/openapi/openapi.json, the document /q/openapi
 * serves) and each service's AsyncAPI document as kept in its sources.
 */
public final class PublishedDocuments {

    /** Every module that serves an OpenAPI document. */
    public static final List<String> OPENAPI = List.of(
            "exam-service", "certification-service", "competency-service", "membership-service", "gateway");
    /** Every module that publishes events. */
    public static final List<String> ASYNCAPI = List.of(
            "exam-service", "certification-service", "competency-service", "membership-service");

    private final Path root;

    public PublishedDocuments(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The tree the build runs in (the surefire property partnerhub.root, else two folders up from the module). */
    public static PublishedDocuments ofThisBuild() {
        return new PublishedDocuments(Path.of(System.getProperty("partnerhub.root", "../..")));
    }

    public Path root() {
        return root;
    }

    public Path openApi(String module) {
        return existing(root.resolve(module).resolve("target/openapi/openapi.json"),
                "build " + module + " first (./mvnw -pl " + module + " -am package -DskipTests)");
    }

    public Path asyncApi(String module) {
        return existing(root.resolve(module).resolve("src/main/resources/asyncapi.yaml"), "every service keeps one");
    }

    public Path sources(String module) {
        return root.resolve(module).resolve("src/main/java");
    }

    private static Path existing(Path document, String hint) {
        if (!Files.isRegularFile(document)) {
            throw new IllegalStateException("no " + document + ": " + hint);
        }
        return document;
    }
}
