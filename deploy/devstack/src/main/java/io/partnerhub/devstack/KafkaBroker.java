package io.partnerhub.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A single-node Kafka broker in KRaft mode (broker + controller in one process), run as a child JVM
 * with its own classpath (deploy/kafka-broker/target/broker-libs) so it cannot clash with the client jars
 * of whoever starts it. Its owner has it watched by a {@link Reaper}, so that it stops when the owner's JVM stops,
 * also when that JVM is killed.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path logFile;

    private KafkaBroker(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Launches the broker and returns at once; call {@link #awaitReady(Duration)} before using it.
     *
     * @param directory holds server.properties, log4j2.properties and data/ (kept if it exists)
     */
    public static KafkaBroker launch(Path directory, int port, int controllerPort, Path logFile, String maxHeap) {
        return launch(directory, new Node(1, port, controllerPort), List.of(), clusterId(), logFile, maxHeap);
    }

    /**
     * Launches one node of a cluster (see {@link KafkaCluster}) and returns at once. {@code voters} empty: a single node,
     * its own quorum; otherwise every node of a static KRaft quorum (this one among them), all formatted with the same
     * {@code clusterId}.
     */
    static KafkaBroker launch(Path directory, Node node, List<Node> voters, String clusterId, Path logFile, String maxHeap) {
        int port = node.port();
        try {
            Files.createDirectories(directory);
            Files.createDirectories(logFile.getParent());
            Path dataDir = directory.resolve("data").toAbsolutePath();
            Path serverProperties = directory.resolve("server.properties").toAbsolutePath();
            Files.writeString(serverProperties, voters.isEmpty() ? serverProperties(dataDir, port, node.controllerPort())
                    : clusterServerProperties(dataDir, node, voters), StandardCharsets.UTF_8);
            Path log4j = directory.resolve("log4j2.properties").toAbsolutePath();
            Files.writeString(log4j, LOG4J2, StandardCharsets.UTF_8);

            String classpath = classpath();
            // full tiered JIT (C2), unlike the services' -XX:TieredStopAtLevel=1 (issue #25): every event crosses the
            // broker twice (produce, fetch), and C1-only code made each acks=all produce cost more (devstack README:
            // broker CPU per record median 775 vs 575-730 us, ack p50 0.98-2.13 vs 0.61-1.03 ms, on the loaded machine)
            List<String> command = new ArrayList<>(List.of(javaExecutable(),
                    // the whole heap from the start, as Kafka's own kafka-server-start.sh does (-Xmx1G -Xms1G): grown on
                    // demand, the heap stepped up during a burst and the soak read it as growth (issue #26, +27 %)
                    "-Xms" + maxHeap, "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-Xshare:auto",
                    "-Djava.awt.headless=true",
                    "-Dlog4j2.configurationFile=" + log4j.toUri(),
                    "-Dkafka.logs.dir=" + logFile.getParent().toAbsolutePath(),
                    "-cp", classpath,
                    BrokerMain.class.getName(), serverProperties.toString(), "--format", clusterId));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().remove("KAFKA_OPTS");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            return new KafkaBroker(builder.start(), port, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch the Kafka broker", e);
        }
    }

    static String serverProperties(Path dataDir, int port, int controllerPort) {
        return String.join("\n",
                "# written by the PartnerHub devstack on every start",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir,
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=4",
                "num.recovery.threads.per.data.dir=1",
                "log.retention.hours=168",
                "delete.topic.enable=true",
                "");
    }

    /** One node of a cluster: its {@code node.id}, client port and controller port (all on localhost). */
    public record Node(int id, int port, int controllerPort) {
    }

    /**
     * A node of a replicated cluster (issue #26): broker and controller in one process, a static quorum of all nodes,
     * every topic replicated to three nodes (or all, if fewer) and {@code min.insync.replicas=2}, so that an acks=all
     * write survives the loss of any one node and is refused (not lost) when only one is left.
     */
    static String clusterServerProperties(Path dataDir, Node node, List<Node> voters) {
        int replication = Math.min(3, voters.size());
        int minInSync = replication >= 3 ? 2 : 1;
        String quorum = voters.stream().map(v -> v.id() + "@localhost:" + v.controllerPort()).collect(Collectors.joining(","));
        return String.join("\n",
                "# written by the PartnerHub devstack on every start: node " + node.id() + " of " + voters.size(),
                "process.roles=broker,controller",
                "node.id=" + node.id(),
                "controller.quorum.voters=" + quorum,
                "listeners=PLAINTEXT://localhost:" + node.port() + ",CONTROLLER://localhost:" + node.controllerPort(),
                "advertised.listeners=PLAINTEXT://localhost:" + node.port() + ",CONTROLLER://localhost:" + node.controllerPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dataDir,
                "num.partitions=3",
                "default.replication.factor=" + replication,
                "min.insync.replicas=" + minInSync,
                "unclean.leader.election.enable=false",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=" + replication,
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=" + replication,
                "transaction.state.log.min.isr=" + minInSync,
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=" + replication,
                "share.coordinator.state.topic.min.isr=" + minInSync,
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=4",
                "num.replica.fetchers=1",
                "num.recovery.threads.per.data.dir=1",
                "log.retention.hours=168",
                "delete.topic.enable=true",
                "");
    }

    private static final String LOG4J2 = String.join("\n",
            "status = warn",
            "appender.out.type = Console",
            "appender.out.name = STDOUT",
            "appender.out.layout.type = PatternLayout",
            "appender.out.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = warn",
            "rootLogger.appenderRef.out.ref = STDOUT",
            "logger.server.name = kafka.server.KafkaRaftServer",
            "logger.server.level = info",
            "logger.broker.name = kafka.server.BrokerServer",
            "logger.broker.level = info",
            "logger.controller.name = kafka.server.ControllerServer",
            "logger.controller.level = info",
            "");

    private static String classpath() {
        List<String> entries = RepoLayout.brokerJars(RepoLayout.brokerLibs()).stream()
                .map(p -> p.toAbsolutePath().toString()).collect(Collectors.toCollection(ArrayList::new));
        entries.add(Reaper.ownLocation());
        return String.join(File.pathSeparator, entries);
    }

    static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A random cluster id; never one starting with '-', which kafka-storage's parser would take for an option. */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] uuid = new byte[16];
        String id;
        do {
            random.nextBytes(uuid);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(uuid);
        } while (id.startsWith("-"));
        return id;
    }

    /** Waits until the broker answers a describeCluster; fails early (with its log) if the child exits. */
    public KafkaBroker awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The Kafka broker exited with code " + process.exitValue()
                            + "; its log " + logFile + " ends with:\n" + Processes.tail(logFile, 40));
                }
                try {
                    int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                            .get(3, TimeUnit.SECONDS).size();
                    if (nodes > 0) {
                        return this;
                    }
                } catch (Exception notYet) {
                    // keep polling
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The Kafka broker did not answer on " + bootstrapServers() + " within "
                            + timeout.toSeconds() + " s; its log " + logFile + " ends with:\n" + Processes.tail(logFile, 40));
                }
                Processes.pause(200, "the broker");
            }
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the broker: a clean shutdown (SIGTERM) for up to {@code grace}, then killed. */
    public void stop(Duration grace) {
        Processes.stop(process.toHandle(), grace);
    }

    /** Stops the broker with process id {@code pid} (clean shutdown for up to {@code grace}, then killed). */
    public static void stop(long pid, Duration grace) {
        ProcessHandle.of(pid).ifPresent(p -> Processes.stop(p, grace));
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
