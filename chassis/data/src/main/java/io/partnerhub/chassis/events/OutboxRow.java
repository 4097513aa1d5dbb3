package io.partnerhub.chassis.events;

import java.time.Instant;
import java.util.UUID;

/** An unsent {@code outbox_event} row, as the relay sends it. */
record OutboxRow(UUID id, String topic, String key, String type, String payload, Instant createdAt, String traceparent) {

    /** Topic and key: the rows of one subject keep their order. */
    String subjectKey() {
        return topic + '\u0000' + key;
    }
}
