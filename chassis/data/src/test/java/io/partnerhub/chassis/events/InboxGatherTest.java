package io.partnerhub.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.chassis.testapp.TopicReader;
import io.partnerhub.chassis.testapp.WidgetCreated;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link EventHandler#gatherFor}: a handler nobody waits for lets the broker hold its fetches, so events produced one
 * at a time (each its own produce request, acknowledged before the next) reach it together and are applied in fewer
 * transactions than events; a handler that does not gather (the default) is not what this test is about.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class InboxGatherTest {

    @Inject
    InboxConsumers consumers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Test
    void eventsProducedOneAtATimeReachAGatheringHandlerTogether() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "chassis-gather-" + run;
        Set<String> handled = ConcurrentHashMap.newKeySet();
        EventHandler gathering = new EventHandler() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public void handle(CloudEvent event) {
                handled.add(event.id());
            }

            @Override
            public Duration gatherFor() {
                return Duration.ofMillis(1500);
            }
        };
        String subject = "gather-" + run;
        List<String> ids = new ArrayList<>();
        TopicReader.send(record(topic, subject, "first", ids)); // the topic exists before the consumer subscribes
        InboxConsumer consumer = consumers.create(gathering, "test.Gathering-" + run, "chassis-gather-" + run);
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 1);
            for (int i = 0; i < 5; i++) { // five produce requests, each acknowledged before the next
                TopicReader.send(record(topic, subject, Integer.toString(i), ids));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 6);
            assertThat(transactions(consumer.name(), ids.subList(1, 6)))
                    .as("transactions that applied five events produced one at a time").isLessThan(5);
        } finally {
            consumer.requestStop();
            consumer.awaitStop();
        }
    }

    private ProducerRecord<String, String> record(String topic, String subject, String name, List<String> ids) {
        CloudEvent event = CloudEvent.of("/elsewhere", WidgetCreated.TYPE, subject, Instant.now(),
                mapper.valueToTree(new WidgetCreated(subject, name, false)));
        ids.add(event.id());
        return new ProducerRecord<>(topic, subject, event.toJson());
    }

    private int transactions(String consumer, List<String> eventIds) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(DISTINCT processed_at) FROM inbox_event WHERE consumer = ? AND event_id = ANY (?)")) {
            query.setString(1, consumer);
            query.setArray(2, connection.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
