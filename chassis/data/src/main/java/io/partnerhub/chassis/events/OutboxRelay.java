package io.partnerhub.chassis.events;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.header.internals.RecordHeader;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends outbox rows to Kafka, in {@code seq} order, with an idempotent producer, and marks them sent.
 * <p>
 * One dedicated thread. It wakes when a transaction that published commits ({@link #wake()}) and otherwise polls
 * every {@code partnerhub.outbox.poll-interval}. Each pass is one database transaction that holds a
 * transaction-scoped advisory lock (one relay instance publishes at a time, so per-key order holds across
 * instances), locks a batch of unsent rows, sends them in order and waits for the acknowledgements in order.
 * <p>
 * Order: a pass stops at the first send that fails; the rows acknowledged before it are marked sent, nothing after
 * it is, and the next pass starts again from the failed row. The producer (and its metadata) is kept across failed
 * passes so that a broker outage makes sends fail after the delivery timeout in order, instead of each send of a
 * fresh producer blocking for metadata while a returning broker takes later rows first. A pass has a deadline well
 * below its transaction timeout, so the advisory lock is never released under a running pass.
 * <p>
 * Several instances: the lock is per database and per pass, not a lease. While one instance's pass runs, the others'
 * passes find the lock taken and do nothing; the next pass goes to whichever instance asks first. A killed instance's
 * session ends with its process, and with it the lock, so another instance publishes on its next wake-up or poll; a
 * session that lost its network is ended by PostgreSQL after the transaction timeout
 * ({@code idle_in_transaction_session_timeout}, set for the pass). Per-subject order holds because passes never
 * overlap and each sends in {@code seq} order.
 * <p>
 * A row Kafka refuses for good (record too large, serialization, invalid topic) is marked failed
 * ({@code failed_at}, {@code failure}) and counted; rows of other subjects go on, later rows of the SAME subject
 * (topic and key) wait behind it until operations resolve the failed row (clear {@code failed_at} to retry it, or set
 * {@code sent_at} to skip it).
 * <p>
 * A crash between sending and marking re-sends: duplicates, never loss; consumers de-duplicate.
 */
@ApplicationScoped
public class OutboxRelay {

    /** {@code pg_try_advisory_xact_lock} key shared by every relay instance of one database. */
    static final long ADVISORY_LOCK_KEY = 0x5061727448756231L; // "PartHub1"

    private static final String SELECT = "SELECT o.id, o.topic, o.event_key, o.event_type, o.payload, o.created_at,"
            + " o.traceparent FROM outbox_event o"
            + " WHERE o.sent_at IS NULL AND o.failed_at IS NULL AND NOT EXISTS (SELECT 1 FROM outbox_event f"
            + "   WHERE f.sent_at IS NULL AND f.failed_at IS NOT NULL AND f.topic = o.topic AND f.event_key = o.event_key"
            + "   AND f.seq < o.seq)"
            + " ORDER BY o.seq LIMIT ? FOR UPDATE OF o SKIP LOCKED";
    private static final String MARK = "UPDATE outbox_event SET sent_at = ? WHERE id = ANY (?)";
    private static final String MARK_FAILED = "UPDATE outbox_event SET failed_at = ?, failure = ? WHERE id = ?";
    private static final String CLEANUP = "DELETE FROM outbox_event WHERE sent_at < ?";

    private final InjectableInstance<DataSource> dataSources;
    private final KafkaClients kafka;
    private final OutboxConfig config;
    private final Duration passDeadline;

    private final Semaphore signal = new Semaphore(0);
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private volatile boolean running;
    private volatile Thread thread;
    private volatile String lastFailure;
    private KafkaProducer<String, String> producer;

    /** Test seam (package-private, unset in production): runs after the sends were acknowledged, before marking. */
    private volatile Runnable afterSendBeforeMark;

    public OutboxRelay(InjectableInstance<DataSource> dataSources, KafkaClients kafka, OutboxConfig config) {
        this.dataSources = dataSources;
        this.kafka = kafka;
        this.config = config;
        Duration limit = config.transactionTimeout().multipliedBy(2).dividedBy(3);
        if (config.passDeadline().compareTo(limit) > 0) {
            Log.warnf("partnerhub.outbox.pass-deadline %s is too close to the transaction timeout %s; using %s",
                    config.passDeadline(), config.transactionTimeout(), limit);
            this.passDeadline = limit;
        } else {
            this.passDeadline = config.passDeadline();
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("Outbox relay disabled (partnerhub.outbox.enabled=false)");
        } else if (!hasDataSource()) {
            Log.info("Outbox relay not started: no active datasource (this service publishes nothing)");
        } else {
            start();
        }
    }

    private boolean hasDataSource() {
        return dataSources.isResolvable() && !dataSources.listActive().isEmpty();
    }

    private DataSource dataSource() {
        return dataSources.get();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the relay thread (idempotent). */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopping = new CountDownLatch(1);
        Thread t = new Thread(this::loop, "outbox-relay");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops the relay thread and closes the producer; waits up to a few seconds for an ongoing pass. */
    public synchronized void stop() {
        running = false;
        stopping.countDown();
        Thread t = thread;
        thread = null;
        if (t != null) {
            signal.release();
            try {
                t.join(passDeadline.plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** For readiness: {@code null} when the relay is not meant to run, else whether its thread is alive. */
    Boolean threadAlive() {
        if (!running) {
            return null;
        }
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** The last pass failure (null after a good pass), for readiness details. */
    String lastFailure() {
        return lastFailure;
    }

    /**
     * Test seam: {@code hook} runs once per pass between "all sends acknowledged" and "rows marked sent"; throwing
     * from it simulates a crash at that point (the pass rolls back, the rows are sent again). {@code null} clears it.
     */
    void afterSendBeforeMark(Runnable hook) {
        afterSendBeforeMark = hook;
    }

    /** Asks the relay to run a pass now (called after the commit of a transaction that published). */
    public void wake() {
        signal.release();
    }

    private void loop() {
        Log.infof("Outbox relay started (poll every %s, pass deadline %s)", config.pollInterval(), passDeadline);
        Duration backoff = Duration.ZERO;
        try {
            producer(); // no network I/O yet; spares the first event the client's construction
        } catch (RuntimeException e) {
            Log.warnf("Outbox producer cannot be created yet: %s", describe(e));
        }
        while (running) {
            try {
                if (backoff.isZero()) {
                    signal.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS); // commits do not cut a backoff short
                }
                signal.drainPermits();
                if (!running) {
                    break;
                }
                Pass pass;
                do {
                    pass = pass();
                } while (pass.failure() == null && (pass.selected() == config.batchSize() || pass.again()) && running);
                if (pass.failure() != null) {
                    throw pass.failure();
                }
                backoff = Duration.ZERO;
                lastFailure = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), config.maxBackoff());
                lastFailure = describe(e);
                Log.warnf("Outbox relay pass failed, retrying in %s: %s", backoff, lastFailure);
                if (isFatalForProducer(e)) {
                    Log.warnf("Outbox producer is unusable, creating a new one: %s", describe(e));
                    closeProducer();
                }
            }
        }
        closeProducer();
        Log.info("Outbox relay stopped");
    }

    /** How one pass ended: rows selected, and the retriable failure that stopped it (null: all sent). */
    record Pass(int selected, int marked, Throwable failure, boolean again) {
    }

    /**
     * One pass: at most {@code batchSize} rows sent in order and the acknowledged prefix marked, in one transaction.
     * A failure of the transaction itself (database, crash seam) is thrown; a failed send ends the pass early and is
     * returned, after what was acknowledged before it has been marked.
     */
    Pass pass() {
        return QuarkusTransaction.requiringNew().timeout((int) Math.max(1, config.transactionTimeout().toSeconds()))
                .call(() -> {
                    try (Connection connection = dataSource().getConnection()) {
                        boundIdleInTransaction(connection);
                        if (!tryLock(connection)) {
                            return new Pass(0, 0, null, false);
                        }
                        List<Row> rows = lockUnsent(connection);
                        if (rows.isEmpty()) {
                            return new Pass(0, 0, null, false);
                        }
                        return send(connection, rows);
                    }
                });
    }

    private Pass send(Connection connection, List<Row> rows) throws SQLException {
        long deadline = System.nanoTime() + passDeadline.toNanos();
        long started = System.nanoTime();
        KafkaProducer<String, String> p = producer();
        List<Future<?>> acks = new ArrayList<>(rows.size());
        List<Row> sent = new ArrayList<>(rows.size());
        Set<String> blockedSubjects = new HashSet<>();
        Throwable failure = null;
        for (Row row : rows) {
            if (blockedSubjects.contains(row.subjectKey())) {
                continue; // behind a row of its subject that can never be sent
            }
            if (System.nanoTime() > deadline) {
                failure = new TimeoutException("outbox pass deadline " + passDeadline + " reached while sending");
                break;
            }
            Future<?> ack;
            try {
                ack = p.send(record(row));
            } catch (RuntimeException e) { // serialization and other errors thrown before the record is queued
                ack = failed(e);
            }
            if (ack.isDone() && failedWith(ack) != null) { // refused at once: metadata timeout, too large …
                Throwable cause = failedWith(ack);
                if (isPermanent(cause)) {
                    markFailed(connection, row, cause);
                    blockedSubjects.add(row.subjectKey());
                    continue;
                }
                failure = cause;
                break; // nothing after a failed send goes out in this pass
            }
            acks.add(ack);
            sent.add(row);
        }
        List<Row> acknowledged = new ArrayList<>(sent.size());
        boolean again = false;
        for (int i = 0; i < acks.size(); i++) {
            long left = deadline - System.nanoTime();
            try {
                acks.get(i).get(Math.max(0, left), TimeUnit.NANOSECONDS);
                acknowledged.add(sent.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            } catch (TimeoutException e) {
                failure = new TimeoutException("outbox pass deadline " + passDeadline + " reached awaiting acks");
                break;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (isPermanent(cause)) { // refused by the broker: mark it, the next pass goes on after it
                    markFailed(connection, sent.get(i), cause);
                    again = true;
                } else {
                    failure = cause;
                }
                break; // stop at the first failed acknowledgement: nothing after it is marked
            }
        }
        Runnable hook = afterSendBeforeMark;
        if (hook != null && failure == null) {
            hook.run();
        }
        mark(connection, acknowledged);
        if (Log.isDebugEnabled() && !acknowledged.isEmpty()) {
            Log.debugf("Outbox relay sent %d event(s) in %d ms; the oldest was written %d ms ago", acknowledged.size(),
                    (System.nanoTime() - started) / 1_000_000,
                    Duration.between(acknowledged.get(0).createdAt(), Instant.now()).toMillis());
        }
        return new Pass(rows.size(), acknowledged.size(), failure, again || !blockedSubjects.isEmpty());
    }

    private static ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers().add(new RecordHeader("ce_type", row.type().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("ce_id", row.id().toString().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("content-type",
                "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8)));
        if (row.traceparent() != null) {
            record.headers().add(new RecordHeader(Tracing.TRACEPARENT, row.traceparent().getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    private static Future<?> failed(RuntimeException e) {
        java.util.concurrent.CompletableFuture<Object> f = new java.util.concurrent.CompletableFuture<>();
        f.completeExceptionally(e);
        return f;
    }

    private static Throwable failedWith(Future<?> done) {
        try {
            done.get(0, TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (TimeoutException | RuntimeException e) {
            return e;
        }
    }

    /** Kafka will refuse this record whatever we do: it must not hold up other subjects. */
    static boolean isPermanent(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof SerializationException || e instanceof InvalidTopicException;
    }

    /** The producer cannot be used any more (fenced, sequence lost, credentials): build a new one. */
    static boolean isFatalForProducer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof OutOfOrderSequenceException
                    || t instanceof InvalidProducerEpochException || t instanceof UnknownProducerIdException
                    || t instanceof AuthenticationException || t instanceof AuthorizationException
                    || t instanceof UnsupportedVersionException
                    || (t instanceof KafkaException && String.valueOf(t.getMessage()).contains("closed"))) {
                return true;
            }
        }
        return false;
    }

    private void markFailed(Connection connection, Row row, Throwable cause) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            update.setString(2, cause.getClass().getName() + ": " + cause.getMessage());
            update.setObject(3, row.id());
            update.executeUpdate();
        }
        Log.errorf("Outbox event %s (%s, subject %s) can never be sent and is marked failed; later events of the"
                + " subject wait behind it: %s", row.id(), row.type(), row.key(), describe(cause));
    }

    /** Deletes sent rows older than {@code partnerhub.outbox.retention}. */
    @Scheduled(every = "${partnerhub.outbox.cleanup-every:1h}", delayed = "${partnerhub.outbox.cleanup-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanup() {
        if (!running) {
            return;
        }
        int deleted = QuarkusTransaction.requiringNew().call(() -> deleteSentBefore(Instant.now().minus(config.retention())));
        if (deleted > 0) {
            Log.infof("Outbox cleanup deleted %d sent event(s) older than %s", deleted, config.retention());
        }
    }

    int deleteSentBefore(Instant cutoff) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement(CLEANUP)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        }
    }

    /**
     * Should this instance lose its network in the middle of a pass, PostgreSQL would keep the session, and with it the
     * advisory lock, until TCP keep-alive notices (hours by default): no other instance could publish. A pass is never
     * idle in its transaction for longer than its deadline (awaiting acks), so PostgreSQL may end a session idle for
     * the transaction timeout. (A killed process closes its socket: its lock is free at once.)
     */
    private void boundIdleInTransaction(Connection connection) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(
                "SELECT set_config('idle_in_transaction_session_timeout', ?, true)")) {
            set.setString(1, Long.toString(Math.max(1000, config.transactionTimeout().toMillis())));
            set.executeQuery().close();
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, ADVISORY_LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<Row> lockUnsent(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)));
                }
            }
        }
        return rows;
    }

    private static void mark(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(MARK)) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            Array ids = connection.createArrayOf("uuid", rows.stream().map(Row::id).toArray());
            update.setArray(2, ids);
            update.executeUpdate();
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = kafka.producer("outbox-relay-" + UUID.randomUUID());
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                Log.debug("Closing the outbox producer failed", e);
            }
            producer = null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + " (cause: " + root + ")";
    }

    private record Row(UUID id, String topic, String key, String type, String payload, Instant createdAt,
            String traceparent) {
        String subjectKey() {
            return topic + '\u0000' + key;
        }
    }
}
