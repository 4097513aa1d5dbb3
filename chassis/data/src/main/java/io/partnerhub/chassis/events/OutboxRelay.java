package io.partnerhub.chassis.events;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends outbox rows to Kafka, in {@code seq} order, with an idempotent producer, and marks them sent.
 * <p>
 * One dedicated thread. It wakes when a transaction that published commits ({@link #wake()}) and otherwise polls
 * every {@code partnerhub.outbox.poll-interval}; a wake-up during a pass is kept (a permit) and starts the next pass at
 * once. When another instance's pass holds the lock, it looks again after 5 ms (doubling up to 160 ms, never longer
 * than the poll interval) rather than after the poll interval: that pass may have selected its rows before this
 * instance's commit. Each pass is one database transaction that holds a
 * transaction-scoped advisory lock (one relay instance publishes at a time, so per-key order holds across
 * instances), locks a batch of unsent rows ({@link OutboxStore}; the lock and the rows in one round trip), sends them
 * in order and waits for the acknowledgements in order ({@link OutboxSender}), then marks them sent ({@code sent_at}: when
 * the acknowledgements were in) and commits (after the send: not part of an event's latency). A commit that wakes the
 * relay while a pass sends does not wait for that pass's mark and commit: the pass goes on in its transaction, still
 * holding the lock, and marks its rows in the round trip that locks the next ones. Failed passes back off
 * ({@link Backoff}).
 * <p>
 * Not done (issue #25), on purpose: sending the rows a committing transaction just wrote straight from its
 * after-commit hook, without reading them back. Two transactions of one subject commit in order (they lock the subject),
 * but their after-commit hooks run on their own threads in no particular order, and on two instances with two
 * producers; older unsent rows of the subject (a backlog, a broker outage, a failed row) would have to go first, which
 * only the database knows. Reading the rows under the lock costs one round trip and keeps per-subject order and
 * at-least-once whatever the instances and crashes.
 * <p>
 * Order: a pass stops at the first send that fails; the rows acknowledged before it are marked sent, nothing after
 * it is, and the next pass starts again from the failed row. A pass has a deadline well below its transaction
 * timeout, so the advisory lock is never released under a running pass.
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

    private final OutboxStore store;
    private final OutboxConfig config;
    private final Duration passDeadline;
    private final OutboxSender sender;
    private final Backoff backoff;
    private final OutboxMetrics metrics; // null in tests that build a relay by hand

    /** {@link System#nanoTime()} of the first wake-up no pass has begun to serve yet (0: none), for the pass timings. */
    private final AtomicLong wokenAt = new AtomicLong();

    private final Semaphore signal = new Semaphore(0);
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private volatile boolean running;
    private volatile Thread thread;
    private volatile String lastFailure;

    /** Test seam (package-private, unset in production): runs after the sends were acknowledged, before marking. */
    private volatile Runnable afterSendBeforeMark;

    public OutboxRelay(OutboxStore store, KafkaClients kafka, OutboxConfig config) {
        this(store, kafka, config, null);
    }

    @Inject
    OutboxRelay(OutboxStore store, KafkaClients kafka, OutboxConfig config, OutboxMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.config = config;
        Duration limit = config.transactionTimeout().multipliedBy(2).dividedBy(3);
        if (config.passDeadline().compareTo(limit) > 0) {
            Log.warnf("partnerhub.outbox.pass-deadline %s is too close to the transaction timeout %s; using %s",
                    config.passDeadline(), config.transactionTimeout(), limit);
            this.passDeadline = limit;
        } else {
            this.passDeadline = config.passDeadline();
        }
        this.sender = new OutboxSender(kafka, store, passDeadline);
        this.backoff = new Backoff(Duration.ofMillis(200), config.maxBackoff());
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("Outbox relay disabled (partnerhub.outbox.enabled=false)");
        } else if (!store.available()) {
            Log.info("Outbox relay not started: no active datasource (this service publishes nothing)");
        } else {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the relay thread (idempotent). */
    public synchronized void start() {
        if (running) {
            return;
        }
        if (metrics != null) {
            metrics.producerRequestLatency(sender::requestLatencyAvgMillis);
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
        wokenAt.compareAndSet(0, System.nanoTime());
        signal.release();
    }

    private void loop() {
        Log.infof("Outbox relay started (poll every %s, pass deadline %s)", config.pollInterval(), passDeadline);
        int failures = 0;
        try {
            sender.producer(); // no network I/O yet; spares the first event the client's construction
        } catch (RuntimeException e) {
            Log.warnf("Outbox producer cannot be created yet: %s", FailureClassifier.describe(e));
        }
        int busy = 0;
        while (running) {
            try {
                if (busy > 0) { // another instance's pass held the lock: look again soon, not after the poll interval
                    signal.tryAcquire(Math.min(config.pollInterval().toMillis(), 5L << Math.min(busy - 1, 5)), TimeUnit.MILLISECONDS);
                } else if (failures == 0) {
                    signal.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } else { // commits do not cut a backoff short
                    stopping.await(backoff.after(failures).toMillis(), TimeUnit.MILLISECONDS);
                }
                signal.drainPermits();
                if (!running) {
                    break;
                }
                long woken = wokenAt.getAndSet(0);
                OutboxPass pass;
                do {
                    pass = pass(woken);
                    woken = 0; // a follow-up pass was not woken
                } while (pass.failure() == null && (pass.selected() == config.batchSize() || pass.again()) && running);
                if (pass.failure() != null) {
                    throw pass.failure();
                }
                busy = pass == OutboxPass.BUSY ? busy + 1 : 0;
                failures = 0;
                lastFailure = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                failures++;
                lastFailure = FailureClassifier.describe(e);
                Log.warnf("Outbox relay pass failed, retrying in %s: %s", backoff.after(failures), lastFailure);
                sender.afterFailure(e);
            }
        }
        sender.close();
        Log.info("Outbox relay stopped");
    }

    /**
     * One pass: at most {@code batchSize} rows sent in order and the acknowledged prefix marked, in one transaction.
     * A failure of the transaction itself (database, crash seam) is thrown; a failed send ends the pass early and is
     * returned, after what was acknowledged before it has been marked.
     */
    OutboxPass pass() {
        return pass(0);
    }

    /**
     * {@link #pass()}; {@code woken}: the wake-up it serves ({@link System#nanoTime()}, 0: none), for the timings.
     * <p>
     * When a commit woke the relay while the rows were being sent (or the batch was full), the pass goes on in the same
     * transaction, still holding the lock: one round trip marks the acknowledged rows sent and locks the next rows
     * ({@link OutboxStore#markSentAndSelect}), instead of marking, committing, and beginning again with the lock and
     * the select (two round trips and a commit more before the next rows are on their way). It goes on like this while
     * less than a quarter of its deadline has passed (the deadline covers the whole transaction), so a batch sent
     * after that has more time than the producer's delivery timeout (10 s of the default 15 s deadline).
     */
    private OutboxPass pass(long woken) {
        List<long[]> timed = new ArrayList<>(1); // per batch sent: woken, begun, rows selected, acknowledged, marked (0: committed)
        OutboxPass pass = QuarkusTransaction.requiringNew().timeout((int) Math.max(1, config.transactionTimeout().toSeconds()))
                .call(() -> {
                    long begun = System.nanoTime();
                    long deadline = begun + passDeadline.toNanos();
                    try (Connection connection = store.connection()) {
                        List<OutboxRow> rows = store.lockAndSelect(connection, config.transactionTimeout(), config.batchSize());
                        long[] at = { woken, begun, System.nanoTime(), 0, 0 };
                        if (rows == null) {
                            return OutboxPass.BUSY;
                        }
                        if (rows.isEmpty()) {
                            return OutboxPass.NOTHING;
                        }
                        int marked = 0;
                        while (!rows.isEmpty()) {
                            OutboxSender.Sent sent = sender.send(connection, rows, deadline);
                            at[3] = System.nanoTime();
                            Runnable hook = afterSendBeforeMark;
                            if (hook != null && sent.failure() == null) {
                                hook.run();
                            }
                            marked += sent.acknowledged().size();
                            if (!sent.acknowledged().isEmpty()) {
                                timed.add(at);
                            }
                            long next = sent.failure() == null && !sent.again() ? goOn(rows.size(), begun) : -1;
                            if (next < 0) {
                                store.markSent(connection, sent.acknowledged(), sent.at());
                                return new OutboxPass(rows.size(), marked, sent.failure(), sent.again());
                            }
                            long chained = System.nanoTime();
                            rows = store.markSentAndSelect(connection, sent.acknowledged(), sent.at(), config.batchSize());
                            at[4] = System.nanoTime();
                            at = new long[] { next, chained, at[4], 0, 0 };
                        }
                        return new OutboxPass(0, marked, null, false);
                    }
                });
        if (metrics != null && pass.failure() == null) {
            long committed = System.nanoTime();
            for (long[] at : timed) {
                if (at[0] != 0) {
                    metrics.relayPass(at[0], at[1], at[2], at[3], at[4] == 0 ? committed : at[4]);
                }
            }
        }
        return pass;
    }

    /**
     * Whether the pass goes on in its transaction after a batch of {@code sent} rows all acknowledged: -1 no; else
     * the wake-up it then serves ({@link System#nanoTime()}, 0: none, the batch was full).
     */
    private long goOn(int sent, long begun) {
        if (!running || System.nanoTime() - begun > passDeadline.toNanos() / 4) {
            return -1;
        }
        if (signal.availablePermits() > 0) { // wake() sets wokenAt before it releases the permit
            signal.drainPermits();
            return wokenAt.getAndSet(0);
        }
        return sent == config.batchSize() ? 0 : -1;
    }

    /** Deletes sent rows older than {@code partnerhub.outbox.retention}. */
    @Scheduled(every = "${partnerhub.outbox.cleanup-every:1h}", delayed = "${partnerhub.outbox.cleanup-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanup() {
        if (!running) {
            return;
        }
        int deleted = QuarkusTransaction.requiringNew()
                .call(() -> store.deleteSentBefore(Instant.now().minus(config.retention())));
        if (deleted > 0) {
            Log.infof("Outbox cleanup deleted %d sent event(s) older than %s", deleted, config.retention());
        }
    }
}
