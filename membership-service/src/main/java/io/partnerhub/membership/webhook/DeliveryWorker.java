package io.partnerhub.membership.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends the delivery queue. One thread looks for active endpoints with due deliveries (woken when a transaction
 * queued some, else after {@code poll-interval} while deliveries are due or close, and otherwise at the earliest pending
 * retry, at most {@code idle-poll-interval}: {@link LookupWait}); each endpoint gets a pass on a small pool
 * ({@code concurrency}). A pass is ONE transaction that first takes the endpoint's advisory lock
 * ({@link DeliveryStore#tryLock}), so whatever number of instances run, one at a time delivers to an endpoint; then it
 * sends the due heads of the endpoint's subjects in order ({@link DeliveryStore#dueHeads}) and records each outcome.
 * <p>
 * Loss: an outcome commits with the pass, so a crash (kill -9) after the receiver answered and before the commit
 * leaves the delivery PENDING and the lock is released with the dead session: the next pass (here or on another
 * instance) sends it again with the same {@code webhook-id}; nothing is skipped, receivers de-duplicate.
 * <p>
 * Rate: a bucket4j token bucket per endpoint ({@code rate-per-second}, the same burst); when it is empty the pass
 * stops and the rest waits for the next. In memory per instance, which is per endpoint because one instance at a
 * time delivers to it.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final int ENDPOINTS_PER_LOOK = 200;
    private static final int DELIVERIES_PER_PASS = 50;

    private final DeliveryStore store;
    private final WebhookEndpointRepository endpoints;
    private final WebhookSender sender;
    private final DeliveryOutcomes outcomes;
    private final WebhookSecrets secrets;
    private final WebhooksConfig config;
    private final Clock clock;
    private final LookupWait lookupWait;

    private final Semaphore signal = new Semaphore(0);
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final Cache<UUID, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile ExecutorService pool;

    /** Test seam (unset in production): runs after the receiver answered, before the outcome is recorded. */
    private volatile Consumer<WebhookDelivery> afterSendBeforeRecord;

    public DeliveryWorker(DeliveryStore store, WebhookEndpointRepository endpoints, WebhookSender sender,
            DeliveryOutcomes outcomes, WebhookSecrets secrets, WebhooksConfig config, Clock clock) {
        this.store = store;
        this.endpoints = endpoints;
        this.sender = sender;
        this.outcomes = outcomes;
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
        this.lookupWait = new LookupWait(config.pollInterval(), config.idlePollInterval());
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        } else {
            Log.info("Webhook sender disabled (partnerhub.webhooks.enabled=false)");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        pool = Executors.newFixedThreadPool(Math.max(1, config.concurrency()), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
        Thread t = new Thread(this::loop, "webhook-queue");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    public synchronized void stop() {
        running = false;
        Thread t = thread;
        thread = null;
        if (t != null) {
            signal.release();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pool != null) {
            pool.shutdown();
            try {
                pool.awaitTermination(config.requestTimeout().plusSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Test seam: {@code seam} runs after each answer and before its outcome is recorded (null removes it). */
    void afterSendBeforeRecord(Consumer<WebhookDelivery> seam) {
        this.afterSendBeforeRecord = seam;
    }

    /** Look for due deliveries now (after a transaction queued some). */
    public void wake() {
        signal.release();
    }

    private void loop() {
        Duration wait = config.pollInterval();
        while (running) {
            try {
                signal.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
                if (!running) {
                    return;
                }
                wait = config.pollInterval(); // until a look-up succeeds
                Look look = QuarkusTransaction.requiringNew().call(() -> look(clock.instant()));
                for (UUID endpointId : look.due()) {
                    if (inFlight.add(endpointId)) {
                        pool.submit(() -> pass(endpointId));
                    }
                }
                wait = lookupWait.after(!look.due().isEmpty(), look.nextAttempt(), clock.instant());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.warnf("Webhook queue look-up failed (retrying at the next poll): %s", e.toString());
            }
        }
    }

    /** What a look-up saw: the endpoints with deliveries due, the earliest pending attempt (null: none). */
    private record Look(List<UUID> due, Instant nextAttempt) {
    }

    /** The earliest pending attempt first (idle: that one query), the due endpoints only when it is due. */
    private Look look(Instant now) {
        Instant next = store.nextAttempt();
        List<UUID> due = next != null && !next.isAfter(now) ? store.dueEndpoints(now, ENDPOINTS_PER_LOOK) : List.of();
        return new Look(due, next);
    }

    private void pass(UUID endpointId) {
        boolean more = false;
        try {
            int seconds = (int) Math.max(5, config.passDeadline().plus(config.requestTimeout()).multipliedBy(2).toSeconds());
            more = QuarkusTransaction.requiringNew().timeout(seconds).call(() -> deliver(endpointId));
        } catch (RuntimeException e) {
            Log.warnf("Webhook pass for endpoint %s failed (its deliveries stay pending): %s", endpointId, e.toString());
        } finally {
            inFlight.remove(endpointId);
        }
        if (more) {
            signal.release();
        }
    }

    /** One pass over one endpoint, inside its transaction; true when something was sent (a next pass may find more). */
    private boolean deliver(UUID endpointId) {
        if (!store.tryLock(endpointId)) {
            return false;
        }
        WebhookEndpoint endpoint = endpoints.findById(endpointId);
        if (endpoint == null || endpoint.status != WebhookEndpoint.Status.ACTIVE) {
            return false;
        }
        Instant deadline = Instant.now().plus(config.passDeadline());
        List<String> signing = signingSecrets(endpoint, clock.instant());
        Bucket bucket = buckets.get(endpointId, id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(config.ratePerSecond())
                        .refillGreedy(config.ratePerSecond(), Duration.ofSeconds(1)))
                .build());
        boolean sent = false;
        for (WebhookDelivery delivery : store.dueHeads(endpointId, clock.instant(), DELIVERIES_PER_PASS)) {
            if (Instant.now().isAfter(deadline)) {
                return true;
            }
            if (!bucket.tryConsume(1)) {
                return false; // the rate is used up: the rest waits for the next poll
            }
            WebhookSender.Attempt attempt = sender.send(endpoint.url, delivery.webhookId, delivery.body, signing);
            Consumer<WebhookDelivery> seam = afterSendBeforeRecord;
            if (seam != null) {
                seam.accept(delivery);
            }
            outcomes.record(endpoint, delivery, attempt, clock.instant());
            sent = true;
            if (endpoint.status != WebhookEndpoint.Status.ACTIVE) {
                return false;
            }
        }
        return sent;
    }

    /** The current secret, and the previous one while its overlap lasts. */
    List<String> signingSecrets(WebhookEndpoint endpoint, Instant now) {
        List<String> list = new ArrayList<>(2);
        list.add(secrets.open(endpoint.secret));
        if (endpoint.previousSecret != null && endpoint.previousSecretUntil != null
                && now.isBefore(endpoint.previousSecretUntil)) {
            list.add(secrets.open(endpoint.previousSecret));
        }
        return list;
    }
}
