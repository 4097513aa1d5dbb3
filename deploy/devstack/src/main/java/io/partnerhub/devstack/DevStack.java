package io.partnerhub.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

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
 * The parts: {@link Infrastructure} (PostgreSQL, Kafka, keys), {@link ServiceFleet} (the services and more instances)
 * and {@link ChildProcesses}, the one owner of every child process: {@link #close()} (also run by a shutdown hook on
 * Ctrl-C/SIGTERM) stops them through it, and its {@link Reaper} does the same if this JVM dies without closing.
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
    private final int brokers;
    private final List<ServiceSpec> services;
    private final PrintStream out;
    private final Progress progress;
    private final ChildProcesses children;
    private final ServiceFleet fleet;

    private Infrastructure infrastructure;
    private SigningKeys keys;
    private Faults faults;

    private DevStack(Builder b) {
        this.root = b.root != null ? b.root : RepoLayout.root();
        this.home = (b.home != null ? b.home : this.root.resolve(".devstack")).toAbsolutePath().normalize();
        this.fresh = b.fresh;
        this.postgresPort = b.postgresPort;
        this.kafkaPort = b.kafkaPort;
        this.controllerPort = b.controllerPort;
        this.brokers = b.brokers;
        this.services = List.copyOf(b.services);
        this.out = b.out;
        this.progress = new Progress(b.out);
        this.children = new ChildProcesses(home, progress);
        this.fleet = new ServiceFleet(root, home, services, b.readyTimeout, b.requireAllServices, children, progress);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** PostgreSQL with the service databases, the broker with the topics, and the signing keys. */
    public synchronized DevStack startInfrastructure() {
        if (infrastructure != null) {
            return this;
        }
        children.closeAtShutdown();
        try {
            if (fresh) {
                children.stopStale();
                progress.say("--fresh: wiping %s", home);
                Processes.deleteRecursively(home);
            }
            Files.createDirectories(home.resolve("logs"));
            children.stopStale();
            ServiceFleet.checkPortsFree(IntStream.concat(IntStream.of(postgresPort),
                    KafkaCluster.ports(kafkaPort, controllerPort, brokers)).toArray());
            children.launchReaper(home.resolve("logs/reaper.log"));
            infrastructure = Infrastructure.start(home, postgresPort, kafkaPort, controllerPort, brokers, services, children,
                    progress);
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
    public DevStack startServices() {
        startInfrastructure();
        try {
            fleet.startAll(infrastructure);
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
        fleet.awaitReady(List.of(service));
        return service;
    }

    /** {@link #startInstance} without waiting for readiness (for measuring start-up). */
    public ServiceProcess launchInstance(String serviceName, int port, Map<String, String> extraEnvironment) {
        Infrastructure running;
        synchronized (this) {
            running = infrastructure;
        }
        if (running == null) {
            throw new IllegalStateException("start the infrastructure first");
        }
        return fleet.launchInstance(running, serviceName, port, extraEnvironment);
    }

    /** The running process of a service started by {@link #startServices()} (the first instance), if any. */
    public Optional<ServiceProcess> process(String serviceName) {
        return fleet.process(serviceName);
    }

    /** Stops an instance gracefully (SIGTERM, then SIGKILL after {@code grace}); it is no longer the stack's. */
    public void stopInstance(ServiceProcess instance, Duration grace) {
        fleet.stopInstance(instance, grace);
    }

    /** SIGKILLs an instance (see {@link ServiceProcess#kill()}); it is no longer the stack's. */
    public void kill(ServiceProcess instance) {
        fleet.kill(instance);
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
            keys = infrastructure != null ? infrastructure.keys() : SigningKeys.loadOrGenerate(home.resolve("keys"));
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

    /** Every broker's address (one broker: {@code localhost:19092}). */
    public String kafkaBootstrapServers() {
        return KafkaCluster.bootstrapServers(kafkaPort, brokers);
    }

    /** Fault injection (kill a broker, crash PostgreSQL) on the running infrastructure (see {@link Faults}). */
    public synchronized Faults faults() {
        Objects.requireNonNull(infrastructure, "the infrastructure is not running");
        return faults != null ? faults : (faults = new Faults(infrastructure, children, home, postgresPort));
    }

    /** The demo inbox page of the mail the suite sent (local demo; the infrastructure must be running). */
    public synchronized String mailInboxUrl() {
        return infrastructure == null ? null : infrastructure.inboxUrl();
    }

    /** The demo SMTP server's port (the infrastructure must be running; 0 before). */
    public synchronized int smtpPort() {
        return infrastructure == null ? 0 : infrastructure.smtpPort();
    }

    public List<ServiceSpec> services() {
        return services;
    }

    public Optional<ServiceSpec> service(String name) {
        return fleet.service(name);
    }

    /** Services started by {@link #startServices()} (those whose jar was built). */
    public List<ServiceSpec> runningServices() {
        return fleet.runningServices();
    }

    /** Stops the services, then the broker, then PostgreSQL (see {@link ChildProcesses}). Idempotent. */
    @Override
    public void close() {
        children.close();
    }

    public static final class Builder {
        private Path root;
        private Path home;
        private boolean fresh;
        private int postgresPort = POSTGRES_PORT;
        private int kafkaPort = KAFKA_PORT;
        private int controllerPort = CONTROLLER_PORT;
        private int brokers = 1;
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

        /** Kafka brokers: 1 (default) or a replicated KRaft cluster (3: replication factor 3, min.insync.replicas 2). */
        public Builder brokers(int brokers) {
            if (brokers < 1 || brokers > 5) {
                throw new IllegalArgumentException("brokers must be 1 to 5, not " + brokers);
            }
            this.brokers = brokers;
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
