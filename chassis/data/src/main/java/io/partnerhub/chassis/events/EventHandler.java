package io.partnerhub.chassis.events;

/**
 * Consumes one topic. Implement as an {@code @ApplicationScoped} bean; the chassis starts one Kafka consumer for it.
 * <p>
 * {@link #handle} runs inside a transaction in which the event id is recorded in the inbox, so duplicates never
 * reach it. Throwing rolls the transaction back and the event is retried (bounded, see
 * {@code partnerhub.inbox.max-attempts}); after the last attempt the record goes to {@code <topic>.dlq}.
 */
public interface EventHandler {

    /** The topic to consume, e.g. {@code certification-events}. */
    String topic();

    void handle(CloudEvent event);
}
