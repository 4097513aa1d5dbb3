package io.partnerhub.chassis.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ControlCharactersTest {

    @ParameterizedTest(name = "U+{0} is a control character")
    @ValueSource(ints = { 0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F })
    void refusesC0ControlsAndDeleteInIdsAndQueryParameters(int c) {
        assertThat(ControlCharacters.isControl((char) c)).isTrue();
        assertThat(ControlCharacters.indexOfControl("c-1" + (char) c)).isEqualTo(3);
    }

    @ParameterizedTest(name = "U+{0} is accepted")
    @ValueSource(ints = { 0x20, 'a', '-', '%', '~', 0x80, 0xA0, 0xE9, 0x2028, 0xFEFF })
    void acceptsPrintableAndNonAsciiCharacters(int c) {
        assertThat(ControlCharacters.isControl((char) c)).isFalse();
    }

    static Stream<Arguments> texts() {
        return Stream.of(Arguments.of("plain", -1), Arguments.of("tab\there", -1), Arguments.of("line\nbreak", -1),
                Arguments.of("a\u0000b", 1), Arguments.of("\u0000", 0), Arguments.of(null, -1));
    }

    @ParameterizedTest(name = "[{index}] NUL at {1}")
    @MethodSource("texts")
    void findsNulOnlyWhereItIs(String text, int at) {
        assertThat(ControlCharacters.indexOfNul(text)).isEqualTo(at);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "segment|A path segment contains the control character U+0000",
            "name|A query parameter name contains the control character U+000A",
            "value|Query parameter 'candidateId' contains the control character U+007F",
            "none|" })
    void namesWhereInTheRequestTheControlCharacterIs(String where, String expected) {
        List<String> segments = List.of("transcripts", where.equals("segment") ? "c-1\u0000" : "c-1");
        Map<String, List<String>> query = switch (where) {
            case "name" -> Map.of("candidate\nId", List.of("c-1"));
            case "value" -> Map.of("candidateId", List.of("c-1", "c-2\u007F"));
            default -> Map.of("candidateId", List.of("c-1"));
        };
        assertThat(ControlCharacters.firstInRequest(segments, query)).isEqualTo(java.util.Optional.ofNullable(expected));
    }
}
