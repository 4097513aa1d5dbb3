package io.partnerhub.chassis.testapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;

/** Records every applied event in test_effect; throws for poison widgets. */
@ApplicationScoped
public class WidgetHandler implements EventHandler {

    public static final String TOPIC = "chassis-test-events";

    private final DataSource dataSource;

    public WidgetHandler(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        WidgetCreated widget = event.dataAs(WidgetCreated.class);
        if (widget.poison()) {
            throw new IllegalStateException("poison widget " + widget.widgetId());
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO test_effect (event_id, subject, name) VALUES (?, ?, ?)")) {
            insert.setString(1, event.id());
            insert.setString(2, event.subject());
            insert.setString(3, widget.name());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
