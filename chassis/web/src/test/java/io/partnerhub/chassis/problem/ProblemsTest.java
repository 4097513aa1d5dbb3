package io.partnerhub.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesTheMembersInOrderThenTheExtensions() throws Exception {
        Map<String, Object> body = Problems.body(409, "retake-not-allowed", "Retake not allowed", "Wait 24 hours",
                "/exam-registrations", Map.of("nextEligibleAt", "2026-07-01T10:00:00Z"));
        assertThat(body.keySet()).containsExactly("type", "title", "status", "detail", "instance", "nextEligibleAt");
        assertThat(body.get("type")).isEqualTo("https://partnerhub.io/problems/retake-not-allowed");
        assertThat(Problems.json(mapper, body)).isEqualTo("{\"type\":\"https://partnerhub.io/problems/retake-not-allowed\","
                + "\"title\":\"Retake not allowed\",\"status\":409,\"detail\":\"Wait 24 hours\","
                + "\"instance\":\"/exam-registrations\",\"nextEligibleAt\":\"2026-07-01T10:00:00Z\"}");
    }

    @Test
    void leavesOutWhatIsNotKnownAndAnExtensionNeverReplacesAMember() {
        Map<String, Object> body = Problems.body(404, "not-found", "Resource not found", null, null,
                Map.of("type", "https://evil.example/", "status", 200));
        assertThat(body).containsOnlyKeys("type", "title", "status");
        assertThat(body.get("type")).isEqualTo(Problems.TYPE_BASE + "not-found");
        assertThat(body.get("status")).isEqualTo(404);
    }

    @Test
    void anExtensionTheMapperCannotWriteDoesNotHideTheProblem() throws Exception {
        Map<String, Object> body = Problems.body(400, "validation-failed", "Validation failed", "bad", "/x",
                Map.of("unwritable", new Object()));
        assertThat(mapper.readTree(Problems.json(mapper, body)).properties()).extracting(Map.Entry::getKey)
                .containsExactly("type", "title", "status", "detail", "instance");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "400, bad-request", "401, unauthorized", "403, forbidden", "404, not-found", "405, method-not-allowed",
            "406, not-acceptable", "409, conflict", "413, payload-too-large", "415, unsupported-media-type",
            "429, too-many-requests", "503, service-unavailable", "500, internal-error", "502, internal-error",
            "418, http-418" })
    void namesTheGenericProblemOfAStatus(int status, String slug) {
        assertThat(Problems.generic(status)[0]).isEqualTo(slug);
    }
}
