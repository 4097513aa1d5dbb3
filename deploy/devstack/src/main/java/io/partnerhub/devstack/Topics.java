package io.partnerhub.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** The suite's topics (DESIGN §3): one per producing service and its dead-letter topic, 3 partitions each. */
public final class Topics {

    public static final List<String> EVENT_TOPICS = List.of("exam-events", "certification-events", "competency-events",
            "membership-events");
    public static final int PARTITIONS = 3;

    private Topics() {
    }

    /** Every event topic and its {@code .dlq}. */
    public static List<String> all() {
        List<String> all = new ArrayList<>();
        for (String topic : EVENT_TOPICS) {
            all.add(topic);
            all.add(topic + ".dlq");
        }
        return all;
    }

    /** Creates the topics that do not exist yet, one replica each (a single broker); idempotent. */
    public static void create(String bootstrapServers, List<String> names) {
        create(bootstrapServers, names, 1);
    }

    /**
     * Creates the topics that do not exist yet with {@code replicationFactor} replicas; with three or more, a write
     * (acks=all) needs two in-sync replicas ({@code min.insync.replicas=2}, issue #26). Idempotent.
     */
    public static void create(String bootstrapServers, List<String> names, int replicationFactor) {
        Map<String, String> configs = replicationFactor >= 3 ? Map.of("min.insync.replicas", "2") : Map.of();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000))) {
            List<NewTopic> topics = names.stream()
                    .map(name -> new NewTopic(name, PARTITIONS, (short) replicationFactor).configs(configs)).toList();
            admin.createTopics(topics).values().forEach((name, result) -> {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + name, e.getCause());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot create topic " + name, e);
                }
            });
        }
    }
}
