package io.partnerhub.competency.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.partnerhub.competency.designation.DesignationChanged;
import io.partnerhub.competency.designation.SpecialisationChanged;
import io.partnerhub.competency.domain.Change;
import io.partnerhub.competency.domain.Level;
import io.partnerhub.competency.domain.designation.DesignationEvent;

/** asyncapi.yaml documents every change this service publishes, with an example whose data has the published fields. */
class AsyncApiExamplesTest {

    @Test
    void everyPublishedTypeHasAnExampleShapedLikeTheEvent() throws Exception {
        JsonNode document = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(Path.of("src", "main", "resources", "asyncapi.yaml")));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JsonNode competency = json.valueToTree(new CompetencyChanged(Change.AT_RISK, "org-1", "cloud-platform", Level.SILVER,
                Instant.parse("2027-12-01T11:20:05.120Z"), List.of("why")));
        JsonNode designation = json.valueToTree(new DesignationChanged(DesignationEvent.AT_RISK, "org-1", "infra-azure",
                "Infrastructure (Azure)", null, new BigDecimal("62.5"), LocalDate.parse("2027-01-12"), null));
        JsonNode specialisation = json.valueToTree(new SpecialisationChanged(DesignationEvent.LOST, "org-1", "infra-azure",
                "infra-azure-networking", "Networking", LocalDate.parse("2027-06-01")));
        JsonNode requirements = json.valueToTree(new RequirementsPublished("cloud-platform", "2027-05",
                java.time.LocalDate.parse("2027-05-01"), null, null, null, null, null));
        Set<String> documentedTypes = new TreeSet<>();
        for (JsonNode message : document.at("/components/messages")) {
            JsonNode example = message.at("/examples/0/payload");
            assertFalse(example.isMissingNode(), message.toString());
            assertEquals(message.get("name").asText(), example.get("type").asText());
            String type = example.get("type").asText();
            boolean isRequirements = RequirementsPublished.TYPE.equals(type);
            JsonNode published = isRequirements ? requirements : type.startsWith("io.partnerhub.designation.") ? designation
                    : type.startsWith("io.partnerhub.specialisation.") ? specialisation : competency;
            assertEquals(fields(published), fields(example.get("data")), message.get("name").asText());
            assertEquals(example.get("subject"), example.at(isRequirements ? "/data/competencyId" : "/data/organizationId"));
            documentedTypes.add(example.get("type").asText());
        }
        Set<String> publishedTypes = new TreeSet<>();
        for (Change change : Change.values()) {
            publishedTypes.add(change.eventType());
        }
        for (DesignationEvent event : DesignationEvent.values()) {
            publishedTypes.add(new DesignationChanged(event, "o", "a", "A", null, BigDecimal.ONE, LocalDate.EPOCH, null).type());
            if (event == DesignationEvent.ATTAINED || event == DesignationEvent.LOST) { // specialisations: these only
                publishedTypes.add(new SpecialisationChanged(event, "o", "a", "s", "S", LocalDate.EPOCH).type());
            }
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
