package io.partnerhub.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The suite's Kafka: one node (the default, {@link KafkaBroker} as it always was) or a replicated KRaft cluster of
 * {@code n} nodes (issue #26, {@code deploy/run --brokers 3}), each broker and controller in one child JVM, node
 * {@code i} (1-based) on client port {@code port + 10(i-1)} and controller port {@code controllerPort + 10(i-1)}, data in
 * {@code <directory>/node-<i>}, log {@code kafka-<i>.log}. Every topic is replicated to three nodes with
 * {@code min.insync.replicas=2} ({@link KafkaBroker#clusterServerProperties}). A node can be SIGKILLed and started again
 * on the same ports and data ({@link #kill}, {@link #restart}): the fault drills of deploy/system-tests.
 */
public final class KafkaCluster {

    /** Ports of node {@code i} lie this far above those of node {@code i - 1}. */
    public static final int PORT_STEP = 10;

    private final Path directory;
    private final Path logDirectory;
    private final String maxHeap;
    private final String clusterId;
    private final List<KafkaBroker.Node> nodes;
    private final KafkaBroker[] brokers;

    private KafkaCluster(Path directory, Path logDirectory, String maxHeap, List<KafkaBroker.Node> nodes) {
        this.directory = directory;
        this.logDirectory = logDirectory;
        this.maxHeap = maxHeap;
        this.clusterId = KafkaBroker.clusterId();
        this.nodes = nodes;
        this.brokers = new KafkaBroker[nodes.size()];
    }

    /** Launches {@code size} nodes and returns at once; call {@link #awaitReady(Duration)} before using them. */
    public static KafkaCluster launch(Path directory, int size, int port, int controllerPort, Path logDirectory, String maxHeap) {
        if (size < 1 || size > 5) {
            throw new IllegalArgumentException("brokers must be 1 to 5, not " + size);
        }
        return launch(directory, IntStream.rangeClosed(1, size)
                .mapToObj(i -> new KafkaBroker.Node(i, port + PORT_STEP * (i - 1), controllerPort + PORT_STEP * (i - 1))).toList(),
                logDirectory, maxHeap);
    }

    /** Launches the given nodes (ids 1..n in order, any ports) and returns at once. */
    public static KafkaCluster launch(Path directory, List<KafkaBroker.Node> nodes, Path logDirectory, String maxHeap) {
        KafkaCluster cluster = new KafkaCluster(directory, logDirectory, maxHeap, nodes);
        for (KafkaBroker.Node node : nodes) {
            cluster.launch(node.id());
        }
        return cluster;
    }

    private KafkaBroker launch(int nodeId) {
        KafkaBroker.Node node = node(nodeId);
        KafkaBroker broker = size() == 1
                ? KafkaBroker.launch(directory, node.port(), node.controllerPort(), logDirectory.resolve("kafka.log"), maxHeap)
                : KafkaBroker.launch(directory.resolve("node-" + nodeId), node, nodes, clusterId,
                        logDirectory.resolve("kafka-" + nodeId + ".log"), maxHeap);
        brokers[nodeId - 1] = broker;
        return broker;
    }

    /** Waits until every node answers and sees all the others. */
    public KafkaCluster awaitReady(Duration timeout) {
        for (KafkaBroker broker : brokers) {
            broker.awaitReady(timeout);
        }
        if (size() > 1) {
            awaitNodes(size(), timeout);
        }
        return this;
    }

    /** Waits until the cluster has {@code count} live brokers. */
    public void awaitNodes(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get(3, TimeUnit.SECONDS)
                            .size() >= count) {
                        return;
                    }
                } catch (Exception notYet) {
                    // keep polling
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The Kafka cluster did not reach " + count + " live brokers within "
                            + timeout.toSeconds() + " s");
                }
                Processes.pause(200, "the brokers");
            }
        }
    }

    public int size() {
        return nodes.size();
    }

    /** Topics get this many replicas. */
    public int replicationFactor() {
        return Math.min(3, size());
    }

    /** Every node's client address, comma-separated (a client needs only one that answers). */
    public String bootstrapServers() {
        return nodes.stream().map(n -> "localhost:" + n.port()).collect(Collectors.joining(","));
    }

    /** The client addresses of a cluster of {@code size} nodes whose first listens on {@code port}. */
    public static String bootstrapServers(int port, int size) {
        return IntStream.range(0, size).mapToObj(n -> "localhost:" + (port + PORT_STEP * n)).collect(Collectors.joining(","));
    }

    /** The client and controller ports of a cluster of {@code size} nodes. */
    public static IntStream ports(int port, int controllerPort, int size) {
        return IntStream.range(0, size).flatMap(n -> IntStream.of(port + PORT_STEP * n, controllerPort + PORT_STEP * n));
    }

    public List<KafkaBroker.Node> nodes() {
        return nodes;
    }

    public KafkaBroker broker(int nodeId) {
        return brokers[node(nodeId).id() - 1];
    }

    /** The node id of the current leader of a topic's partition, if it has one. */
    public Optional<Integer> leader(String topic, int partition) {
        return partition(topic, partition).map(p -> p.leader() == null || p.leader().isEmpty() ? null : p.leader().id());
    }

    /** The node id of the active KRaft controller (the quorum's leader). */
    public int activeController() {
        try (Admin admin = admin()) {
            return admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe the metadata quorum", e);
        }
    }

    /** The in-sync replicas of a topic's partition (node ids). */
    public List<Integer> inSyncReplicas(String topic, int partition) {
        return partition(topic, partition).map(p -> p.isr().stream().map(org.apache.kafka.common.Node::id).toList())
                .orElse(List.of());
    }

    private Optional<TopicPartitionInfo> partition(String topic, int partition) {
        try (Admin admin = admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic);
            return description.partitions().stream().filter(p -> p.partition() == partition).findFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    /** SIGKILLs node {@code nodeId} (no clean shutdown: what a crashed machine does). */
    public void kill(int nodeId) {
        KafkaBroker broker = broker(nodeId);
        ProcessHandle.of(broker.pid()).ifPresent(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (broker.isAlive() && System.nanoTime() < deadline) {
            Processes.pause(50, "the killed broker");
        }
    }

    /** Starts node {@code nodeId} again on its ports and data (after {@link #kill}); returns once it answers. */
    public KafkaBroker restart(int nodeId, Duration timeout) {
        if (broker(nodeId).isAlive()) {
            throw new IllegalStateException("broker " + nodeId + " is still running");
        }
        return launch(nodeId).awaitReady(timeout);
    }

    private KafkaBroker.Node node(int nodeId) {
        if (nodeId < 1 || nodeId > nodes.size()) {
            throw new IllegalArgumentException("no broker " + nodeId + " (1.." + nodes.size() + ")");
        }
        return nodes.get(nodeId - 1);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
    }

    /** The brokers' pids, node by node (for the owner's reaper). */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        for (KafkaBroker broker : brokers) {
            pids.add(broker.pid());
        }
        return pids;
    }
}
