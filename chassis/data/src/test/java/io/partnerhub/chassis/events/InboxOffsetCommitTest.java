package io.partnerhub.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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

/**
 * Issue #25: applied offsets are committed asynchronously, at most every {@code partnerhub.inbox.commit-interval}
 * (500 ms), not synchronously after each record. What must hold: once the consumer has applied everything and is idle,
 * the group's committed offsets reach the end of every partition of the topic on their own (within the interval and a
 * poll), so that a restarted or new member resumes after what was applied, and consumer lag read from Kafka drops to 0.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class InboxOffsetCommitTest {

    private static final String GROUP = "chassis-test." + WidgetHandler.class.getSimpleName();

    @Inject
    Effects effects;

    @Inject
    ObjectMapper mapper;

    @Test
    void appliedOffsetsAreCommittedOnceTheConsumerIsIdle() throws Exception {
        String subject = "offsets-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) { // one record per produce: five polls, five applied batches
            TopicReader.send(new ProducerRecord<>(WidgetHandler.TOPIC, subject, CloudEvent.of("/elsewhere", WidgetCreated.TYPE,
                    subject, Instant.now(), mapper.valueToTree(new WidgetCreated(subject, Integer.toString(i), false))).toJson()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> effects.appliedFor(subject) == 5);

        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, PartnerHubTestResource.kafkaBootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                List<TopicPartition> partitions = committed.keySet().stream()
                        .filter(partition -> partition.topic().equals(WidgetHandler.TOPIC)).toList();
                Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                        .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                assertThat(partitions).as("partitions with committed offsets").isNotEmpty();
                for (TopicPartition partition : partitions) {
                    assertThat(committed.get(partition).offset()).as("committed offset of %s", partition)
                            .isEqualTo(ends.get(partition));
                }
            });
        }
    }
}
