package io.partnerhub.chassis.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.chassis.problem.InvalidCharacterInJson;

class NulRefusingJsonTest {

    record Voucher(String examCode, String note, List<String> tags, Map<String, String> labels, Nested nested) {
    }

    record Nested(String name) {
    }

    private final ObjectMapper json = new ObjectMapper();

    NulRefusingJsonTest() {
        new NulRefusingJson().customize(json);
    }

    /** The path Jackson records as it unwinds, as ProblemMappers reports it. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"examCode\":\"AZ-104\\u0000\"}|examCode",
            "{\"note\":\"\\u0000\"}|note",
            "{\"tags\":[\"ok\",\"b\\u0000d\"]}|tags[1]",
            "{\"labels\":{\"k\":\"v\\u0000\"}}|labels.k",
            "{\"labels\":{\"k\\u0000\":\"v\"}}|labels",
            "{\"nested\":{\"name\":\"\\u0000\"}}|nested.name" })
    void refusesNulInEveryStringOfARecordNamingTheField(String body, String field) {
        assertThatThrownBy(() -> json.readValue(body, Voucher.class))
                .isInstanceOf(InvalidCharacterInJson.class)
                .satisfies(e -> assertThat(path((JsonMappingException) e)).isEqualTo(field))
                .hasMessageContaining("U+0000");
    }

    @Test
    void freeTextKeepsLineBreaksTabsAndOtherCharacters() throws Exception {
        Voucher voucher = json.readValue("""
                {"examCode":"AZ-104","note":"line one\\nline two\\r\\n\\tindented \\u001b é \\u2028","tags":["a\\tb"]}""",
                Voucher.class);
        assertThat(voucher.note()).isEqualTo("line one\nline two\r\n\tindented \u001b é \u2028");
        assertThat(voucher.tags()).containsExactly("a\tb");
    }

    @Test
    void nullsNumbersAndEmptyStringsStayAsJacksonReadsThem() throws Exception {
        Voucher voucher = json.readValue("{\"examCode\":104,\"note\":null,\"tags\":[\"\"]}", Voucher.class);
        assertThat(voucher.examCode()).isEqualTo("104");
        assertThat(voucher.note()).isNull();
        assertThat(voucher.tags()).containsExactly("");
        assertThat(json.readValue("\"plain\"", String.class)).isEqualTo("plain");
        assertThat(json.readValue("{\"a\":\"b\"}", new TypeReference<Map<String, String>>() { })).containsEntry("a", "b");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[{\"name\":\"Ann\\u0000\",\"email\":\"a@example.com\"}]",
            "{\"rows\":[[\"x\",\"\\u0000\"]]}",
            "{\"na\\u0000me\":1}",
            "\"\\u0000\"" })
    void refusesNulAnywhereInATree(String body) {
        assertThatThrownBy(() -> json.readValue(body, JsonNode.class)).isInstanceOf(InvalidCharacterInJson.class);
        assertThatThrownBy(() -> json.readTree(body)).isInstanceOf(InvalidCharacterInJson.class);
    }

    @Test
    void treesWithoutNulReadAsBefore() throws Exception {
        assertThat(json.readValue("{\"a\":[\"x\\ty\",{\"b\":\"c\\n\"}]}", ObjectNode.class).at("/a/1/b").asText()).isEqualTo("c\n");
        assertThat(json.readValue("[\"a\",1,null]", ArrayNode.class)).hasSize(3);
        assertThatThrownBy(() -> json.readValue("[\"\\u0000\"]", ArrayNode.class)).isInstanceOf(InvalidCharacterInJson.class);
    }

    @Test
    void writingIsUnchanged() throws Exception {
        assertThat(json.writeValueAsString(Map.of("a", "b\u0000"))).isEqualTo("{\"a\":\"b\\u0000\"}");
    }
}
