package io.partnerhub.contracts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * The changes between two versions of an OpenAPI document that break a client built on the older one: a removed
 * operation, a new required parameter, a request body field newly required or of a narrowed type, and a success
 * response's field removed or of a changed type. Error responses are left out: every error is problem+json, which a
 * client reads by its type, whatever the operation.
 *
 * <p>Written on swagger-parser's model, not with openapi-diff-core 2.1.0: on our OpenAPI 3.1 documents openapi-diff reads
 * them but does not see a removed response field nor a changed type (it compares the 3.0 {@code type}, which
 * swagger-parser leaves empty for 3.1 in favour of {@code types}), and it reports an unchanged document as changed.
 */
public final class BreakingChanges {

    private static final int MAX_DEPTH = 12;

    private BreakingChanges() {
    }

    /** Each breaking change from the older document to the newer, as one sentence naming where; empty when none. */
    public static List<String> between(String older, String newer) {
        OpenAPI before = read(older);
        OpenAPI after = read(newer);
        List<String> changes = new ArrayList<>();
        operations(before).forEach((key, operation) -> {
            Operation now = operations(after).get(key);
            if (now == null) {
                changes.add(key + ": operation removed");
            } else {
                compare(key, operation, now, changes);
            }
        });
        return changes;
    }

    private static void compare(String key, Operation before, Operation after, List<String> changes) {
        Map<String, Parameter> parametersBefore = parameters(before);
        parameters(after).forEach((name, parameter) -> {
            Parameter old = parametersBefore.get(name);
            if (Boolean.TRUE.equals(parameter.getRequired()) && (old == null || !Boolean.TRUE.equals(old.getRequired()))) {
                changes.add(key + ": new required parameter " + name);
            } else if (old != null) {
                requestSchema(key + " parameter " + name, old.getSchema(), parameter.getSchema(), 0, changes);
            }
        });
        if (before.getRequestBody() != null && after.getRequestBody() != null) {
            requestSchema(key + " request body", json(before.getRequestBody().getContent()),
                    json(after.getRequestBody().getContent()), 0, changes);
        } else if (before.getRequestBody() == null && after.getRequestBody() != null
                && Boolean.TRUE.equals(after.getRequestBody().getRequired())) {
            changes.add(key + ": new required request body");
        }
        Map<String, ApiResponse> responsesAfter = after.getResponses() == null ? Map.of() : after.getResponses();
        if (before.getResponses() != null) {
            before.getResponses().forEach((status, response) -> {
                if (!status.startsWith("2")) {
                    return;
                }
                ApiResponse now = responsesAfter.get(status);
                if (now == null) {
                    changes.add(key + ": response " + status + " removed");
                } else {
                    responseSchema(key + " response " + status, json(response.getContent()), json(now.getContent()),
                            0, changes);
                }
            });
        }
    }

    /** What a client sends must still be accepted: no field newly required, no type or enumeration narrowed. */
    private static void requestSchema(String where, Schema<?> before, Schema<?> after, int depth, List<String> changes) {
        if (before == null || after == null || depth > MAX_DEPTH) {
            return;
        }
        if (!accepts(types(after), types(before))) {
            changes.add(where + ": type narrowed from " + types(before) + " to " + types(after));
        }
        if (after.getEnum() != null && (before.getEnum() == null || !after.getEnum().containsAll(before.getEnum()))) {
            changes.add(where + ": values narrowed from " + before.getEnum() + " to " + after.getEnum());
        }
        Set<String> requiredBefore = set(before.getRequired());
        for (String field : set(after.getRequired())) {
            if (!requiredBefore.contains(field)) {
                changes.add(where + ": field " + field + " newly required");
            }
        }
        Map<String, Schema> propertiesAfter = properties(after);
        properties(before).forEach((name, schema) ->
                requestSchema(where + "." + name, schema, propertiesAfter.get(name), depth + 1, changes));
        requestSchema(where + "[]", before.getItems(), after.getItems(), depth + 1, changes);
    }

    /** What a client reads must still be there, of a type it already reads. */
    private static void responseSchema(String where, Schema<?> before, Schema<?> after, int depth, List<String> changes) {
        if (before == null || depth > MAX_DEPTH) {
            return;
        }
        if (after == null) {
            changes.add(where + ": removed");
            return;
        }
        if (!accepts(types(before), types(after))) {
            changes.add(where + ": type changed from " + types(before) + " to " + types(after));
        }
        if (before.getEnum() != null && (after.getEnum() == null || !before.getEnum().containsAll(after.getEnum()))) {
            changes.add(where + ": values widened from " + before.getEnum() + " to " + after.getEnum());
        }
        Map<String, Schema> propertiesAfter = properties(after);
        properties(before).forEach((name, schema) ->
                responseSchema(where + "." + name, schema, propertiesAfter.get(name), depth + 1, changes));
        responseSchema(where + "[]", before.getItems(), after.getItems(), depth + 1, changes);
    }

    /** Whether every value of the types {@code given} is one of {@code allowed} (an integer is a number). */
    private static boolean accepts(Set<String> allowed, Set<String> given) {
        if (allowed.isEmpty()) {
            return true;
        }
        return given.stream().allMatch(type -> allowed.contains(type)
                || type.equals("integer") && allowed.contains("number")) && !given.isEmpty();
    }

    private static Set<String> types(Schema<?> schema) {
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes();
        }
        return schema.getType() == null ? Set.of() : Set.of(schema.getType());
    }

    /** The properties of a schema, those of its allOf parts included. */
    private static Map<String, Schema> properties(Schema<?> schema) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(part -> properties.putAll(properties(part)));
        }
        if (schema.getProperties() != null) {
            properties.putAll(schema.getProperties());
        }
        return properties;
    }

    private static Map<String, Operation> operations(OpenAPI document) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        if (document.getPaths() != null) {
            document.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> operations.put(method + " " + path, operation)));
        }
        return operations;
    }

    private static Map<String, Parameter> parameters(Operation operation) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> parameters.put(p.getIn() + " " + p.getName(), p));
        }
        return parameters;
    }

    private static Schema<?> json(io.swagger.v3.oas.models.media.Content content) {
        if (content == null) {
            return null;
        }
        MediaType media = content.get("application/json");
        if (media == null && !content.isEmpty()) {
            media = content.values().iterator().next();
        }
        return media == null ? null : media.getSchema();
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new HashSet<>(values);
    }

    private static OpenAPI read(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI model = new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
        if (model == null) {
            throw new IllegalArgumentException("not an OpenAPI document");
        }
        return model;
    }
}
