package io.partnerhub.chassis.testapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;

/**
 * Records every applied event in test_effect (with the trace it ran in); throws for poison widgets until cured, and
 * wherever a test's {@link #beforeApply} step throws.
 */
@ApplicationScoped
public class WidgetHandler implements EventHandler {

    public static final String TOPIC = "chassis-test-events";

    /** Test switch: the "fixed" handler applies poison widgets too (for the redrive test). */
    private static volatile boolean poisonCured;

    /** Test switch: runs before a widget is applied, and may throw (a handler whose own infrastructure fails). */
    private static volatile Consumer<WidgetCreated> beforeApply = widget -> {
    };

    /** The event ids of every {@link #beforeAll} call, in call order. */
    private static final List<List<String>> BATCHES = new CopyOnWriteArrayList<>();

    private final DataSource dataSource;

    /** The event ids {@link #beforeAll} was called with, per call. */
    public static List<List<String>> batches() {
        return List.copyOf(BATCHES);
    }

    public static void curePoison(boolean cured) {
        poisonCured = cured;
    }

    /** Sets the step run before each widget is applied; null: none. */
    public static void beforeApply(Consumer<WidgetCreated> step) {
        beforeApply = step == null ? widget -> {
        } : step;
    }

    public WidgetHandler(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void beforeAll(List<CloudEvent> events) {
        BATCHES.add(events.stream().map(CloudEvent::id).toList());
    }

    @Override
    public void handle(CloudEvent event) {
        WidgetCreated widget = event.dataAs(WidgetCreated.class);
        beforeApply.accept(widget);
        if (widget.poison() && !poisonCured) {
            throw new IllegalStateException("poison widget " + widget.widgetId());
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO test_effect (event_id, subject, name, trace_id) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, event.id());
            insert.setString(2, event.subject());
            insert.setString(3, widget.name());
            SpanContext span = Span.current().getSpanContext();
            insert.setString(4, span.isValid() ? span.getTraceId() : null);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
