package io.partnerhub.systemtests;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.partnerhub.devstack.Database;
import io.partnerhub.devstack.DevStack;
import io.partnerhub.devstack.test.Topics;

/**
 * What a fault drill's results became, counted by the causing event's id at the end of the chain: for each result
 * posted, its trace id finds the exam.passed and certification.earned outbox rows written in that trace (exam- and
 * certification-service), and the certification.earned event's id finds the status changes competency-service
 * recorded with it as their cause ({@code competency_status_change.cause_event_id}). A result that got its 201 is
 * <em>applied</em> when exactly one of each exists, <em>lost</em> when no status change names its event, and
 * <em>doubled</em> when anything exists twice.
 */
final class DrillTally {

    private static final String[] DATABASES = {"exam", "certification", "competency", "membership"};

    int acknowledged;
    int applied;
    int lost;
    int doubled;
    int unacknowledgedApplied;
    int silver;
    /** When {@link #await} first saw nothing acknowledged missing (System.nanoTime()). */
    long allAppliedAt;
    final List<String> lostTraces = new ArrayList<>();
    final Set<String> examEventIds = new HashSet<>();
    final Set<String> earnedEventIds = new HashSet<>();

    private DrillTally() {
    }

    /** Reads the tally now. */
    static DrillTally read(DevStack stack, FaultDrill drill, List<FaultDrill.Posted> posted) throws SQLException {
        String[] traces = posted.stream().map(FaultDrill.Posted::traceId).toArray(String[]::new);
        DrillTally tally = new DrillTally();
        Map<String, List<String>> passed = outboxIds(stack, "exam", "io.partnerhub.exam.passed.v1", traces);
        Map<String, List<String>> earned = outboxIds(stack, "certification", "io.partnerhub.certification.earned.v1", traces);
        passed.values().forEach(tally.examEventIds::addAll);
        earned.values().forEach(tally.earnedEventIds::addAll);
        Map<String, Integer> changes = new HashMap<>();
        try (Connection connection = connect(stack, "competency")) {
            try (PreparedStatement query = connection.prepareStatement("SELECT cause_event_id, count(*) FROM competency_status_change"
                    + " WHERE competency_id = ? AND cause_event_id = ANY (?) GROUP BY cause_event_id")) {
                query.setString(1, drill.competency);
                query.setArray(2, connection.createArrayOf("text", tally.earnedEventIds.toArray()));
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        changes.put(result.getString(1), result.getInt(2));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT count(*) FROM competency_status WHERE competency_id = ? AND level = 'SILVER'")) {
                query.setString(1, drill.competency);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    tally.silver = result.getInt(1);
                }
            }
        }
        for (FaultDrill.Posted p : posted) {
            int exams = passed.getOrDefault(p.traceId(), List.of()).size();
            List<String> earnedIds = earned.getOrDefault(p.traceId(), List.of());
            int statusChanges = earnedIds.stream().mapToInt(id -> changes.getOrDefault(id, 0)).sum();
            if (!p.acknowledged()) {
                tally.unacknowledgedApplied += statusChanges > 0 ? 1 : 0;
                continue;
            }
            tally.acknowledged++;
            if (exams > 1 || earnedIds.size() > 1 || statusChanges > 1) {
                tally.doubled++;
            } else if (statusChanges == 0) {
                tally.lost++;
                tally.lostTraces.add(p.traceId() + " (exam.passed " + exams + ", certification.earned " + earnedIds.size() + ")");
            } else {
                tally.applied++;
            }
        }
        return tally;
    }

    /** Reads the tally until nothing acknowledged is missing or {@code within} is over, then once more after a pause. */
    static DrillTally await(DevStack stack, FaultDrill drill, List<FaultDrill.Posted> posted, Duration within)
            throws SQLException, InterruptedException {
        try {
            org.awaitility.Awaitility.await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .until(() -> read(stack, drill, posted).lost == 0);
        } catch (org.awaitility.core.ConditionTimeoutException stillMissing) {
            // the tally after the pause below reports what is missing
        }
        long allApplied = System.nanoTime();
        Thread.sleep(5000); // anything doubled late would show now
        DrillTally last = read(stack, drill, posted);
        last.allAppliedAt = allApplied;
        return last;
    }

    String lines() {
        return String.format(Locale.ROOT, "  results acknowledged (201)        %6d%n", acknowledged)
                + String.format(Locale.ROOT, "  applied exactly once             %6d%n", applied)
                + String.format(Locale.ROOT, "  lost                             %6d%n", lost)
                + String.format(Locale.ROOT, "  doubled                          %6d%n", doubled)
                + String.format(Locale.ROOT, "  not acknowledged but applied     %6d   (the 201 did not reach the client)%n",
                        unacknowledgedApplied)
                + String.format(Locale.ROOT, "  organisations at SILVER          %6d%n", silver)
                + (lostTraces.isEmpty() ? "" : "  lost (trace ids): " + lostTraces.subList(0, Math.min(5, lostTraces.size())) + "\n");
    }

    /** Dead letters and failed outbox rows in the four services' databases: {dead letters, failed outbox rows}. */
    static int[] incidents(DevStack stack) throws SQLException {
        int[] counts = new int[2];
        for (String database : DATABASES) {
            try (Connection connection = connect(stack, database); var sql = connection.createStatement()) {
                try (ResultSet result = sql.executeQuery("SELECT count(*) FROM dead_letter")) {
                    result.next();
                    counts[0] += result.getInt(1);
                }
                try (ResultSet result = sql.executeQuery("SELECT count(*) FROM outbox_event WHERE failed_at IS NOT NULL")) {
                    result.next();
                    counts[1] += result.getInt(1);
                }
            }
        }
        return counts;
    }

    /**
     * The relay's order on {@code topic} for the subjects of the drill's events ({@code ids}): every record of those
     * subjects (keys) as it lies in its partition, against the order the service wrote them ({@code outbox_event.seq}).
     * Returns {records, sent again (same id), out of order within a subject (the guarantee), seq inversions across
     * subjects (allowed: seq is taken at insert, rows become visible at commit, so concurrent transactions commit in
     * another order than their seq)}.
     */
    static int[] relayOrder(DevStack stack, String topic, String database, Set<String> ids) throws SQLException {
        Map<String, Long> seq = new HashMap<>();
        try (Connection connection = connect(stack, database); PreparedStatement query = connection.prepareStatement(
                "SELECT id::text, seq FROM outbox_event WHERE topic = ? AND event_key IN"
                        + " (SELECT event_key FROM outbox_event WHERE id::text = ANY (?))")) {
            query.setString(1, topic);
            query.setArray(2, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    seq.put(result.getString(1), result.getLong(2));
                }
            }
        }
        int records = 0;
        int again = 0;
        int outOfOrder = 0;
        int inversions = 0;
        Map<String, Long> lastOfSubject = new HashMap<>();
        Map<Integer, Long> lastSeq = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : Topics.toEnd(stack.kafkaBootstrapServers(), topic, Duration.ofSeconds(60))) {
            Header header = record.headers().lastHeader("ce_id");
            String id = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            if (id == null || !seq.containsKey(id)) {
                continue;
            }
            records++;
            if (!seen.add(id)) {
                again++;
                continue;
            }
            long previous = lastSeq.getOrDefault(record.partition(), Long.MIN_VALUE);
            if (seq.get(id) < previous) {
                inversions++;
            }
            lastSeq.put(record.partition(), Math.max(previous, seq.get(id)));
            long previousOfSubject = lastOfSubject.getOrDefault(record.key(), Long.MIN_VALUE);
            if (seq.get(id) < previousOfSubject) {
                outOfOrder++;
            }
            lastOfSubject.put(record.key(), Math.max(previousOfSubject, seq.get(id)));
        }
        return new int[] {records, again, outOfOrder, inversions};
    }

    private static Map<String, List<String>> outboxIds(DevStack stack, String database, String type, String[] traces)
            throws SQLException {
        Map<String, List<String>> ids = new HashMap<>();
        try (Connection connection = connect(stack, database); PreparedStatement query = connection.prepareStatement(
                "SELECT substr(traceparent, 4, 32), id::text FROM outbox_event WHERE event_type = ?"
                        + " AND substr(traceparent, 4, 32) = ANY (?)")) {
            query.setString(1, type);
            query.setArray(2, connection.createArrayOf("text", traces));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.computeIfAbsent(result.getString(1), t -> new ArrayList<>()).add(result.getString(2));
                }
            }
        }
        return ids;
    }

    static Connection connect(DevStack stack, String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), Database.USER, Database.PASSWORD);
    }
}
