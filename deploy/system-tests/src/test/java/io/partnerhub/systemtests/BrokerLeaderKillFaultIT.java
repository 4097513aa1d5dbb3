package io.partnerhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.partnerhub.devstack.DevStack;
import io.partnerhub.devstack.Faults;
import io.partnerhub.devstack.KafkaCluster;
import io.partnerhub.devstack.Topics;

/**
 * The leader kill drill (issue #26; {@code -Pfaults}, a 3-node KRaft cluster, replication factor 3,
 * {@code min.insync.replicas=2}): while exam results flow through the gateway, the leader of exam-events' partition 0
 * is SIGKILLed; it stays dead for a while, then starts again on its data and must catch up (back in the in-sync replicas
 * of every partition). Every result that got its 201 reaches the competency status exactly once, counted by the
 * causing event's id at the end of the chain ({@link DrillTally}); the relays keep their order; nothing is
 * dead-lettered. Prints the figures; asserts no duration.
 */
@ExtendWith(RunningSuite.class)
@Order(1)
class BrokerLeaderKillFaultIT {

    private static final int RESULTS = Integer.getInteger("partnerhub.faults.results", 200);
    private static final Duration PERIOD = Duration.ofSeconds(Integer.getInteger("partnerhub.faults.seconds", 40));
    private static final String TOPIC = "exam-events";

    @AfterEach
    void realTime() {
        Programme.resetClock();
    }

    @Test
    void everyAcknowledgedResultReachesTheCompetencyStatusExactlyOnceWhenAPartitionLeaderIsKilled() throws Exception {
        DevStack stack = RunningSuite.stack();
        Faults faults = stack.faults();
        KafkaCluster kafka = faults.kafka();
        assertThat(kafka.size()).as("brokers (run with -Pfaults: 3)").isGreaterThanOrEqualTo(3);
        int[] incidentsBefore = DrillTally.incidents(stack);
        FaultDrill drill = FaultDrill.prepare("LK", RESULTS);

        long start = System.nanoTime();
        drill.start(PERIOD, 2);
        drill.awaitPosted(RESULTS / 4);
        int leader = kafka.leader(TOPIC, 0).orElseThrow();
        int controller = kafka.activeController();
        int postedAtKill = drill.postedSoFar();
        long killed = System.nanoTime();
        faults.killBroker(leader);
        Optional<Integer> newLeader = awaitNewLeader(kafka, leader, Duration.ofSeconds(60));
        long elected = System.nanoTime();
        drill.awaitPosted(RESULTS * 3 / 4); // half of the results flow without the killed broker
        int postedAtRestart = drill.postedSoFar();
        long restarting = System.nanoTime();
        faults.restartBroker(leader, Duration.ofSeconds(120));
        long restarted = System.nanoTime();
        boolean caughtUp = awaitCaughtUp(kafka, Duration.ofSeconds(180));
        long inSync = System.nanoTime();
        List<FaultDrill.Posted> posted = drill.finish();
        long lastPosted = System.nanoTime();

        DrillTally tally = DrillTally.await(stack, drill, posted, Duration.ofSeconds(180));
        int[] incidentsAfter = DrillTally.incidents(stack);
        int[] examOrder = DrillTally.relayOrder(stack, "exam-events", "exam", tally.examEventIds);
        int[] certificationOrder = DrillTally.relayOrder(stack, "certification-events", "certification", tally.earnedEventIds);

        new DrillReport("Fault drill: kill -9 of a partition leader (" + kafka.size() + " brokers, replication "
                + kafka.replicationFactor() + ", min.insync.replicas 2)")
                .line("  %d results posted through the gateway over %.0f s by 2 clients; broker %d (leader of %s-0) killed after"
                        + " %d, started again after %d", posted.size(), DrillReport.seconds(start, lastPosted), leader, TOPIC,
                        postedAtKill, postedAtRestart)
                .line("  the killed broker was %s the active KRaft controller (broker %d)", controller == leader ? "also" : "not",
                        controller)
                .line("  new leader of %s-0: broker %s, %.1f s after the kill; broker %d down %.1f s, up again in %.1f s,"
                        + " back in every partition's ISR %s %.1f s after its start", TOPIC,
                        newLeader.map(String::valueOf).orElse("none"), DrillReport.seconds(killed, elected), leader,
                        DrillReport.seconds(killed, restarting), DrillReport.seconds(restarting, restarted),
                        caughtUp ? "" : "NOT (timed out)", DrillReport.seconds(restarted, inSync))
                .line("  answers other than 201: %s", FaultDrill.refusals(posted))
                .raw(tally.lines())
                .line("  dead letters +%d, failed outbox rows +%d (all four services)", incidentsAfter[0] - incidentsBefore[0],
                        incidentsAfter[1] - incidentsBefore[1])
                .line("  relay order, the drill's subjects: exam-events %d records (%d sent again, same id), %d out of order"
                        + " within a subject (%d seq inversions across subjects); certification-events %d records (%d sent"
                        + " again), %d out of order (%d across)", examOrder[0], examOrder[1], examOrder[2], examOrder[3],
                        certificationOrder[0], certificationOrder[1], certificationOrder[2], certificationOrder[3])
                .line("  last result posted -> every acknowledged result applied: %.1f s",
                        DrillReport.seconds(lastPosted, Math.max(lastPosted, tally.allAppliedAt)))
                .print();

        assertThat(tally.acknowledged).as("results acknowledged").isGreaterThan(0);
        assertThat(tally.lostTraces).as("acknowledged results lost").isEmpty();
        assertThat(tally.doubled).as("results doubled").isZero();
        assertThat(tally.applied).as("applied exactly once").isEqualTo(tally.acknowledged);
        assertThat(caughtUp).as("the restarted broker back in every partition's ISR").isTrue();
        assertThat(incidentsAfter[0] - incidentsBefore[0]).as("new dead letters").isZero();
        assertThat(incidentsAfter[1] - incidentsBefore[1]).as("new failed outbox rows").isZero();
        assertThat(examOrder[2] + certificationOrder[2]).as("events out of order within a subject").isZero();
    }

    private static Optional<Integer> awaitNewLeader(KafkaCluster kafka, int killed, Duration within) throws InterruptedException {
        try {
            return org.awaitility.Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(100))
                    .until(() -> kafka.leader(TOPIC, 0), leader -> leader.isPresent() && leader.get() != killed);
        } catch (org.awaitility.core.ConditionTimeoutException none) {
            return Optional.empty();
        }
    }

    /** Every partition of the suite's topics has all its replicas in sync again. */
    private static boolean awaitCaughtUp(KafkaCluster kafka, Duration within) throws InterruptedException {
        try {
            org.awaitility.Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> {
                for (String topic : Topics.all()) {
                    for (int partition = 0; partition < Topics.PARTITIONS; partition++) {
                        if (kafka.inSyncReplicas(topic, partition).size() != kafka.replicationFactor()) {
                            return false;
                        }
                    }
                }
                return true;
            });
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException notYet) {
            return false;
        }
    }
}
