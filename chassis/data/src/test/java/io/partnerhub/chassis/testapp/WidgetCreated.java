package io.partnerhub.chassis.testapp;

import io.partnerhub.chassis.events.DomainEvent;

/** Test event; {@code poison} makes {@link WidgetHandler} throw. */
public record WidgetCreated(String widgetId, String name, boolean poison) implements DomainEvent {

    public static final String TYPE = "io.partnerhub.test.widget-created.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String subject() {
        return widgetId;
    }
}
