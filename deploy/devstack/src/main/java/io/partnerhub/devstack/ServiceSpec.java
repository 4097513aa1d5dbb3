package io.partnerhub.devstack;

import java.nio.file.Path;
import java.util.List;

/** One service of the suite: its name, Maven module, HTTP port and database (null: none). */
public record ServiceSpec(String name, String module, int port, String database) {

    /** The five services with the ports and databases of the build contract. */
    public static List<ServiceSpec> suite() {
        return List.of(
                new ServiceSpec("gateway", "gateway", 8080, null),
                new ServiceSpec("exam-service", "exam-service", 8081, "exam"),
                new ServiceSpec("certification-service", "certification-service", 8082, "certification"),
                new ServiceSpec("competency-service", "competency-service", 8083, "competency"),
                new ServiceSpec("membership-service", "membership-service", 8084, "membership"));
    }

    /** The runnable jar the Quarkus build leaves in the module. */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
