package io.partnerhub.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A seed file and its variables (see {@link Seeder} for the format): loading the JSON list, {@code ${variable}}
 * substitution in paths, bodies and claims, the built-in dates ({@code ${today}}, {@code ${today+P150D}},
 * {@code ${month}} = the first day of this month in UTC, {@code ${month-P1D}}) and the values {@code save} reads from
 * answers.
 */
final class SeedScript {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?:([+-])(P[0-9A-Z]+))?}");

    private final Map<String, String> variables = new LinkedHashMap<>();

    /** The entries of a seed file on the class path. */
    static List<?> load(String resource) {
        try (InputStream in = SeedScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No seed file " + resource + " on the classpath");
            }
            Object parsed = JSON.readValue(in, Object.class);
            if (!(parsed instanceof List<?> list)) {
                throw new IllegalArgumentException(resource + " must be a JSON list of {service, method, path, body}");
            }
            return list;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    /** What the seed saved so far (e.g. {@code org.contoso} = the organisation's id). */
    Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    /** {@code {"variable": "/json/pointer"}} read from an answer's body; nothing there is a failure of the entry. */
    void save(JsonNode save, String body, String what) throws IOException {
        if (save.isMissingNode() || save.isEmpty()) {
            return;
        }
        JsonNode answer = JSON.readTree(body);
        for (Iterator<Map.Entry<String, JsonNode>> fields = save.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = answer.at(field.getValue().asText());
            if (value.isMissingNode() || value.isNull()) {
                throw new SeedFailure(what + ": the answer has nothing at " + field.getValue().asText() + ": "
                        + SeedFailure.abbreviate(body));
            }
            variables.put(field.getKey(), value.asText());
        }
    }

    /** The claims of an entry's {@code as} (ops when there is none), variables substituted. */
    Map<String, String> persona(JsonNode as) {
        if (as.isMissingNode() || as.isNull()) {
            return ops();
        }
        Map<String, String> claims = new LinkedHashMap<>();
        as.fields().forEachRemaining(f -> claims.put(f.getKey(), substitute(f.getValue().asText())));
        return claims;
    }

    static Map<String, String> ops() {
        return Map.of("role", "ops");
    }

    /** A copy of {@code node} with every text substituted. */
    JsonNode substitute(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(substitute(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), substitute(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(substitute(element)));
            return copy;
        }
        return node;
    }

    String substitute(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(value(matcher.group(1), matcher.group(2), matcher.group(3))));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String value(String name, String sign, String period) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate date = switch (name) {
            case "today" -> today;
            case "month" -> today.withDayOfMonth(1);
            default -> null;
        };
        if (date == null) {
            String value = variables.get(name);
            if (value == null) {
                throw new SeedFailure("unknown variable ${" + name + "} (saved so far: " + variables.keySet() + ")");
            }
            return value;
        }
        if (period != null) {
            Period amount = Period.parse(period);
            date = "-".equals(sign) ? date.minus(amount) : date.plus(amount);
        }
        return date.toString();
    }
}
