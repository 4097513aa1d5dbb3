package io.partnerhub.competency.status;

import java.time.Instant;

import io.partnerhub.chassis.events.CloudEvent;

/** The event that caused a recomputation (kept in the status history); none for the time-driven sweep. */
public record Cause(String eventId, String eventType, Instant time) {

    public static Cause of(CloudEvent event) {
        return new Cause(event.id(), event.type(), event.time());
    }
}
