package io.partnerhub.chassis.events;

import java.util.UUID;

import org.apache.kafka.common.header.Headers;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies events to one {@link EventHandler} through its inbox: in one new transaction the event id is recorded in
 * {@code inbox_event} (a duplicate stops there) and the handler runs, inside a consumer span continuing the record's
 * trace. A record read from Kafka ({@link #apply}) and a dead letter redriven by operations ({@link #redrive}, which
 * also marks the dead letter redriven in that transaction) take this same path.
 */
record InboxApplier(String consumer, String topic, EventHandler handler, InboxStore inbox, DeadLetters deadLetters,
        Tracing tracing) {

    enum Outcome { APPLIED, DUPLICATE }

    /** Applies an event read from the topic. */
    Outcome apply(CloudEvent event, Headers headers) {
        return apply("consume", event, headers, null);
    }

    /** Applies a dead letter again, marking it redriven in the same transaction. */
    Outcome redrive(DeadLetters.DeadLetter letter) {
        return apply("redrive", KafkaRecords.event(letter.value()), KafkaRecords.headers(letter.headers()), letter.id());
    }

    private Outcome apply(String operation, CloudEvent event, Headers headers, UUID redrivenLetter) {
        return tracing.inConsumerSpan(operation + " " + topic + " " + event.type(), headers, () -> {
            Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
                if (redrivenLetter != null) {
                    deadLetters.markRedriven(redrivenLetter);
                }
                if (!inbox.record(consumer, event.id())) {
                    return Outcome.DUPLICATE;
                }
                handler.handle(event);
                return Outcome.APPLIED;
            });
            Log.debugf("%s %s %s (subject %s)", outcome == Outcome.APPLIED ? "Applied" : "Skipped duplicate",
                    event.type(), event.id(), event.subject()); // in the span: the line carries the traceId
            return outcome;
        });
    }
}
