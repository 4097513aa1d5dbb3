package io.partnerhub.chassis.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies events to one {@link EventHandler} through its inbox: in one new transaction the event id is recorded in
 * {@code inbox_event} (a duplicate stops there) and the handler runs, inside a consumer span continuing the record's
 * trace. A record read from Kafka ({@link #apply}) and a dead letter redriven by operations ({@link #redrive}, which
 * also marks the dead letter redriven in that transaction) take this same path. Several records of one partition
 * ({@link #applyAll}) share one transaction: their ids go into the inbox in one statement and the handler runs for
 * each new one in turn ({@link EventHandler#beforeAll} first), each in its own span; one commit. Between two events of a batch {@code endOfEvent} runs (the
 * persistence context flushed and cleared, {@link InboxConsumers}), so that each handler call starts as it would in a
 * transaction of its own: nothing cached from the event before, its writes visible.
 */
record InboxApplier(String consumer, String topic, EventHandler handler, InboxStore inbox, DeadLetters deadLetters,
        Tracing tracing, Runnable endOfEvent) {

    enum Outcome { APPLIED, DUPLICATE }

    /** Applies an event read from the topic. */
    Outcome apply(CloudEvent event, Headers headers) {
        return apply("consume", event, headers, null);
    }

    /**
     * Applies events read from one partition, in their order, in ONE new transaction: their ids recorded in one
     * statement, then the handler called for each event not applied before (an id met earlier in the list counts as
     * applied before), each in the consumer span of its own record. Any failure rolls all of them back and is thrown.
     *
     * @param headers the headers of each event's record, in the same order
     */
    List<Outcome> applyAll(List<CloudEvent> events, List<Headers> headers) {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(event -> ids.add(event.id()));
        List<Outcome> outcomes = QuarkusTransaction.requiringNew().call(() -> {
            Set<String> fresh = inbox.recordAll(consumer, ids);
            boolean[] first = new boolean[events.size()];
            List<CloudEvent> toApply = new ArrayList<>(fresh.size());
            for (int i = 0; i < events.size(); i++) {
                first[i] = fresh.remove(events.get(i).id()); // a second copy of an id is a duplicate
                if (first[i]) {
                    toApply.add(events.get(i));
                }
            }
            if (!toApply.isEmpty()) {
                handler.beforeAll(toApply);
            }
            List<Outcome> applied = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                CloudEvent event = events.get(i);
                boolean apply = first[i];
                applied.add(tracing.inConsumerSpan("consume " + topic + " " + event.type(), headers.get(i), () -> {
                    if (apply) {
                        handler.handle(event);
                        endOfEvent.run();
                    }
                    Log.debugf("%s %s %s (subject %s, in a batch of %d)", apply ? "Applying" : "Skipping duplicate",
                            event.type(), event.id(), event.subject(), events.size());
                    return apply ? Outcome.APPLIED : Outcome.DUPLICATE;
                }));
            }
            return applied;
        });
        Log.debugf("Committed a batch of %d %s record(s) for %s", events.size(), topic, consumer);
        return outcomes;
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
