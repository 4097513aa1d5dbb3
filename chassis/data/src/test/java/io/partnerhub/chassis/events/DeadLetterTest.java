package io.partnerhub.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.chassis.testapp.Effects;
import io.partnerhub.chassis.testapp.TopicReader;
import io.partnerhub.chassis.testapp.WidgetCreated;
import io.partnerhub.chassis.testapp.WidgetHandler;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class DeadLetterTest {

    private static final String DLQ = WidgetHandler.TOPIC + ".dlq";

    @Inject
    Effects effects;

    @Inject
    ObjectMapper mapper;

    private String widgetEvent(String subject, boolean poison) {
        return CloudEvent.of("/elsewhere", WidgetCreated.TYPE, subject, Instant.now(),
                mapper.valueToTree(new WidgetCreated(subject, "n", poison))).toJson();
    }

    private static List<ConsumerRecord<String, String>> dlqFor(String key) {
        return TopicReader.readAll(DLQ).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void unparseableRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() throws Exception {
        String subject = "garbage-" + UUID.randomUUID();
        RecordMetadata poison = TopicReader.send(new ProducerRecord<>(WidgetHandler.TOPIC, subject, "{not json"));
        RecordMetadata next = TopicReader.send(new ProducerRecord<>(WidgetHandler.TOPIC, subject, widgetEvent(subject, false)));
        assertThat(next.partition()).isEqualTo(poison.partition());

        await().atMost(Duration.ofSeconds(15)).until(() -> effects.appliedFor(subject) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> dlqFor(subject).size() == 1);
        ConsumerRecord<String, String> dead = dlqFor(subject).get(0);
        assertThat(dead.value()).isEqualTo("{not json");
        assertThat(header(dead, "dlq-error")).isNotBlank();
        assertThat(header(dead, "dlq-original-topic")).isEqualTo(WidgetHandler.TOPIC);
        assertThat(header(dead, "dlq-original-partition")).isEqualTo(Integer.toString(poison.partition()));
        assertThat(header(dead, "dlq-original-offset")).isEqualTo(Long.toString(poison.offset()));
        assertThat(header(dead, "dlq-consumer")).isEqualTo(WidgetHandler.class.getName());
    }

    @Test
    void eventWhoseHandlerAlwaysFailsGoesToTheDeadLetterTopicAfterRetriesAndTheNextOneIsApplied() throws Exception {
        String subject = "poison-" + UUID.randomUUID();
        RecordMetadata poison = TopicReader.send(new ProducerRecord<>(WidgetHandler.TOPIC, subject, widgetEvent(subject, true)));
        RecordMetadata next = TopicReader.send(new ProducerRecord<>(WidgetHandler.TOPIC, subject, widgetEvent(subject, false)));
        assertThat(next.partition()).isEqualTo(poison.partition());

        await().atMost(Duration.ofSeconds(15)).until(() -> effects.appliedFor(subject) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> dlqFor(subject).size() == 1);
        ConsumerRecord<String, String> dead = dlqFor(subject).get(0);
        assertThat(header(dead, "dlq-error")).isEqualTo("poison widget " + subject);
        assertThat(header(dead, "dlq-exception")).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(dead, "dlq-original-offset")).isEqualTo(Long.toString(poison.offset()));
        assertThat(CloudEvent.parse(dead.value().getBytes(StandardCharsets.UTF_8)).data().get("poison").asBoolean()).isTrue();
    }
}
