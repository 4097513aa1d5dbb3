package io.partnerhub.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.devstack.test.Topics;

/** What is on the suite's topics, read as another service would (raw kafka-clients), and what the groups look like. */
final class EventLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One CloudEvent as it lies on a topic. */
    record Event(String key, String id, String type, String subject, JsonNode data) {
        String text(String field) {
            JsonNode node = data == null ? null : data.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }
    }

    private EventLog() {
    }

    private static String bootstrap() {
        return RunningSuite.stack().kafkaBootstrapServers();
    }

    /** Every record on the topic now (all partitions, from the beginning to the current end). */
    static List<Event> readAll(String topic) {
        return Topics.toEnd(bootstrap(), topic, Duration.ofSeconds(30)).stream().map(EventLog::parse).toList();
    }

    private static Event parse(ConsumerRecord<String, String> record) {
        try {
            JsonNode event = JSON.readTree(record.value());
            return new Event(record.key(), event.path("id").asText(null), event.path("type").asText(null),
                    event.path("subject").asText(null), event.get("data"));
        } catch (Exception e) {
            Header type = record.headers().lastHeader("ce_type");
            return new Event(record.key(), null, type == null ? null : new String(type.value(), StandardCharsets.UTF_8),
                    null, null);
        }
    }

    /** Distinct event ids per subject among the events that match. */
    static Map<String, Set<String>> idsBySubject(Collection<Event> events, Predicate<Event> filter) {
        return events.stream().filter(filter)
                .collect(Collectors.groupingBy(Event::subject, Collectors.mapping(Event::id, Collectors.toSet())));
    }

    /** Records that repeat an event id already on the topic (the outbox may re-send after a crash; never a new id). */
    static long repeatedIds(Collection<Event> events, Predicate<Event> filter) {
        List<String> ids = events.stream().filter(filter).map(Event::id).toList();
        return ids.size() - ids.stream().distinct().count();
    }

    /** A CloudEvent JSON as exam-service writes it (DESIGN §3a). */
    static String cloudEvent(String type, String subject, Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(),
                    "source", "/exam-service", "type", type, "subject", subject, "time", java.time.Instant.now().toString(),
                    "datacontenttype", "application/json", "data", data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KafkaProducer<String, String> producer() {
        return Topics.producer(bootstrap());
    }

    static ProducerRecord<String, String> record(String topic, String key, String cloudEvent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, cloudEvent);
        try {
            JsonNode event = JSON.readTree(cloudEvent);
            record.headers().add("ce_type", event.path("type").asText().getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", event.path("id").asText().getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return record;
    }

    /** Members of the consumer group that hold at least one partition. */
    static int membersWithPartitions(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(10, TimeUnit.SECONDS).get(group);
            return (int) description.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            return 0;
        }
    }
}
