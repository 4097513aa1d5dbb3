package io.partnerhub.systemtests;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.partnerhub.devstack.Database;
import io.partnerhub.devstack.DevStack;

/**
 * Where the propagation time goes (issue #25): for each measured exam result, the times the services already record
 * along the chain, found again by the W3C trace id the result was posted with (it is stored with every outbox row the
 * chain writes, and an inbox row carries the event id = the outbox row's id):
 * <ol>
 * <li>result posted (the client, before sending);</li>
 * <li>exam outbox row written ({@code outbox_event.created_at}, in the transaction that records the result);</li>
 * <li>exam relay: sent and acknowledged ({@code sent_at}, after the acks=all acknowledgement);</li>
 * <li>certification inbox applying ({@code inbox_event.processed_at}: {@code now()}, the start of the inbox
 * transaction);</li>
 * <li>certification outbox row written (certification.earned, end of the earn transaction);</li>
 * <li>certification relay: sent and acknowledged;</li>
 * <li>competency inbox applying;</li>
 * <li>competency status written (the competency.* outbox row written with it, end of the recompute);</li>
 * <li>the organisation's live stream (SSE via the gateway) says the status changed (arrival at the client; issue #25
 * stage 9: this event's {@code changes} carry the level when it is told from competency-service's local commit, so a
 * portal's propagation ends here: the report's "seen in the stream");</li>
 * <li>visible through the gateway (the GET that followed that event and showed the level: it confirms).</li>
 * </ol>
 * A stage's time includes the commit that ends it where its end is a "written" time (the commit follows the write by
 * a fraction of a millisecond). All clocks are the machine's wall clock (client, services and PostgreSQL on one host).
 * Stage 8 is split at the {@code status} event's {@code seenAt}: when competency-service's watch saw the change (at the
 * local commit, or after its fingerprint check).
 */
final class Stages {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One measured result: its trace id, when it was posted, when competency-service's watch saw the change (the
     * {@code status} event's {@code seenAt}; null when the stream missed it), when the live stream said the status
     * changed, and when a GET first showed the level (client clock).
     */
    record Sample(String traceId, Instant posted, Instant watched, Instant notified, Instant visible) {
    }

    private static final String[] NAMES = {
        "result posted -> exam outbox row written      (gateway, exam-service request)",
        "-> exam relay sent + acknowledged             (commit, relay wake-up, produce acks=all)",
        "-> certification inbox applying               (Kafka hop, consumer fetch)",
        "-> certification outbox row written           (earn transaction)",
        "-> certification relay sent + acknowledged    (commit, relay wake-up, produce)",
        "-> competency inbox applying                  (Kafka hop, consumer fetch)",
        "-> competency status written                  (recompute transaction)",
        "-> live stream event via gateway              (rest of the transaction, commit, watch check, SSE)",
        "-> visible through the gateway                (one GET via gateway after the event)",
    };

    private final List<long[]> rows; // per sample, the 10 instants and the watch's seenAt, in microseconds (0: missing)
    private final int missing;

    private Stages(List<long[]> rows, int missing) {
        this.rows = rows;
        this.missing = missing;
    }

    static String newTraceId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    static String traceparent(String traceId) {
        byte[] span = new byte[8];
        RANDOM.nextBytes(span);
        return "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01";
    }

    /** Reads the recorded times of the samples from the three services' databases. */
    static Stages read(DevStack stack, List<Sample> samples) throws SQLException {
        String[] traces = samples.stream().map(Sample::traceId).toArray(String[]::new);
        Map<String, Row> exam = outbox(stack, "exam", "io.partnerhub.exam.passed.v1", traces);
        Map<String, Row> certification = outbox(stack, "certification", "io.partnerhub.certification.earned.v1", traces);
        Map<String, Row> competency = outbox(stack, "competency", "io.partnerhub.competency.%", traces);
        Map<String, Instant> certificationInbox = inbox(stack, "certification", exam.values().stream().map(Row::id).toList());
        Map<String, Instant> competencyInbox = inbox(stack, "competency", certification.values().stream().map(Row::id).toList());
        List<long[]> rows = new ArrayList<>();
        int missing = 0;
        for (Sample sample : samples) {
            Row e = exam.get(sample.traceId());
            Row c = certification.get(sample.traceId());
            Row k = competency.get(sample.traceId());
            Instant[] at = { sample.posted(), e == null ? null : e.created(), e == null ? null : e.sent(),
                e == null ? null : certificationInbox.get(e.id()), c == null ? null : c.created(), c == null ? null : c.sent(),
                c == null ? null : competencyInbox.get(c.id()), k == null ? null : k.created(), sample.notified(),
                sample.visible() };
            long[] micros = new long[at.length + 1];
            boolean complete = true;
            for (int i = 0; i < at.length; i++) {
                complete &= at[i] != null;
                micros[i] = micros(at[i]);
            }
            micros[at.length] = micros(sample.watched()); // not required: the split of stage 8 leaves such rows out
            if (complete) {
                rows.add(micros);
            } else {
                missing++;
            }
        }
        return new Stages(rows, missing);
    }

