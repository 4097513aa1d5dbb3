package io.partnerhub.exam.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.partnerhub.chassis.events.CloudEvent;

/** The examples consumers read in asyncapi.yaml are real CloudEvents that parse into the published records. */
class AsyncApiExamplesTest {

    static JsonNode example(String message) throws Exception {
        try (InputStream in = AsyncApiExamplesTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertNotNull(in, "asyncapi.yaml on the classpath");
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
            assertEquals("3.0.0", doc.path("asyncapi").asText());
            return doc.path("components").path("messages").path(message).path("examples").path(0).path("payload");
        }
    }

    static CloudEvent parse(JsonNode payload) throws Exception {
        return CloudEvent.parse(new ObjectMapper().writeValueAsBytes(payload));
    }

    @Test
    void passedExampleParsesIntoExamPassed() throws Exception {
        CloudEvent event = parse(example("examPassed"));
        assertEquals(ExamPassed.TYPE, event.type());
        assertEquals("/exam-service", event.source());
        ExamPassed data = event.dataAs(ExamPassed.class);
        assertEquals(event.subject(), data.candidateId());
        assertEquals(data.subject(), event.subject());
        assertEquals("AZ-104", data.examCode());
        assertEquals(742, data.score());
        assertEquals(Instant.parse("2026-12-01T11:05:00Z"), data.takenAt());
    }

    @Test
    void failedExampleParsesIntoExamFailed() throws Exception {
        CloudEvent event = parse(example("examFailed"));
        assertEquals(ExamFailed.TYPE, event.type());
        ExamFailed data = event.dataAs(ExamFailed.class);
        assertEquals(event.subject(), data.candidateId());
        assertEquals(642, data.score());
        assertNotNull(data.attemptId());
    }

    @Test
    void retiredExampleParsesIntoExamRetired() throws Exception {
        CloudEvent event = parse(example("examRetired"));
        assertEquals(ExamRetired.TYPE, event.type());
        ExamRetired data = event.dataAs(ExamRetired.class);
        assertEquals(event.subject(), data.examCode());
        assertEquals(LocalDate.parse("2027-01-31"), data.retiredOn());
    }
}
