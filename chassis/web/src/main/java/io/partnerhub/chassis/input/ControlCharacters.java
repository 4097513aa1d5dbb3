package io.partnerhub.chassis.input;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which characters a request may not carry (DESIGN.md §6a): U+0000 in any JSON string (PostgreSQL text cannot hold it,
 * so it used to end as a 500), and any C0 control character (U+0000-U+001F) or DEL (U+007F) in a path segment or a
 * query parameter, where no id or filter has one. Free text in a JSON body keeps its line breaks and tabs.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** A control character that an id or a query parameter may not contain: U+0000-U+001F and U+007F. */
    public static boolean isControl(char c) {
        return c <= 0x1F || c == 0x7F;
    }

    /** The index of the first U+0000 in {@code text}, or -1. */
    public static int indexOfNul(String text) {
        return text == null ? -1 : text.indexOf('\u0000');
    }

    /** The index of the first control character in {@code text}, or -1. */
    public static int indexOfControl(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code U+0000}: how a problem names the character (never the character itself). */
    public static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /**
     * The first control character in decoded path segments or query parameters (names and values), described for a
     * client: "query parameter 'candidateId' contains U+0000". Empty when there is none.
     */
    public static Optional<String> firstInRequest(List<String> pathSegments, Map<String, List<String>> queryParameters) {
        for (String segment : pathSegments) {
            int at = indexOfControl(segment);
            if (at >= 0) {
                return Optional.of("A path segment contains the control character " + codePoint(segment.charAt(at)));
            }
        }
        for (Map.Entry<String, List<String>> parameter : queryParameters.entrySet()) {
            String name = parameter.getKey();
            int at = indexOfControl(name);
            if (at >= 0) {
                return Optional.of("A query parameter name contains the control character " + codePoint(name.charAt(at)));
            }
            for (String value : parameter.getValue()) {
                at = indexOfControl(value);
                if (at >= 0) {
                    return Optional.of("Query parameter '" + name + "' contains the control character "
                            + codePoint(value.charAt(at)));
                }
            }
        }
        return Optional.empty();
    }
}
