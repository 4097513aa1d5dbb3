package io.partnerhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.partnerhub.devstack.DevStack;
import io.partnerhub.devstack.ServiceProcess;
import io.partnerhub.devstack.ServiceSpec;

/**
 * The database crash drill (issue #26; {@code -Pfaults}): PostgreSQL runs with {@code fsync} and
 * {@code synchronous_commit} on (as {@code deploy/run} runs it; checked, not assumed) and is crashed with
 * {@code pg_ctl stop -m immediate} while exam results flow through the gateway, left down for a few seconds, then
 * started again (WAL replay). Every result that got its 201 is kept and reaches the competency status exactly once
 * ({@link DrillTally}); the services recover without a restart (the same processes answer ready again); the relays
 * resume in order; nothing is dead-lettered and no outbox row fails. Prints the figures; asserts no duration.
 */
@ExtendWith(RunningSuite.class)
@Order(2)
class DatabaseCrashFaultIT {

    private static final int RESULTS = Integer.getInteger("partnerhub.faults.results", 200);
    private static final Duration PERIOD = Duration.ofSeconds(Integer.getInteger("partnerhub.faults.seconds", 40));
    private static final Duration DOWN = Duration.ofSeconds(Integer.getInteger("partnerhub.faults.database-down-seconds", 8));

    @AfterEach
    void realTime() {
        Programme.resetClock();
    }

    @Test
    void everyAcknowledgedResultIsKeptAndAppliedOnceAfterADatabaseCrashWithoutRestartingAService() throws Exception {
        DevStack stack = RunningSuite.stack();
        Map<String, String> durability = settings(stack, "fsync", "synchronous_commit", "full_page_writes");
        assertThat(durability).as("PostgreSQL durability settings").containsEntry("fsync", "on")
                .containsEntry("synchronous_commit", "on");
        Map<String, Long> pids = pids(stack);
        int[] incidentsBefore = DrillTally.incidents(stack);
        FaultDrill drill = FaultDrill.prepare("DC", RESULTS);

        long start = System.nanoTime();
        drill.start(PERIOD, 2);
        drill.awaitPosted(RESULTS / 3);
        int postedAtCrash = drill.postedSoFar();
        long crashed = System.nanoTime();
        stack.faults().crashPostgres();
        Thread.sleep(DOWN.toMillis());
        int postedWhileDown = drill.postedSoFar() - postedAtCrash;
        long restarting = System.nanoTime();
        stack.faults().restartPostgres(Duration.ofSeconds(120));
        long restarted = System.nanoTime();
        Map<String, Double> ready = awaitReady(stack, restarted, Duration.ofSeconds(120));
        Map<String, String> durabilityAfter = settings(stack, "fsync", "synchronous_commit", "full_page_writes");
        List<FaultDrill.Posted> posted = drill.finish();
        long lastPosted = System.nanoTime();

        DrillTally tally = DrillTally.await(stack, drill, posted, Duration.ofSeconds(180));
        int[] incidentsAfter = DrillTally.incidents(stack);
        int[] examOrder = DrillTally.relayOrder(stack, "exam-events", "exam", tally.examEventIds);
        int[] certificationOrder = DrillTally.relayOrder(stack, "certification-events", "certification", tally.earnedEventIds);
        Map<String, Long> pidsAfter = pids(stack);

        new DrillReport("Fault drill: PostgreSQL crash (pg_ctl stop -m immediate), " + durability)
                .line("  %d results posted through the gateway over %.0f s by 2 clients; crash after %d, %d posted while down",
                        posted.size(), DrillReport.seconds(start, lastPosted), postedAtCrash, postedWhileDown)
                .line("  down %.1f s; start with WAL replay %.1f s; settings after the start %s", DrillReport.seconds(crashed,
                        restarting), DrillReport.seconds(restarting, restarted), durabilityAfter)
                .line("  each service ready again (s after PostgreSQL accepted connections; same process): %s", ready)
                .line("  services restarted: %s", pids.equals(pidsAfter) ? "none (same pids)" : "YES " + pids + " -> " + pidsAfter)
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
        assertThat(posted).as("answers 500 (a database that does not answer is a 503 with Retry-After)")
                .noneMatch(p -> p.status() == 500);
        assertThat(pidsAfter).as("the services' processes (none restarted)").isEqualTo(pids);
        assertThat(ready).as("every service ready again").doesNotContainValue(-1.0);
        assertThat(incidentsAfter[0] - incidentsBefore[0]).as("new dead letters").isZero();
        assertThat(incidentsAfter[1] - incidentsBefore[1]).as("new failed outbox rows").isZero();
        assertThat(examOrder[2] + certificationOrder[2]).as("events out of order within a subject").isZero();
    }

    private static Map<String, String> settings(DevStack stack, String... names) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection connection = DrillTally.connect(stack, "exam"); Statement sql = connection.createStatement()) {
            for (String name : names) {
                try (ResultSet result = sql.executeQuery("SHOW " + name)) {
                    result.next();
                    values.put(name, result.getString(1));
                }
            }
        }
        return values;
    }

    private static Map<String, Long> pids(DevStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (ServiceSpec service : stack.runningServices()) {
            pids.put(service.name(), stack.process(service.name()).map(ServiceProcess::pid).orElse(-1L));
        }
        return pids;
    }

    /** Seconds after {@code since} until each service answers ready (200), -1 if not within {@code within}. */
    private static Map<String, Double> awaitReady(DevStack stack, long since, Duration within) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, Double> ready = new LinkedHashMap<>();
        long deadline = System.nanoTime() + within.toNanos();
        for (ServiceSpec service : stack.runningServices()) {
            double seconds = -1;
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        seconds = Math.round((System.nanoTime() - since) / 1e8) / 10.0;
                        break;
                    }
                } catch (java.io.IOException notYet) {
                    // keep asking
                }
                Thread.sleep(100);
            }
            ready.put(service.name(), seconds);
        }
        return ready;
    }
}
