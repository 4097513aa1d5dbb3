package io.partnerhub.competency.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.partnerhub.chassis.events.CloudEvent;

/**
 * Consumer contract (DESIGN §3): certification-service's examples of the catalogue events in its asyncapi.yaml are
 * CloudEvents of the types this service handles, and read into the records it uses, with the id it keeps.
 */
class CertificationCatalogueContractTest {

    static final Path CERTIFICATION_ASYNCAPI = Path.of("..", "certification-service", "src", "main", "resources", "asyncapi.yaml");

    @ParameterizedTest(name = "{0}[{1}] is {2}")
    @CsvSource({
            "certificationDefined, 0, io.partnerhub.certification.defined.v1, azure-solutions-architect-expert",
            "certificationDefined, 1, io.partnerhub.certification.defined.v1, azure-solutions-architect-expert",
            "assessmentDefined,    0, io.partnerhub.assessment.defined.v1,    cloud-adoption-framework" })
    void theProducersExampleReadsIntoTheRecordThisServiceUses(String message, int index, String type, String id) throws Exception {
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(CERTIFICATION_ASYNCAPI));
        JsonNode payload = document.at("/components/messages/" + message + "/examples/" + index + "/payload");
        assertFalse(payload.isMissingNode(), message + " has example " + index);
        CloudEvent event = CloudEvent.parse(new ObjectMapper().writeValueAsBytes(payload));
        assertEquals(type, event.type());
        assertEquals(id, event.subject());
        if (type.equals(InboundEvents.CertificationDefined.TYPE)) {
            InboundEvents.CertificationDefined data = event.dataAs(InboundEvents.CertificationDefined.class);
            assertEquals(id, data.certificationId());
            assertFalse(data.name().isBlank());
        } else {
            assertEquals(InboundEvents.AssessmentDefined.TYPE, type);
            InboundEvents.AssessmentDefined data = event.dataAs(InboundEvents.AssessmentDefined.class);
            assertEquals(id, data.assessmentId());
            assertFalse(data.name().isBlank());
        }
    }
}
