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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
 * instances), locks a batch of unsent rows, sends them all, waits for every acknowledgement and only then marks
 * them. A crash between sending and marking re-sends the batch: duplicates, never loss; consumers de-duplicate.
 * Kafka being down makes passes fail and back off (up to {@code partnerhub.outbox.max-backoff}); it never stops
 * the application.
 */
@ApplicationScoped
public class OutboxRelay {

    /** {@code pg_try_advisory_xact_lock} key shared by every relay instance of one database. */
    static final long ADVISORY_LOCK_KEY = 0x5061727448756231L; // "PartHub1"

    private static final String SELECT = "SELECT id, topic, event_key, event_type, payload, created_at FROM outbox_event"
            + " WHERE sent_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String MARK = "UPDATE outbox_event SET sent_at = ? WHERE id = ANY (?)";
    private static final String CLEANUP = "DELETE FROM outbox_event WHERE sent_at < ?";

    private final InjectableInstance<DataSource> dataSources;
    private final KafkaClients kafka;
    private final boolean enabled;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final int batchSize;
    private final Duration retention;

    private final Semaphore signal = new Semaphore(0);
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private volatile boolean running;
    private volatile Thread thread;
    private KafkaProducer<String, String> producer;

    /** Test seam (package-private, unset in production): runs after the sends were acknowledged, before marking. */
    private volatile Runnable afterSendBeforeMark;

    public OutboxRelay(InjectableInstance<DataSource> dataSources, KafkaClients kafka,
            @ConfigProperty(name = "partnerhub.outbox.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "partnerhub.outbox.poll-interval", defaultValue = "500ms") Duration pollInterval,
            @ConfigProperty(name = "partnerhub.outbox.max-backoff", defaultValue = "10s") Duration maxBackoff,
            @ConfigProperty(name = "partnerhub.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "partnerhub.outbox.retention", defaultValue = "7d") Duration retention) {
        this.dataSources = dataSources;
        this.kafka = kafka;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.batchSize = batchSize;
        this.retention = retention;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
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
                t.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
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
        Log.infof("Outbox relay started (poll every %s)", pollInterval);
        Duration backoff = Duration.ZERO;
        try {
            producer(); // no network I/O yet; spares the first event the client's construction
        } catch (RuntimeException e) {
            Log.warnf("Outbox producer cannot be created yet: %s", describe(e));
        }
        while (running) {
            try {
                if (backoff.isZero()) {
                    signal.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS); // commits do not cut a backoff short
                }
                signal.drainPermits();
                if (!running) {
                    break;
                }
                int sent;
                do {
                    sent = pass();
                } while (sent == batchSize && running);
                backoff = Duration.ZERO;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), maxBackoff);
                Log.warnf("Outbox relay pass failed, retrying in %s: %s", backoff, describe(e));
                closeProducer();
            }
        }
        closeProducer();
        Log.info("Outbox relay stopped");
    }

    /** One pass: at most {@code batchSize} rows sent and marked in one transaction; returns how many. */
    int pass() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            try (Connection connection = dataSource().getConnection()) {
                if (!tryLock(connection)) {
                    return 0;
                }
                List<Row> rows = lockUnsent(connection);
                if (rows.isEmpty()) {
                    return 0;
                }
                KafkaProducer<String, String> p = producer();
                long sendStarted = System.nanoTime();
                List<Future<?>> acks = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                    record.headers().add(new RecordHeader("ce_type", row.type().getBytes(StandardCharsets.UTF_8)));
                    record.headers().add(new RecordHeader("ce_id", row.id().toString().getBytes(StandardCharsets.UTF_8)));
                    record.headers().add(new RecordHeader("content-type",
                            "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8)));
                    acks.add(p.send(record));
                }
                for (Future<?> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
                Runnable hook = afterSendBeforeMark;
                if (hook != null) {
                    hook.run();
                }
                mark(connection, rows);
                if (Log.isDebugEnabled()) {
                    Log.debugf("Outbox relay sent %d event(s) in %d ms; the oldest was written %d ms ago",
                            rows.size(), (System.nanoTime() - sendStarted) / 1_000_000,
                            Duration.between(rows.get(0).createdAt(), Instant.now()).toMillis());
                }
                return rows.size();
            }
        });
    }

    /** Deletes sent rows older than {@code partnerhub.outbox.retention}. */
    @Scheduled(every = "${partnerhub.outbox.cleanup-every:1h}", delayed = "${partnerhub.outbox.cleanup-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanup() {
        if (!running) {
            return;
        }
        int deleted = QuarkusTransaction.requiringNew().call(() -> deleteSentBefore(Instant.now().minus(retention)));
        if (deleted > 0) {
            Log.infof("Outbox cleanup deleted %d sent event(s) older than %s", deleted, retention);
        }
    }

    int deleteSentBefore(Instant cutoff) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement(CLEANUP)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
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
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant()));
                }
            }
        }
        return rows;
    }

    private static void mark(Connection connection, List<Row> rows) throws SQLException {
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

    private record Row(UUID id, String topic, String key, String type, String payload, Instant createdAt) {
    }
}
