package io.partnerhub.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A service running as {@code java -jar <module>/target/quarkus-app/quarkus-run.jar}, its output in a log file. */
public final class ServiceProcess {

    public static final String JAVA_OPTS_ENV = "PARTNERHUB_SERVICE_JAVA_OPTS";
    /** The AppCDS archive Quarkus writes next to quarkus-run.jar when built with {@code -Pappcds}. */
    public static final String APPCDS_ARCHIVE = "app-cds.jsa";
    /** {@code false} starts the services without their AppCDS archive (for comparing start-up). */
    public static final String APPCDS_SETTING = "partnerhub.service.appcds";
    public static final String APPCDS_ENV = "PARTNERHUB_SERVICE_APPCDS";
    private static final String DEFAULT_JAVA_OPTS = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;
    private final long startedAt = System.nanoTime();

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
    }

    static ServiceProcess launch(ServiceSpec spec, Path jar, Map<String, String> environment, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.deleteIfExists(logFile);
            List<String> command = new ArrayList<>();
            command.add(KafkaBroker.javaExecutable());
            String opts = RepoLayout.setting("partnerhub.service.java-opts", JAVA_OPTS_ENV);
            command.addAll(Arrays.asList((opts == null ? DEFAULT_JAVA_OPTS : opts).trim().split("\\s+")));
            Path archive = jar.toAbsolutePath().getParent().resolve(APPCDS_ARCHIVE);
            boolean useArchive = !"false".equalsIgnoreCase(RepoLayout.setting(APPCDS_SETTING, APPCDS_ENV));
            if (useArchive && Files.exists(archive)) { // built with -Pappcds; another JVM than the build's ignores it
                command.add("-XX:SharedArchiveFile=" + archive);
                command.add("-Xshare:auto");
            }
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().putAll(environment);
            return new ServiceProcess(spec, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + spec.name(), e);
        }
    }

    /** Whether {@code /q/health/ready} answers UP. */
    boolean isReady(HttpClient http) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(spec.baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public ServiceSpec spec() {
        return spec;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    public Path logFile() {
        return logFile;
    }

    double secondsSinceStart() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    void stop(Duration grace) {
        Processes.stop(process.toHandle(), grace);
    }

    /**
     * SIGKILL, as a crashed machine or an OOM killer would: no shutdown hook runs, the consumer does not leave its
     * group, open transactions are left to PostgreSQL. Waits until the process is gone.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** CPU time (user + system) the process has used so far, in seconds; NaN where the OS does not tell. */
    public double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Resident memory (VmRSS from /proc) in KiB, or -1 where /proc is not available. */
    public long residentKib() {
        return Processes.residentKib(process.pid());
    }
}
