package io.partnerhub.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The whole suite on one machine: PostgreSQL, a Kafka broker, the topics, a signing key pair and the five
 * services as child processes. Used by {@link Launcher} ({@code deploy/run}) and by the system tests.
 * <pre>
 * try (DevStack stack = DevStack.builder().home(Path.of("target/devstack")).fresh(true).build()) {
 *     stack.startInfrastructure().startServices();
 *     String token = stack.token("ops", Map.of());
 *     ...
 * }
 * </pre>
 * Every child is stopped by {@link #close()} (also from a shutdown hook on Ctrl-C/SIGTERM), and by a
 * {@link Reaper} process if this JVM dies without running its hooks. Child pids are recorded in
 * {@code <home>/pids} and stale ones from a crashed run are stopped on the next start.
 */
public final class DevStack implements AutoCloseable {

    public static final int POSTGRES_PORT = 15432;
    public static final int KAFKA_PORT = 19092;
    public static final int CONTROLLER_PORT = 19093;
    public static final Duration DEMO_TOKEN_LIFETIME = Duration.ofHours(12);

    private final Path root;
    private final Path home;
    private final boolean fresh;
    private final int postgresPort;
    private final int kafkaPort;
    private final int controllerPort;
    private final List<ServiceSpec> services;
    private final Duration readyTimeout;
    private final PrintStream out;
    private final boolean requireAllServices;

    private Reaper.Handle reaper;
    private Database database;
    private KafkaBroker broker;
    private SigningKeys keys;
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private Thread shutdownHook;
    private volatile boolean closed;

    private DevStack(Builder b) {
        this.root = b.root != null ? b.root : RepoLayout.root();
        this.home = (b.home != null ? b.home : this.root.resolve(".devstack")).toAbsolutePath().normalize();
        this.fresh = b.fresh;
        this.postgresPort = b.postgresPort;
        this.kafkaPort = b.kafkaPort;
        this.controllerPort = b.controllerPort;
        this.services = List.copyOf(b.services);
        this.readyTimeout = b.readyTimeout;
        this.out = b.out;
        this.requireAllServices = b.requireAllServices;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** PostgreSQL with the service databases, the broker with the topics, and the signing keys. */
    public synchronized DevStack startInfrastructure() {
        if (database != null) {
            return this;
        }
        registerShutdownHook();
        try {
            if (fresh) {
                stopStaleProcesses();
                progress("--fresh: wiping %s", home);
                Processes.deleteRecursively(home);
            }
            Files.createDirectories(home.resolve("logs"));
            stopStaleProcesses();
            checkPortsFree(postgresPort, kafkaPort, controllerPort);
            reaper = Reaper.Handle.launch(home.resolve("logs/reaper.log"));
            keys = SigningKeys.loadOrGenerate(home.resolve("keys"));

            long started = System.nanoTime();
            progress("starting Kafka broker (KRaft) on localhost:%d ...", kafkaPort);
            broker = KafkaBroker.launch(home.resolve("kafka"), kafkaPort, controllerPort, home.resolve("logs/kafka.log"), "384m");
            record("kafka", broker.pid());
            progress("starting PostgreSQL on localhost:%d ...", postgresPort);
            database = Database.start(home.resolve("postgres"), postgresPort, false, home.resolve("logs/postgres.log"));
            record("postgres", database.postmasterPid());
            database.ensureDatabases(services.stream().map(ServiceSpec::database).filter(Objects::nonNull).toList());
            progress("PostgreSQL ready (databases %s)", services.stream().map(ServiceSpec::database)
                    .filter(Objects::nonNull).collect(Collectors.joining(", ")));
            broker.awaitReady(Duration.ofSeconds(120));
            Topics.create(broker.bootstrapServers(), Topics.all());
            progress("Kafka ready, topics %s (%.1f s)", String.join(", ", Topics.all()), seconds(started));
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts every service whose jar is built and waits until all answer {@code /q/health/ready} with UP. */
    public synchronized DevStack startServices() {
        startInfrastructure();
        try {
            List<ServiceSpec> missing = services.stream().filter(s -> !Files.exists(s.jar(root))).toList();
            if (!missing.isEmpty()) {
                String names = missing.stream().map(s -> s.name() + " (" + root.relativize(s.jar(root)) + ")")
                        .collect(Collectors.joining(", "));
                if (requireAllServices) {
                    throw new IllegalStateException("Not built: " + names + ". Run ./mvnw install -DskipTests first.");
                }
                progress("WARNING: not built, not started: %s", names);
            }
            checkPortsFree(services.stream().filter(s -> !missing.contains(s)).mapToInt(ServiceSpec::port).toArray());
            for (ServiceSpec spec : services) {
                if (missing.contains(spec)) {
                    continue;
                }
                ServiceProcess service = ServiceProcess.launch(spec, spec.jar(root), environment(spec),
                        home.resolve("logs").resolve(spec.name() + ".log"));
                running.put(spec.name(), service);
                record(spec.name(), service.pid());
                progress("starting %-22s on :%d (pid %d, log %s)", spec.name(), spec.port(), service.pid(),
                        root.relativize(service.logFile()).toString().startsWith("..") ? service.logFile() : root.relativize(service.logFile()));
            }
            awaitReady(running.values());
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts one more instance of a service on {@code port}: the same database, Kafka consumer groups, keys and
     * settings as the first (plus {@code extraEnvironment}, e.g. a shorter sweep interval), its log in
     * {@code logs/<name>-<port>.log}; returns once it answers ready. {@link #close()} stops it with the others; stop it
     * earlier with {@link #stopInstance} or {@link #kill}. The suite's infrastructure must be running.
     */
    public ServiceProcess startInstance(String serviceName, int port, Map<String, String> extraEnvironment) {
        ServiceProcess service = launchInstance(serviceName, port, extraEnvironment);
        awaitReady(List.of(service));
        return service;
    }

    /** {@link #startInstance} without waiting for readiness (for measuring start-up). */
    public synchronized ServiceProcess launchInstance(String serviceName, int port, Map<String, String> extraEnvironment) {
        if (database == null || broker == null) {
            throw new IllegalStateException("start the infrastructure first");
        }
        ServiceSpec first = service(serviceName).orElseThrow(() -> new IllegalArgumentException("no service " + serviceName));
        String key = serviceName + "@" + port;
        ServiceProcess previous = running.get(key);
        if (previous != null && previous.isAlive()) {
            throw new IllegalStateException(key + " is already running (pid " + previous.pid() + ")");
        }
        checkPortsFree(port);
        ServiceSpec spec = new ServiceSpec(first.name(), first.module(), port, first.database());
        Map<String, String> env = environment(spec);
        env.putAll(extraEnvironment);
        ServiceProcess service = ServiceProcess.launch(spec, spec.jar(root), env,
                home.resolve("logs").resolve(serviceName + "-" + port + ".log"));
        running.put(key, service);
        record(key, service.pid());
        progress("starting %-22s on :%d (pid %d, another instance)", serviceName, port, service.pid());
        return service;
    }

    /** The running process of a service started by {@link #startServices()} (the first instance), if any. */
    public synchronized Optional<ServiceProcess> process(String serviceName) {
        return Optional.ofNullable(running.get(serviceName));
    }

    /** Stops an instance gracefully (SIGTERM, then SIGKILL after {@code grace}); it is no longer the stack's. */
    public synchronized void stopInstance(ServiceProcess instance, Duration grace) {
        running.values().remove(instance);
        instance.stop(grace);
        progress("stopped  %-22s on :%d (pid %d)", instance.spec().name(), instance.spec().port(), instance.pid());
    }

    /** SIGKILLs an instance (see {@link ServiceProcess#kill()}); it is no longer the stack's. */
    public synchronized void kill(ServiceProcess instance) {
        running.values().remove(instance);
        instance.kill();
        progress("killed   %-22s on :%d (pid %d, SIGKILL)", instance.spec().name(), instance.spec().port(), instance.pid());
    }

    private void awaitReady(java.util.Collection<ServiceProcess> instances) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<ServiceProcess> waiting = new ArrayList<>(instances);
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw failure(service, service.spec().name() + " exited with code " + service.exitValue());
                }
                if (service.isReady(http)) {
                    waiting.remove(service);
                    progress("ready    %-22s %s (%.1f s)", service.spec().name(), service.spec().baseUrl(), service.secondsSinceStart());
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw failure(waiting.get(0), waiting.stream().map(s -> s.spec().name()).collect(Collectors.joining(", "))
                        + " not ready within " + readyTimeout.toSeconds() + " s");
            }
            sleep(500);
        }
    }

    private IllegalStateException failure(ServiceProcess service, String message) {
        String text = message + "\n  " + service.logFile() + " ends with:\n" + Processes.tail(service.logFile(), 40);
        progress("FAILED: %s", text);
        return new IllegalStateException(text);
    }

    /** The environment the services get (DESIGN §2, contract): infrastructure, key, adjustable clock. */
    private Map<String, String> environment(ServiceSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
        if (spec.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(spec.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", Database.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", Database.PASSWORD);
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toString());
        env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
        env.put("PARTNERHUB_CLOCK_ADJUSTABLE", "true");
        if ("gateway".equals(spec.name())) {
            // the portal's persona picker (local demo only, see PortalPersonas): the gateway serves this file at /dev/personas
            env.put("PARTNERHUB_PORTAL_DEV_PERSONAS_FILE", PortalPersonas.file(home).toString());
            // one demo token drives system tests, demo seeding and benchmarks: budgets no test run reaches
            // (the limiter itself is tested with small budgets in the gateway's own tests and GatewaySecurityMatrixIT)
            for (String budget : List.of("READS", "WRITES", "RESULTS")) {
                env.put("PARTNERHUB_GATEWAY_RATE_LIMITS_" + budget + "_QUOTA", "1000000");
                env.put("PARTNERHUB_GATEWAY_RATE_LIMITS_" + budget + "_WINDOW", "1s");
            }
        }
        if ("certification-service".equals(spec.name())) {
            // badges are signed with their own key pair (local demo material, generated once, never committed)
            SigningKeys.loadOrGenerate(home.resolve("badge-keys"));
            env.put("PARTNERHUB_CERTIFICATION_BADGES_SIGNING_KEY_LOCATION",
                    home.resolve("badge-keys").resolve(SigningKeys.PRIVATE_KEY_FILE).toAbsolutePath().toString());
            env.put("PARTNERHUB_CERTIFICATION_BADGES_SIGNING_KEY_ID", "devstack-badge-1");
            env.put("PARTNERHUB_CERTIFICATION_PUBLIC_BASE_URL", "http://localhost:8080/api");
            // the demo clock jumps: let expiries follow within seconds, as in the %dev profile
            env.put("PARTNERHUB_CERTIFICATION_SWEEP_INTERVAL", "5s");
        }
        // time-driven rules follow a clock jump within seconds (the %dev profiles' 5 s, shorter for the journeys):
        // exam-service releases beta scores, competency-service handles valid-until, expiries entering the at-risk
        // horizon and requirement versions taking effect
        if ("exam-service".equals(spec.name())) {
            env.put("PARTNERHUB_EXAM_SWEEP_INTERVAL", "2s");
        }
        if ("competency-service".equals(spec.name())) {
            env.put("PARTNERHUB_COMPETENCY_SWEEP_INTERVAL", "2s");
        }
        return env;
    }

    /** POSTs the demo data of a seed file (see {@link Seeder}) with an ops token. */
    public Seeder.Report seed(String classpathResource) {
        return new Seeder(this, out).run(classpathResource);
    }

    /** The portal's demo personas document (see {@link PortalPersonas}), written from the organisations there are now. */
    public PortalPersonas portalPersonas() {
        return new PortalPersonas(this, out);
    }

    /** A signed token for a demo persona, valid {@link #DEMO_TOKEN_LIFETIME}. */
    public String token(String role, Map<String, String> claims) {
        return new Tokens(keys().privateKey(), DEMO_TOKEN_LIFETIME).mint(role, claims);
    }

    /** The signing keys in {@code <home>/keys}, generated on first use (no other infrastructure needed). */
    public synchronized SigningKeys keys() {
        if (keys == null) {
            keys = SigningKeys.loadOrGenerate(home.resolve("keys"));
        }
        return keys;
    }

    public Path home() {
        return home;
    }

    public Path repoRoot() {
        return root;
    }

    public String jdbcUrl(String databaseName) {
        return Database.jdbcUrl(postgresPort, databaseName);
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public List<ServiceSpec> services() {
        return services;
    }

    public Optional<ServiceSpec> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Services started by {@link #startServices()} (those whose jar was built). */
    public List<ServiceSpec> runningServices() {
        return running.values().stream().map(ServiceProcess::spec).toList();
    }

    /** Stops the services, then the broker, then PostgreSQL. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!running.isEmpty()) {
            progress("stopping services ...");
            List<Thread> stoppers = new ArrayList<>();
            for (ServiceProcess service : running.values()) {
                Thread t = new Thread(() -> service.stop(Duration.ofSeconds(15)), "stop-" + service.spec().name());
                t.start();
                stoppers.add(t);
            }
            for (Thread t : stoppers) {
                join(t);
            }
        }
        if (broker != null) {
            progress("stopping Kafka broker ...");
            broker.stop(Duration.ofSeconds(20));
        }
        if (database != null) {
            progress("stopping PostgreSQL ...");
            try {
                database.close();
            } catch (RuntimeException e) {
                progress("WARNING: PostgreSQL did not stop cleanly: %s", e.getMessage());
            }
        }
        if (reaper != null) {
            reaper.reapNow(20);
        }
        try {
            Files.deleteIfExists(home.resolve("pids"));
        } catch (IOException ignored) {
            // stale entries are checked before they are used
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // fine
            }
        }
        progress("stopped");
    }

    private void registerShutdownHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::close, "devstack-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private void record(String name, long pid) {
        pids.put(name, pid);
        if (reaper != null && pid > 0) {
            reaper.watch(pid);
        }
        StringBuilder text = new StringBuilder();
        pids.forEach((n, p) -> text.append(n).append(' ').append(p).append('\n'));
        try {
            Files.writeString(home.resolve("pids"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            progress("WARNING: cannot write %s: %s", home.resolve("pids"), e.getMessage());
        }
    }

    /** Stops what a previous run that crashed left behind (pids file, PostgreSQL's own postmaster.pid). */
    private void stopStaleProcesses() throws IOException {
        List<Long> stale = new ArrayList<>();
        Path pidFile = home.resolve("pids");
        if (Files.exists(pidFile)) {
            for (String line : Files.readAllLines(pidFile)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2) {
                    try {
                        stale.add(Long.parseLong(parts[1]));
                    } catch (NumberFormatException ignored) {
                        // not ours
                    }
                }
            }
        }
        Path postmasterPid = home.resolve("postgres/postmaster.pid");
        if (Files.exists(postmasterPid)) {
            try {
                stale.add(Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim()));
            } catch (RuntimeException ignored) {
                // unreadable: PostgreSQL sorts it out
            }
        }
        for (long pid : stale) {
            Processes.liveDevstackProcess(pid).ifPresent(p -> {
                progress("stopping stale process %d from a previous run (%s)", pid, p.info().command().orElse("?"));
                if (p.info().command().orElse("").endsWith("/postgres")) {
                    try {
                        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
                    } catch (Exception e) {
                        p.destroy();
                    }
                    Processes.stop(p, Duration.ofSeconds(15));
                } else {
                    Processes.stop(p, Duration.ofSeconds(15));
                }
            });
        }
        Files.deleteIfExists(pidFile);
    }

    private void checkPortsFree(int... ports) {
        for (int port : ports) {
            if (Processes.portInUse(port)) {
                throw new IllegalStateException("Port " + port + " is in use. Is another `deploy/run` (or a service in "
                        + "quarkus:dev) running? Stop it first.");
            }
        }
    }

    private void progress(String format, Object... args) {
        if (out != null) {
            out.println("[devstack] " + String.format(format, args));
            out.flush();
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static final class Builder {
        private Path root;
        private Path home;
        private boolean fresh;
        private int postgresPort = POSTGRES_PORT;
        private int kafkaPort = KAFKA_PORT;
        private int controllerPort = CONTROLLER_PORT;
        private List<ServiceSpec> services = ServiceSpec.suite();
        private Duration readyTimeout = Duration.ofSeconds(180);
        private PrintStream out = System.out;
        private boolean requireAllServices;

        /** The repository root (default: found from user.dir, see {@link RepoLayout}). */
        public Builder root(Path root) {
            this.root = root;
            return this;
        }

        /** Where data, logs, keys and pids live (default {@code <root>/.devstack}). */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        /** Wipe {@code home} before starting. */
        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        public Builder ports(int postgres, int kafka, int controller) {
            this.postgresPort = postgres;
            this.kafkaPort = kafka;
            this.controllerPort = controller;
            return this;
        }

        public Builder services(List<ServiceSpec> services) {
            this.services = services;
            return this;
        }

        public Builder readyTimeout(Duration readyTimeout) {
            this.readyTimeout = readyTimeout;
            return this;
        }

        /** Progress lines go here (null: silent). */
        public Builder out(PrintStream out) {
            this.out = out;
            return this;
        }

        /** Fail instead of skipping services whose jar is not built. */
        public Builder requireAllServices(boolean require) {
            this.requireAllServices = require;
            return this;
        }

        public DevStack build() {
            return new DevStack(this);
        }
    }
}
