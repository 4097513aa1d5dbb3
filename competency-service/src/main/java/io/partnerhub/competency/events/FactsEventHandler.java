package io.partnerhub.competency.events;

import java.util.Map;
import java.util.function.BiConsumer;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;
import io.partnerhub.competency.status.Cause;
import io.quarkus.logging.Log;

/**
 * A topic's handler that hands each event type it uses, parsed as its inbound contract, to one method of the facts it
 * applies (with the event as the {@link Cause}); other types are skipped.
 */
abstract class FactsEventHandler implements EventHandler {

    /** What one event type is parsed as, and the method that applies it. */
    record Route<T>(Class<T> contract, BiConsumer<T, Cause> apply) {

        void handle(CloudEvent event, Cause cause) {
            apply.accept(event.dataAs(contract), cause);
        }
    }

    private final String topic;
    private final Map<String, Route<?>> routes;

    /** Only for the CDI client proxy of a handler (which calls the handler itself for everything). */
    FactsEventHandler() {
        this("", Map.of());
    }

    FactsEventHandler(String topic, Map<String, Route<?>> routes) {
        this.topic = topic;
        this.routes = Map.copyOf(routes);
    }

    static <T> Route<T> route(Class<T> contract, BiConsumer<T, Cause> apply) {
        return new Route<>(contract, apply);
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public void handle(CloudEvent event) {
        Cause cause = Cause.of(event);
        Route<?> route = routes.get(event.type());
        if (route == null) {
            Log.debugf("%s: event %s of type %s not used", topic, event.id(), event.type());
            return;
        }
        route.handle(event, cause);
    }
}
