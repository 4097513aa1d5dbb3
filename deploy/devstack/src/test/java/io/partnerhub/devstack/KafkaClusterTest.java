package io.partnerhub.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The replicated cluster's configuration and {@code deploy/run --brokers N} (issue #26), without starting a broker. */
class KafkaClusterTest {

    private static final List<KafkaBroker.Node> THREE = List.of(new KafkaBroker.Node(1, 19092, 19093),
            new KafkaBroker.Node(2, 19102, 19103), new KafkaBroker.Node(3, 19112, 19113));

    @Test
    void threeNodesReplicateEveryTopicThreeTimesAndNeedTwoInSyncReplicasForAWrite() {
        String properties = KafkaBroker.clusterServerProperties(Path.of("/data"), THREE.get(1), THREE);
        List<String> lines = properties.lines().toList();
        assertTrue(lines.contains("node.id=2"));
        assertTrue(lines.contains("controller.quorum.voters=1@localhost:19093,2@localhost:19103,3@localhost:19113"));
        assertTrue(lines.contains("listeners=PLAINTEXT://localhost:19102,CONTROLLER://localhost:19103"));
        for (String expected : List.of("default.replication.factor=3", "min.insync.replicas=2", "offsets.topic.replication.factor=3",
                "transaction.state.log.replication.factor=3", "transaction.state.log.min.isr=2", "unclean.leader.election.enable=false")) {
            assertTrue(lines.contains(expected), expected);
        }
    }

    @Test
    void aClusterOfTwoReplicatesTwiceAndAcceptsAWriteOnOneReplica() {
        List<String> lines = KafkaBroker.clusterServerProperties(Path.of("/data"), THREE.get(0), THREE.subList(0, 2)).lines().toList();
        assertTrue(lines.contains("default.replication.factor=2"));
        assertTrue(lines.contains("min.insync.replicas=1"));
    }

    @Test
    void nodesOfACommandLineClusterListenTenPortsApart() {
        assertEquals("localhost:19092,localhost:19102,localhost:19112", KafkaCluster.bootstrapServers(19092, 3));
        assertEquals(List.of(19092, 19093, 19102, 19103), KafkaCluster.ports(19092, 19093, 2).boxed().toList());
    }

    @Test
    void brokersOptionIsReadAndRemovedFromTheArguments() {
        List<String> args = new ArrayList<>(List.of("--fresh", "--brokers", "3", "--no-seed"));
        assertEquals(3, Launcher.brokers(args));
        assertEquals(List.of("--fresh", "--no-seed"), args);
        assertEquals(1, Launcher.brokers(new ArrayList<>(List.of("--fresh"))));
    }

    @Test
    void brokersOptionRefusesWhatIsNotOneToFive() {
        for (List<String> bad : List.of(List.of("--brokers"), List.of("--brokers", "0"), List.of("--brokers", "9"),
                List.of("--brokers", "three"), List.of("--brokers", "--fresh"))) {
            assertThrows(IllegalArgumentException.class, () -> Launcher.brokers(new ArrayList<>(bad)), bad.toString());
        }
    }
}
