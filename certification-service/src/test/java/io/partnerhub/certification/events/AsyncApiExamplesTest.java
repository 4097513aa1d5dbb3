package io.partnerhub.certification.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.partnerhub.certification.domain.CertificationLevel;
import io.partnerhub.chassis.events.CloudEvent;

/**
 * The examples other services read in asyncapi.yaml are real CloudEvents that parse into the records this service
 * publishes, and a published record has exactly the example's fields (so consumers see the documented shape).
 */
class AsyncApiExamplesTest {

    static final ObjectMapper PUBLISHED = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    static JsonNode example(String message, int index) throws Exception {
        try (InputStream in = AsyncApiExamplesTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertNotNull(in, "asyncapi.yaml on the classpath");
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
            assertEquals("3.0.0", doc.path("asyncapi").asText());
            return doc.path("components").path("messages").path(message).path("examples").path(index).path("payload");
        }
    }

    static CloudEvent parse(JsonNode payload) throws Exception {
        return CloudEvent.parse(new ObjectMapper().writeValueAsBytes(payload));
    }

    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}[{1}] is a {2}")
    @CsvSource({
            "certificationEarned,  0, io.partnerhub.certification.events.CertificationEarned",
            "certificationEarned,  1, io.partnerhub.certification.events.CertificationEarned",
            "certificationRenewed, 0, io.partnerhub.certification.events.CertificationRenewed",
            "certificationExpired, 0, io.partnerhub.certification.events.CertificationExpired",
            "certificationRevoked, 0, io.partnerhub.certification.events.CertificationRevoked",
            "renewalDue,           0, io.partnerhub.certification.events.RenewalDue",
            "renewalDue,           1, io.partnerhub.certification.events.RenewalDue",
            "assessmentPassed,     0, io.partnerhub.certification.events.AssessmentPassed",
            "certificationDefined, 0, io.partnerhub.certification.events.CertificationDefined",
            "certificationDefined, 1, io.partnerhub.certification.events.CertificationDefined",
            "assessmentDefined,    0, io.partnerhub.certification.events.AssessmentDefined" })
    void everyExampleParsesIntoThePublishedRecordWithExactlyItsFields(String message, int index, Class<?> record) throws Exception {
        JsonNode payload = example(message, index);
        CloudEvent event = parse(payload);
        assertEquals("/certification-service", event.source());
        Object data = event.dataAs(record);
        io.partnerhub.chassis.events.DomainEvent published = (io.partnerhub.chassis.events.DomainEvent) data;
        assertEquals(published.type(), event.type());
        assertEquals(published.subject(), event.subject());
        assertEquals(fields(payload.path("data")), fields(PUBLISHED.valueToTree(data)));
    }

    @Test
    void earnedCarriesTheExamsAndANullExpiryForFundamentals() throws Exception {
        CertificationEarned expert = parse(example("certificationEarned", 0)).dataAs(CertificationEarned.class);
        assertEquals(CertificationLevel.EXPERT, expert.level());
        assertEquals(List.of("AZ-305", "AZ-104"), expert.examCodes());
        assertEquals(Instant.parse("2027-12-01T11:20:04.207Z"), expert.expiresAt());
        CertificationEarned fundamentals = parse(example("certificationEarned", 1)).dataAs(CertificationEarned.class);
        assertEquals(CertificationLevel.FUNDAMENTALS, fundamentals.level());
        assertNull(fundamentals.expiresAt());
        assertEquals("EXPIRED", parse(example("certificationExpired", 0)).dataAs(CertificationExpired.class).reason());
    }
}
