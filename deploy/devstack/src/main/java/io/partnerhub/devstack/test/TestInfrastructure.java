package io.partnerhub.devstack.test;

import io.partnerhub.devstack.Database;
import io.partnerhub.devstack.KafkaBroker;
import io.partnerhub.devstack.KafkaCluster;
import io.partnerhub.devstack.Processes;
import io.partnerhub.devstack.Reaper;
import io.partnerhub.devstack.SigningKeys;
import io.partnerhub.devstack.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One PostgreSQL, one Kafka broker and one signing key pair per test JVM.
 * <p>
 * Quarkus may load this class more than once in one JVM (a class loader per application start), so the
 * singletons are not kept in static fields: the facts (strings) live in JVM-wide system properties, the pipes in
 * {@link JvmWide}, and the start is
 * guarded by a lock on an interned string (one object per JVM whatever the class loader). Clean-up does
 * not depend on shutdown hooks of a class loader that may be closed by then: a {@link Reaper} child process
 * stops PostgreSQL and the broker and deletes the temporary directories when this JVM ends, however it ends.
 */
final class TestInfrastructure {

    private static final String LOCK = "io.partnerhub.devstack.test.TestInfrastructure.lock";
    private static final String PREFIX = "partnerhub.devstack.test.";
    static final String KEYS_DIR = PREFIX + "keys-dir";
    static final String POSTGRES_PORT = PREFIX + "postgres-port";
    static final String KAFKA_BOOTSTRAP = PREFIX + "kafka-bootstrap-servers";
    private static final String POSTGRES_DIR = PREFIX + "postgres-dir";
    private static final String POSTGRES_BIN = PREFIX + "postgres-bin";
    private static final String KAFKA_DIR = PREFIX + "kafka-dir";
    private static final String KAFKA_PORTS = PREFIX + "kafka-ports";
    private static final String KAFKA_PID = PREFIX + "kafka-pid";
    private static final String LOG_DIR = PREFIX + "log-dir";
    static final String BROKERS = "partnerhub.devstack.brokers";
    /** The pipe to the reaper: a JDK type, so every class loader can use it; kept in {@link JvmWide}. */
    private static final String REAPER_PIPE = PREFIX + "reaper-pipe";

    /**
     * {@code embedded} (default): PostgreSQL and the broker as local processes, no Docker. {@code containers}: the same
     * servers from Testcontainers ({@code ContainerInfrastructure}, compiled only by the Maven profile
     * {@code containers}, which also sets this property for the tests); never loaded otherwise.
     */
    static final String MODE = "partnerhub.devstack.infrastructure";
    private static final String CONTAINERS_CLASS = "io.partnerhub.devstack.test.ContainerInfrastructure";

    private TestInfrastructure() {
    }

    static boolean containers() {
        String mode = System.getProperty(MODE, System.getenv().getOrDefault("PARTNERHUB_DEVSTACK_INFRASTRUCTURE", "embedded"));
        return "containers".equals(mode.strip());
    }

