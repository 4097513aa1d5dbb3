package io.partnerhub.chassis.problem;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** The detail of a 400 for a JSON body Jackson could not bind: which field, and what it must be. */
final class JsonErrors {

    private JsonErrors() {
    }

    /** What is wrong with a JSON body, in words for a client (field path, expected type or enum values). */
    static String describe(JsonMappingException e) {
        String field = path(e);
        String subject = field.isEmpty() ? "The request body" : "Field '" + field + "'";
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return subject + " has the value " + quote(f.getValue()) + ", which is not one of "
                    + Arrays.toString(f.getTargetType().getEnumConstants());
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return subject + " has the value " + quote(f.getValue()) + ", which is not a valid "
                    + typeName(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return subject + " must be " + article(typeName(m.getTargetType()));
        }
        return subject + " is invalid: " + e.getOriginalMessage();
    }

    /** The JSON path of the failing field ({@code skills[0].area}), empty for the whole body. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) {
            return "string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getName()) {
            case "java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime" ->
                    "ISO-8601 instant (e.g. 2026-05-01T09:00:00Z)";
            case "java.time.LocalDate" -> "ISO-8601 date (e.g. 2026-05-01)";
            case "java.time.Duration" -> "ISO-8601 duration (e.g. P30D, PT36H)";
            case "java.util.UUID" -> "UUID";
            default -> type.getPackageName().startsWith("java.") ? type.getSimpleName() : "object";
        };
    }

    private static String article(String typeName) {
        if (typeName.startsWith("one of")) {
            return typeName;
        }
        return ("aeiouAEIOU".indexOf(typeName.charAt(0)) >= 0 ? "an " : "a ") + typeName;
    }

    private static String quote(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