    private static long micros(Instant at) {
        return at == null ? 0 : at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    /** The per-stage table: p50/p95/p99 of each stage's duration and of the whole chain from the same samples. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append("--- per stage (the same results; times the services record, found by the trace id) ---------\n");
        if (rows.isEmpty()) {
            return out.append("  no sample has all its stages recorded (").append(missing).append(" without)\n").toString();
        }
        out.append(String.format(Locale.ROOT, "  %-86s %7s %7s %7s   (ms, %d samples%s)%n", "stage", "p50", "p95", "p99",
                rows.size(), missing == 0 ? "" : ", " + missing + " incomplete left out"));
        for (int s = 0; s < NAMES.length; s++) {
            int stage = s;
            out.append(line("  " + (s + 1) + " " + NAMES[s], r -> r[stage + 1] - r[stage]));
        }
        List<long[]> watched = rows.stream().filter(r -> r[10] != 0).toList();
        out.append(line(watched, "  of stage 8: -> the watch saw it (seenAt)     (rest of the consumer transaction: designations; commit; watch)",
                r -> r[10] - r[7]));
        out.append(line(watched, "  of stage 8: -> the event at the client       (SSE write, gateway proxy, client read)",
                r -> r[8] - r[10]));
        out.append(line("  total: posted -> visible", r -> r[9] - r[0]));
        out.append(line("  of which Kafka hops + consumer fetch (stages 3 and 6)", r -> r[3] - r[2] + r[6] - r[5]));
        out.append(line("  of which relay (stages 2 and 5)", r -> r[2] - r[1] + r[5] - r[4]));
        out.append(line("  of which service work (stages 1, 4 and 7)", r -> r[1] - r[0] + r[4] - r[3] + r[7] - r[6]));
        out.append("  (percentiles of each stage are taken separately: they do not add up to the total's)\n");
        out.append("====================================================================================\n");
        return out.toString();
    }

    private String line(String label, Function<long[], Long> micros) {
        return line(rows, label, micros);
    }

    private static String line(List<long[]> rows, String label, Function<long[], Long> micros) {
        if (rows.isEmpty()) {
            return String.format(Locale.ROOT, "%-88s %7s%n", label, "none");
        }
        List<Long> values = new ArrayList<>();
        rows.forEach(r -> values.add(micros.apply(r)));
        Collections.sort(values);
        return String.format(Locale.ROOT, "%-88s %7.1f %7.1f %7.1f%n", label, at(values, 50), at(values, 95), at(values, 99));
    }

    /** Nearest-rank percentile of microseconds, in milliseconds. */
    private static double at(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e3;
    }

    private record Row(String id, Instant created, Instant sent) {
    }

    /** Per trace id, the service's first outbox row of the type (LIKE pattern) written in that trace. */
    private static Map<String, Row> outbox(DevStack stack, String database, String type, String[] traces) throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        try (Connection connection = connect(stack, database); PreparedStatement query = connection.prepareStatement(
                "SELECT substr(traceparent, 4, 32), id::text, created_at, sent_at FROM outbox_event WHERE event_type LIKE ?"
                        + " AND substr(traceparent, 4, 32) = ANY (?) ORDER BY created_at")) {
            query.setString(1, type);
            query.setArray(2, connection.createArrayOf("text", traces));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.putIfAbsent(result.getString(1), new Row(result.getString(2), instant(result, 3), instant(result, 4)));
                }
            }
        }
        return rows;
    }

    /** Per event id, when the service's first consumer of it began applying it. */
    private static Map<String, Instant> inbox(DevStack stack, String database, List<String> eventIds) throws SQLException {
        Map<String, Instant> applied = new HashMap<>();
        try (Connection connection = connect(stack, database); PreparedStatement query = connection.prepareStatement(
                "SELECT event_id, min(processed_at) FROM inbox_event WHERE event_id = ANY (?) GROUP BY event_id")) {
            query.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    applied.put(result.getString(1), instant(result, 2));
                }
            }
        }
        return applied;
    }

    private static Instant instant(ResultSet result, int column) throws SQLException {
        java.sql.Timestamp value = result.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Connection connect(DevStack stack, String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), Database.USER, Database.PASSWORD);
    }
}
