package io.partnerhub.chassis.events;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Does the Kafka cluster answer right now? Asked after {@link DatabaseProbe} when a handler failed in a way
 * {@link FailureClassifier} cannot tell, or a dead letter could not be written: if not, the consumer waits and the
 * attempt does not count, whatever the error said.
 * <p>
 * The question is {@code Admin.describeCluster} (a metadata request to any broker of the bootstrap list) with the
 * service's {@code kafka.*} settings, bounded by {@code partnerhub.inbox.probe-timeout}. One admin client is kept
 * for the probe (it reconnects by itself when the broker returns), so a question costs one round trip, not a new
 * connection. The answer is kept for {@link #REMEMBERED}: a burst of failures (every consumer of the service failing
 * at once) asks the cluster once.
 */
@ApplicationScoped
public class BrokerProbe implements InfrastructureProbe {

    /** How long an answer holds before the cluster is asked again. */
    static final Duration REMEMBERED = Duration.ofSeconds(1);

    private final Supplier<Admin> adminFactory;
    private final Duration timeout;
    private final LongSupplier nanoTime;
    private Admin admin;
    private Optional<String> lastAnswer;
    private long answeredAt;

    @Inject
    BrokerProbe(KafkaClients kafka, InboxConfig config) {
        this(() -> Admin.create(adminProperties(kafka.common(), config.probeTimeout())), config.probeTimeout(),
                System::nanoTime);
    }

    BrokerProbe(Supplier<Admin> adminFactory, Duration timeout, LongSupplier nanoTime) {
        this.adminFactory = adminFactory;
        this.timeout = timeout;
        this.nanoTime = nanoTime;
    }

    /** Empty when the cluster described itself in time (now or within {@link #REMEMBERED}), else why not. */
    @Override
    public synchronized Optional<String> notAnswering() {
        long now = nanoTime.getAsLong();
        if (lastAnswer == null || now - answeredAt >= REMEMBERED.toNanos()) {
            lastAnswer = ask();
            answeredAt = nanoTime.getAsLong();
        }
        return lastAnswer;
    }

    /** Asks the cluster, not the answer kept. */
    Optional<String> ask() {
        try {
            if (admin == null) {
                admin = adminFactory.get();
            }
            int millis = (int) Math.max(1, timeout.toMillis());
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).clusterId()
                    .get(millis + 500L, TimeUnit.MILLISECONDS); // the option ends the call; this only guards it
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while asking the broker");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Optional.of(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (TimeoutException | RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public String infrastructure() {
        return "broker";
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }

    /** The service's Kafka settings, every request of the probe's client bounded by {@code timeout}. */
    static Map<String, Object> adminProperties(Map<String, Object> common, Duration timeout) {
        int millis = (int) Math.max(1, timeout.toMillis());
        common.put(AdminClientConfig.CLIENT_ID_CONFIG, "broker-probe-" + UUID.randomUUID());
        common.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        common.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        common.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        return common;
    }
}
