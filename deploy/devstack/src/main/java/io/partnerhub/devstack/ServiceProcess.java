package io.partnerhub.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A service running as {@code java -jar <module>/target/quarkus-app/quarkus-run.jar}, its output in a log file. */
public final class ServiceProcess {

    public static final String JAVA_OPTS_ENV = "PARTNERHUB_SERVICE_JAVA_OPTS";
    /** The AppCDS archive Quarkus writes next to quarkus-run.jar when built with {@code -Pappcds}. */
    public static final String APPCDS_ARCHIVE = "app-cds.jsa";
    /** {@code false} starts the services without their AppCDS archive (for comparing start-up). */
    public static final String APPCDS_SETTING = "partnerhub.service.appcds";
    public static final String APPCDS_ENV = "PARTNERHUB_SERVICE_APPCDS";
    /**
     * The AppCDS archive a training run of the service recorded: its own start-up against the devstack, its first
     * readiness checks and whatever it served until it stopped. It holds the classes of runtime start-up too (Flyway,
     * Hibernate ORM, Kafka and JDBC clients, health, JSON), which Quarkus' {@link #APPCDS_ARCHIVE}, recorded at build
     * time without a database or broker, cannot. Used in preference to it while newer than {@code quarkus-run.jar}.
     * {@code partnerhub.service.appcds=build} uses Quarkus' archive, {@code false} none.
     */
    public static final String TRAINED_ARCHIVE = "app-cds-trained.jsa";
    /** {@code true}: a service that has no current trained archive records one while it runs (written as it stops). */
    public static final String TRAINING_SETTING = "partnerhub.service.appcds-training";
    public static final String TRAINING_ENV = "PARTNERHUB_SERVICE_APPCDS_TRAINING";
    /** The exit value of a JVM ended by SIGKILL: a recording it was writing is not complete. */
    private static final int KILLED = 128 + 9;
    private static final String DEFAULT_JAVA_OPTS = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;
    private final long startedAt = System.nanoTime();
    /** Where this training run writes its archive at exit, or null when it is not one. */
    private final Path recording;
    /** The jar this process runs and when it was built: a recording of a jar rebuilt since is thrown away. */
    private final Path jar;
    private final FileTime jarBuilt;

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile, Path recording, Path jar, FileTime jarBuilt) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
        this.recording = recording;
        this.jar = jar;
        this.jarBuilt = jarBuilt;
    }

    static ServiceProcess launch(ServiceSpec spec, Path jar, Map<String, String> environment, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.deleteIfExists(logFile);
            List<String> command = new ArrayList<>();
            command.add(KafkaBroker.javaExecutable());
            String opts = RepoLayout.setting("partnerhub.service.java-opts", JAVA_OPTS_ENV);
            command.addAll(Arrays.asList((opts == null ? DEFAULT_JAVA_OPTS : opts).trim().split("\\s+")));
            Path dir = jar.toAbsolutePath().getParent();
            Path built = dir.resolve(APPCDS_ARCHIVE);
            Path trained = dir.resolve(TRAINED_ARCHIVE);
            String appcds = RepoLayout.setting(APPCDS_SETTING, APPCDS_ENV);
            boolean useArchive = !"false".equalsIgnoreCase(appcds);
            boolean buildArchiveOnly = "build".equalsIgnoreCase(appcds);
            Path recording = null;
            if (useArchive && !buildArchiveOnly && isCurrent(trained, jar)) {
                // -Xshare:auto: a JVM or jar other than the recording's makes the JVM ignore the archive, not fail
                command.add("-XX:SharedArchiveFile=" + trained);
                command.add("-Xshare:auto");
            } else if (useArchive && !buildArchiveOnly
                    && Boolean.parseBoolean(RepoLayout.setting(TRAINING_SETTING, TRAINING_ENV))) {
                deleteOldRecordings(dir);
                recording = dir.resolve(TRAINED_ARCHIVE + "." + UUID.randomUUID() + ".recording");
                command.add("-XX:ArchiveClassesAtExit=" + recording);
                command.add("-Xlog:cds=off"); // one warning per class it cannot archive, in the service's log
                command.add("-Xlog:cds+dynamic=off");
            } else if (useArchive && Files.exists(built)) { // built with -Pappcds; another JVM than the build's ignores it
                command.add("-XX:SharedArchiveFile=" + built);
                command.add("-Xshare:auto");
            }
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            // glibc's malloc gives each thread that allocates natively an arena of its own (up to 8 per core) and keeps
            // what the JIT's compiler arenas freed in them: the soak saw a service's RSS grow 26 MiB over 5 minutes
            // while everything the JVM tracks (NMT) stayed flat. Two arenas, as deploy/k8s sets it (issue #26).
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            builder.environment().putAll(environment);
            return new ServiceProcess(spec, builder.start(), logFile, recording, jar, Files.getLastModifiedTime(jar));
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
        keepRecording();
    }

    /** Recordings of training runs that never ended through {@link #stop} (their launcher was killed): ~90 MB each. */
    private static void deleteOldRecordings(Path dir) throws IOException {
        try (var files = Files.newDirectoryStream(dir, TRAINED_ARCHIVE + ".*.recording")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(java.time.Instant.now().minus(Duration.ofHours(1)))) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Whether {@code archive} exists and was written after {@code jar} (a rebuild makes it stale). */
    static boolean isCurrent(Path archive, Path jar) {
        try {
            return Files.size(archive) > 0
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * After a training run ended: its archive becomes the service's trained archive when the JVM exited on its own
     * (the archive is written on the way out; a SIGKILL leaves a partial file, which is deleted) and the jar was not
     * rebuilt meanwhile (the archive would look newer than the new jar while holding the old one's classes).
     */
    private void keepRecording() {
        if (recording == null || process.isAlive()) {
            return;
        }
        try {
            if (process.exitValue() != KILLED && Files.exists(recording) && Files.size(recording) > 0
                    && Files.getLastModifiedTime(jar).equals(jarBuilt)) {
                Files.move(recording, recording.resolveSibling(TRAINED_ARCHIVE), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recording);
            }
        } catch (IOException e) {
            System.err.println("[devstack] could not keep the AppCDS recording of " + spec.name() + ": " + e);
        }
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
        keepRecording();
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
