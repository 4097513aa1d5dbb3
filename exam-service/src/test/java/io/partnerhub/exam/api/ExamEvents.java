package io.partnerhub.exam.api;

import java.time.Duration;

import java.util.List;

import java.util.UUID;












import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;


import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.Topics;

/** Reads exam-events and writes certification-events with raw kafka-clients, as another service would. */
final class ExamEvents {

    static final String TOPIC = "exam-events";
    static final ObjectMapper JSON = new ObjectMapper();

    private ExamEvents() {
    }

    /** CloudEvents on exam-events whose key is {@code key}, read from the beginning for {@code period}, or until {@code enough} are seen. */
    static List<JsonNode> read(String key, Duration period, int enough) {
        return Topics.read(PartnerHubTestResource.kafkaBootstrapServers(), TOPIC, key, period, enough).stream().map(ExamEvents::parse).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to 20 s for at least {@code count} events with the key, then keeps reading 2 s more to catch extras. */
    static List<JsonNode> await(String key, int count) {
        List<JsonNode> events = read(key, Duration.ofSeconds(20), count);
        if (events.size() < count) {
            return events;
        }
        return read(key, Duration.ofSeconds(2), Integer.MAX_VALUE);
    }

    /** What arrives with the key within {@code quiet} (to show that nothing was published). */
    static List<JsonNode> within(String key, Duration quiet) {
        return read(key, quiet, Integer.MAX_VALUE);
    }

    /** Publishes a certification event as certification-service would (structured CloudEvent, key = candidateId). */
    static void publishCertificationEvent(String type, String candidateId, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/certification-service");
        event.put("type", type);
        event.put("subject", candidateId);
        event.put("time", java.time.Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        Topics.send(PartnerHubTestResource.kafkaBootstrapServers(), "certification-events", candidateId, event.toString());
    }
}
