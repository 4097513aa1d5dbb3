package io.partnerhub.competency.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.partnerhub.competency.domain.Change;
import io.partnerhub.competency.domain.Level;

/** asyncapi.yaml documents every change this service publishes, with an example whose data has the published fields. */
class AsyncApiExamplesTest {

    @Test
    void everyPublishedTypeHasAnExampleShapedLikeTheEvent() throws Exception {
        JsonNode document = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(Path.of("src", "main", "resources", "asyncapi.yaml")));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JsonNode published = json.valueToTree(new CompetencyChanged(Change.AT_RISK, "org-1", "cloud-platform", Level.SILVER,
                Instant.parse("2027-12-01T11:20:05.120Z"), List.of("why")));
        JsonNode requirements = json.valueToTree(new RequirementsPublished("cloud-platform", "2027-05",
                java.time.LocalDate.parse("2027-05-01"), null, null, null, null, null));
        Set<String> documentedTypes = new TreeSet<>();
        for (JsonNode message : document.at("/components/messages")) {
            JsonNode example = message.at("/examples/0/payload");
            assertFalse(example.isMissingNode(), message.toString());
            assertEquals(message.get("name").asText(), example.get("type").asText());
            boolean isRequirements = RequirementsPublished.TYPE.equals(example.get("type").asText());
            assertEquals(fields(isRequirements ? requirements : published), fields(example.get("data")), message.get("name").asText());
            assertEquals(example.get("subject"), example.at(isRequirements ? "/data/competencyId" : "/data/organizationId"));
            documentedTypes.add(example.get("type").asText());
        }
        Set<String> publishedTypes = new TreeSet<>();
        for (Change change : Change.values()) {
            publishedTypes.add(change.eventType());
        }
        publishedTypes.add(RequirementsPublished.TYPE);
        assertEquals(publishedTypes, documentedTypes);
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
