package io.partnerhub.chassis.events;

/**
 * Consumes one topic. Implement as an {@code @ApplicationScoped} bean; the chassis starts one Kafka consumer for it,
 * in consumer group {@code <partnerhub.events.consumer-group>.<groupName()>}.
 * <p>
 * {@link #handle} runs inside a transaction in which the event id is recorded in the inbox, so duplicates never
 * reach it. Throwing rolls the transaction back. When a poll brings several records of one partition, they share one
 * transaction ({@code partnerhub.inbox.batch-size}): {@code handle} is called for each in offset order, with
 * Hibernate's persistence context flushed and cleared between two calls; so keep per-transaction state keyed to the
 * transaction (after-commit hooks then fire once per batch) and do not rely on a commit between two events. If any
 * call throws, the whole batch is rolled back and applied again record by record, each in its own transaction as
 * described below (a call may thus run twice for one event: once rolled back). A transient failure (database unreachable, pool exhausted,
 * transaction timeout, lock lost; see {@link FailureClassifier}), and any failure met while the database or the broker
 * does not answer ({@link DatabaseProbe}, {@link BrokerProbe}), is retried without limit and nothing later on the
 * partition is applied before it; a deterministic failure, or another one while both answer, is attempted
 * {@code partnerhub.inbox.max-attempts} times, then the record goes to {@code <topic>.dlq} and the
 * {@code dead_letter} table (see {@code /admin/dead-letters}).
 */
public interface EventHandler {

    /** The topic to consume, e.g. {@code certification-events}. */
    String topic();

    void handle(CloudEvent event);

    /**
     * Called once in a batch's transaction before {@link #handle} is called for each of {@code events} (the new ones, in
     * offset order; duplicates left out); never for a record applied on its own. Opt in, e.g., to take the locks the
     * events will need in one global order, so that two batches never wait for each other's locks in a cycle (a
     * deadlock rolls the batch back and applies it record by record). Does nothing by default.
     */
    default void beforeAll(java.util.List<CloudEvent> events) {
    }

    /**
     * How long the broker may hold this handler's fetches to gather records into one batch (issue #25/#26: Kafka's
     * {@code fetch.max.wait.ms}, with a {@code fetch.min.bytes} no burst of events reaches). For handlers whose effects
     * nobody waits for within milliseconds (notification mails, say; not a fan-out that offers an event to what is
     * registered when it applies it, which would then offer events from before a registration): their records arrive
     * up to this much later, several per poll, applied in one transaction ({@code partnerhub.inbox.batch-size}), with
     * fewer fetches and commits; their work then no longer takes the cores each time an event passes on its way to a
     * status someone watches. {@link java.time.Duration#ZERO} (the default): each record as soon as it is there.
     */
    default java.time.Duration gatherFor() {
        return java.time.Duration.ZERO;
    }

    /**
     * The last part of this handler's consumer group id; {@code null} (the default) means the simple name of the
     * handler's bean class. Changing it makes the handler read its topic from the earliest offset still kept (the
     * inbox skips what was applied).
     */
    default String groupName() {
        return null;
    }
}