    static Path keysDirectory() {
        synchronized (LOCK.intern()) {
            String dir = System.getProperty(KEYS_DIR);
            if (dir == null) {
                try {
                    Path keys = Files.createTempDirectory("partnerhub-test-keys-");
                    SigningKeys.loadOrGenerate(keys);
                    reaper().deleteAtExit(keys);
                    dir = keys.toString();
                    System.setProperty(KEYS_DIR, dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return Paths.get(dir);
        }
    }

    /** Starts PostgreSQL and the broker once per JVM; later calls return at once. */
    static void ensureStarted() {
        synchronized (LOCK.intern()) {
            if (System.getProperty(POSTGRES_PORT) != null) {
                return;
            }
            if (containers()) {
                startContainers();
                return;
            }
            long started = System.nanoTime();
            try {
                Path root = Files.createTempDirectory("partnerhub-test-infra-");
                Reaper.Handle reaper = reaper();
                reaper.deleteAtExit(root);
                Path logs = logDirectory(root);
                int kafkaPort = Processes.freePort();
                int controllerPort = Processes.freePort();
                int postgresPort = Processes.freePort();
                int brokers = brokers();
                if (brokers > 1) { // issue #26: a replicated cluster; stopBroker()/startBroker() are for one broker only
                    startCluster(root, logs, brokers, reaper, postgresPort, started);
                    return;
                }
                // the broker JVM boots while PostgreSQL initialises
                KafkaBroker broker = KafkaBroker.launch(root.resolve("kafka"), kafkaPort, controllerPort,
                        logs.resolve("kafka.log"), "384m");
                reaper.watch(broker.pid());
                Database database = Database.start(root.resolve("postgres"), postgresPort, true, logs.resolve("postgres.log"));
                reaper.watch(database.postmasterPid());
                broker.awaitReady(Duration.ofSeconds(90));
                Topics.create(broker.bootstrapServers(), Topics.all());
                System.setProperty(KAFKA_DIR, root.resolve("kafka").toString());
                System.setProperty(KAFKA_PORTS, kafkaPort + "," + controllerPort);
                System.setProperty(KAFKA_PID, Long.toString(broker.pid()));
                System.setProperty(POSTGRES_DIR, root.resolve("postgres").toString());
                System.setProperty(LOG_DIR, logs.toString());
                System.setProperty(KAFKA_BOOTSTRAP, broker.bootstrapServers());
                System.setProperty(POSTGRES_PORT, Integer.toString(database.port()));
                System.err.printf("[devstack] test infrastructure up in %d ms: PostgreSQL localhost:%d, Kafka %s, logs %s%n",
                        (System.nanoTime() - started) / 1_000_000, database.port(), broker.bootstrapServers(), logs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code partnerhub.devstack.brokers} / {@code PARTNERHUB_DEVSTACK_BROKERS}: Kafka nodes of the test JVM (default 1). */
    static int brokers() {
        String value = System.getProperty(BROKERS, System.getenv().getOrDefault("PARTNERHUB_DEVSTACK_BROKERS", "1")).strip();
        return value.isEmpty() ? 1 : Integer.parseInt(value);
    }

    /** A replicated KRaft cluster of {@code brokers} nodes on free ports (replication 3, min.insync.replicas 2). */
    private static void startCluster(Path root, Path logs, int brokers, Reaper.Handle reaper, int postgresPort, long started) {
        List<KafkaBroker.Node> nodes = new java.util.ArrayList<>();
        for (int id = 1; id <= brokers; id++) {
            nodes.add(new KafkaBroker.Node(id, Processes.freePort(), Processes.freePort()));
        }
        KafkaCluster cluster = KafkaCluster.launch(root.resolve("kafka"), nodes, logs, "256m");
        nodes.forEach(node -> reaper.watch(cluster.broker(node.id()).pid()));
        Database database = Database.start(root.resolve("postgres"), postgresPort, true, logs.resolve("postgres.log"));
        reaper.watch(database.postmasterPid());
        cluster.awaitReady(Duration.ofSeconds(120));
        Topics.create(cluster.bootstrapServers(), Topics.all(), cluster.replicationFactor());
        System.setProperty(POSTGRES_DIR, root.resolve("postgres").toString());
        System.setProperty(LOG_DIR, logs.toString());
        System.setProperty(KAFKA_BOOTSTRAP, cluster.bootstrapServers());
        System.setProperty(POSTGRES_PORT, Integer.toString(database.port()));
        System.err.printf("[devstack] test infrastructure up in %d ms: PostgreSQL localhost:%d, Kafka cluster %s, logs %s%n",
                (System.nanoTime() - started) / 1_000_000, database.port(), cluster.bootstrapServers(), logs);
    }

    /** PostgreSQL and Kafka from Testcontainers (Docker needed); the same facts as the embedded start records. */
    @SuppressWarnings("unchecked")
    private static void startContainers() {
        long started = System.nanoTime();
        Map<String, String> servers;
        try {
            Class<?> containers = Class.forName(CONTAINERS_CLASS, true, TestInfrastructure.class.getClassLoader());
            servers = (Map<String, String>) containers.getMethod("start").invoke(null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(MODE + "=containers needs deploy/devstack built with the Maven profile "
                    + "containers (./mvnw -Pcontainers ...): " + CONTAINERS_CLASS + " is not on the class path", e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("Testcontainers could not start PostgreSQL and Kafka (is Docker running?)",
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        System.setProperty(KAFKA_BOOTSTRAP, servers.get("kafka-bootstrap-servers"));
        System.setProperty(POSTGRES_PORT, servers.get("postgres-port"));
        System.err.printf("[devstack] test infrastructure from Testcontainers in %d ms: PostgreSQL localhost:%s, Kafka %s%n",
                (System.nanoTime() - started) / 1_000_000, servers.get("postgres-port"), servers.get("kafka-bootstrap-servers"));
    }

    /** Fault injection stops and restarts local processes; with containers the tests that use it are skipped. */
    private static void requireEmbedded(String what) {
        if (containers()) {
            throw new org.opentest4j.TestAbortedException(what + " needs the embedded devstack (the default, not -Pcontainers)");
        }
    }

    static int postgresPort() {
        ensureStarted();
        return Integer.parseInt(System.getProperty(POSTGRES_PORT));
    }

    static String kafkaBootstrapServers() {
        ensureStarted();
        return System.getProperty(KAFKA_BOOTSTRAP);
    }

    /** Stops PostgreSQL (fast shutdown), keeping its data directory and port for {@link #startPostgres()}. */
    static void stopPostgres() {
        requireEmbedded("stopping PostgreSQL");
        ensureStarted();
        synchronized (LOCK.intern()) {
            Path bin = Database.stop(Paths.get(System.getProperty(POSTGRES_DIR)), Duration.ofSeconds(30));
            System.setProperty(POSTGRES_BIN, bin.toString());
            System.err.println("[devstack] PostgreSQL stopped (test control)");
        }
    }

    /** Starts PostgreSQL again on the same port and data directory; returns when it accepts connections. */
    static void startPostgres() {
        requireEmbedded("starting PostgreSQL again");
        synchronized (LOCK.intern()) {
            String bin = System.getProperty(POSTGRES_BIN);
            if (bin == null) {
                throw new IllegalStateException("PostgreSQL was not stopped by stopPostgres()");
            }
            long pid = Database.restart(Paths.get(bin), Paths.get(System.getProperty(POSTGRES_DIR)), postgresPort(),
                    Paths.get(System.getProperty(LOG_DIR)).resolve("postgres.log"), Duration.ofSeconds(60));
            reaper().watch(pid);
            System.clearProperty(POSTGRES_BIN);
            System.err.println("[devstack] PostgreSQL started again (test control)");
        }
    }

    /** Stops the Kafka broker (clean shutdown), keeping its data directory and ports for {@link #startBroker()}. */
    static void stopBroker() {
        requireEmbedded("stopping the broker");
        ensureStarted();
        if (System.getProperty(KAFKA_PID) == null) {
            throw new IllegalStateException("stopBroker() stops a single broker; this JVM runs a cluster (" + BROKERS + ")");
        }
        synchronized (LOCK.intern()) {
            long pid = Long.parseLong(System.getProperty(KAFKA_PID));
            KafkaBroker.stop(pid, Duration.ofSeconds(15));
            reaper().forget(pid);
            System.err.println("[devstack] Kafka broker stopped (test control)");
        }
    }

    /** Starts the broker again on the same ports and data (its topics and committed offsets survive). */
    static void startBroker() {
        requireEmbedded("starting the broker again");
        synchronized (LOCK.intern()) {
            String[] ports = System.getProperty(KAFKA_PORTS).split(",");
            KafkaBroker broker = KafkaBroker.launch(Paths.get(System.getProperty(KAFKA_DIR)), Integer.parseInt(ports[0]),
                    Integer.parseInt(ports[1]), Paths.get(System.getProperty(LOG_DIR)).resolve("kafka.log"), "384m");
            reaper().watch(broker.pid());
            System.setProperty(KAFKA_PID, Long.toString(broker.pid()));
            broker.awaitReady(Duration.ofSeconds(90));
            System.err.println("[devstack] Kafka broker started again (test control)");
        }
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    static String database(String name) {
        int port = postgresPort();
        synchronized (LOCK.intern()) {
            Database.ensureDatabases(port, List.of(name));
        }
        return Database.jdbcUrl(port, name);
    }

    /** The module's name without {@code -service}: exam-service tests get database {@code exam}. */
    static String defaultDatabaseName() {
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath().getFileName();
        String name = dir == null ? "partnerhub" : dir.toString().toLowerCase(Locale.ROOT).replaceFirst("-service$", "");
        name = name.replaceAll("[^a-z0-9_]", "_");
        return Character.isLetter(name.charAt(0)) ? name : "db_" + name;
    }

    /** Called with the lock held. */
    private static Reaper.Handle reaper() {
        Object pipe = JvmWide.objects().get(REAPER_PIPE);
        if (pipe instanceof java.io.OutputStream commands) {
            return Reaper.Handle.attach(commands);
        }
        Reaper.Handle reaper = Reaper.Handle.launch(null);
        JvmWide.objects().put(REAPER_PIPE, reaper.commands());
        return reaper;
    }

    /** Logs go to the module's target/ so that they survive the run; data goes to the temp directory. */
    private static Path logDirectory(Path root) throws IOException {
        Path target = Paths.get(System.getProperty("user.dir"), "target");
        Path logs = Files.isDirectory(target) ? target.resolve("devstack-logs") : root.resolve("logs");
        Files.createDirectories(logs);
        return logs;
    }
}
