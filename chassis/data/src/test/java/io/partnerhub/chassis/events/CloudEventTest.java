package io.partnerhub.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.json.JsonMapper;

class CloudEventTest {

    record ExamPassed(String candidateId, String examCode, int score, Instant takenAt) {
    }

    record ExamPassedV1Reader(String candidateId, String examCode) {
    }

    private final JsonMapper mapper = JsonMapper.builder().findAndAddModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void roundTripsThroughStructuredJson() {
        Instant takenAt = Instant.parse("2026-05-01T09:00:00Z");
        CloudEvent event = CloudEvent.of("/exam-service", "io.partnerhub.exam.passed.v1", "cand-1",
                Instant.parse("2026-05-01T10:00:00Z"), mapper.valueToTree(new ExamPassed("cand-1", "AZ-104", 812, takenAt)));

        String json = event.toJson();
        CloudEvent back = CloudEvent.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(back).isEqualTo(event);
        assertThat(json).contains("\"specversion\":\"1.0\"", "\"datacontenttype\":\"application/json\"",
                "\"time\":\"2026-05-01T10:00:00Z\"");
        assertThat(back.dataAs(ExamPassed.class)).isEqualTo(new ExamPassed("cand-1", "AZ-104", 812, takenAt));
    }

    @Test
    void dataReaderIgnoresUnknownFields() {
        String json = """
                {"specversion":"1.0","id":"e-1","source":"/exam-service","type":"io.partnerhub.exam.passed.v1",
                 "subject":"cand-1","time":"2026-05-01T10:00:00Z","datacontenttype":"application/json",
                 "extension":"ignored","data":{"candidateId":"cand-1","examCode":"AZ-104","newField":42}}
                """;
        CloudEvent event = CloudEvent.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(event.dataAs(ExamPassedV1Reader.class)).isEqualTo(new ExamPassedV1Reader("cand-1", "AZ-104"));
    }

    @Test
    void rejectsWhatIsNotACloudEvent() {
        assertThatThrownBy(() -> CloudEvent.parse("{nope".getBytes())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloudEvent.parse(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloudEvent.parse("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/a\",\"type\":\"t\"}".getBytes()))
                .hasMessageContaining("specversion");
        assertThatThrownBy(() -> CloudEvent.parse("{\"specversion\":\"1.0\",\"source\":\"/a\",\"type\":\"t\"}".getBytes()))
                .hasMessageContaining("required");
    }
}
