package io.partnerhub.gateway.domain;

import java.util.Locale;

/**
 * The edge's rule for request paths, applied to the path exactly as received (not decoded, not normalised): a path
 * that a server behind the gateway could resolve to somewhere else than it reads is refused, so that what the
 * gateway routes is what the service serves. Pure: no Quarkus, no I/O.
 * <ul>
 * <li>no {@code .} or {@code ..} segment (RFC 3986 dot-segments);</li>
 * <li>no {@code \}, no {@code ;} (path parameters, {@code ..;/}), no NUL or other control character;</li>
 * <li>no percent-encoded {@code .}, {@code /}, {@code \}, {@code ;}, {@code %} (double encoding) or control
 * character, in either case ({@code %2e}, {@code %2E}, {@code %2f}, {@code %5c}, {@code %3b}, {@code %25}, {@code %00});
 * other percent-encodings (e.g. {@code %20}) pass;</li>
 * <li>runs of {@code /} are collapsed ({@code /api/exams//AZ-104} is {@code /api/exams/AZ-104}).</li>
 * </ul>
 */
public final class RequestPath {

    private RequestPath() {
    }

    public sealed interface Checked permits Valid, Invalid {
    }

    /** An acceptable path, normalised: the one to route and forward. */
    public record Valid(String path) implements Checked {
    }

    /** A refused path and why (for the problem's detail). */
    public record Invalid(String reason) implements Checked {
    }

    public static Checked check(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return new Invalid("The path must start with '/'.");
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '\\') {
                return new Invalid("The path must not contain '\\'.");
            }
            if (c == ';') {
                return new Invalid("The path must not contain ';' (path parameters).");
            }
            if (c < 0x20 || c == 0x7f) {
                return new Invalid("The path must not contain control characters.");
            }
            if (c == '%') {
                if (i + 2 >= rawPath.length() || hex(rawPath.charAt(i + 1)) < 0 || hex(rawPath.charAt(i + 2)) < 0) {
                    return new Invalid("The path has a malformed percent-encoding.");
                }
                int decoded = hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2));
                if (decoded == '.' || decoded == '/' || decoded == '\\' || decoded == ';' || decoded == '%'
                        || decoded < 0x20 || decoded == 0x7f) {
                    return new Invalid("The path must not contain an encoded '" + describe(decoded) + "' ("
                            + rawPath.substring(i, i + 3).toLowerCase(Locale.ROOT) + ").");
                }
                i += 2;
            }
        }
        String collapsed = rawPath.contains("//") ? rawPath.replaceAll("/{2,}", "/") : rawPath;
        for (String segment : collapsed.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return new Invalid("The path must not contain '.' or '..' segments.");
            }
        }
        return new Valid(collapsed);
    }

    private static String describe(int decoded) {
        return decoded < 0x20 || decoded == 0x7f ? "control character" : String.valueOf((char) decoded);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
