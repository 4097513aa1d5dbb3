package io.partnerhub.membership.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The competency events membership consumes, as their producer documents them (DESIGN §3): the examples of
 * competency-service's asyncapi.yaml, read at {@code /components/messages/<message>/examples/0/payload}.
 */
public final class CompetencyEventExamples {

    static final Path COMPETENCY_ASYNCAPI = Path.of("..", "competency-service", "src", "main", "resources", "asyncapi.yaml");

    private CompetencyEventExamples() {
    }

    /** competency-service's example of {@code message} (competencyAttained, competencyAtRisk, …) as documented. */
    public static ObjectNode example(String message) throws Exception {
        JsonNode asyncApi = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(COMPETENCY_ASYNCAPI));
        JsonNode example = asyncApi.at("/components/messages/" + message + "/examples/0/payload");
        if (!example.isObject()) {
            throw new IllegalStateException(message + " has no example in " + COMPETENCY_ASYNCAPI);
        }
        return (ObjectNode) example.deepCopy();
    }

    /** The example of {@code message} about this organisation and competency, under a new event id. */
    public static ObjectNode forOrganization(String message, String organizationId, String competencyId) throws Exception {
        ObjectNode event = example(message);
        event.put("id", UUID.randomUUID().toString()).put("subject", organizationId);
        ((ObjectNode) event.get("data")).put("organizationId", organizationId).put("competencyId", competencyId);
        return event;
    }
}
