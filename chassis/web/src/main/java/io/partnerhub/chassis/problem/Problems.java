package io.partnerhub.chassis.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds RFC 9457 problem documents; the one place that knows their shape. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://partnerhub.io/problems/";

    private Problems() {
    }

    /** The problem members in order: type, title, status, detail, instance, then the extensions. */
    public static Map<String, Object> body(int status, String typeSlug, String title, String detail, String instance,
            Map<String, ?> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + typeSlug);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        return body;
    }

    public static String json(ObjectMapper mapper, Map<String, Object> body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // an extension value the mapper cannot write must not hide the problem itself
            Map<String, Object> plain = new LinkedHashMap<>(body);
            plain.keySet().retainAll(java.util.List.of("type", "title", "status", "detail", "instance"));
            try {
                return mapper.writeValueAsString(plain);
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    public static Response response(ObjectMapper mapper, Map<String, Object> body) {
        return Response.status((Integer) body.get("status")).type(MEDIA_TYPE).entity(json(mapper, body)).build();
    }

    /** Title and type slug of the generic problems for an HTTP status the framework produced. */
    static String[] generic(int status) {
        return switch (status) {
            case 400 -> new String[] { "bad-request", "Bad request" };
            case 401 -> new String[] { "unauthorized", "Authentication required" };
            case 403 -> new String[] { "forbidden", "Forbidden" };
            case 404 -> new String[] { "not-found", "Resource not found" };
            case 405 -> new String[] { "method-not-allowed", "Method not allowed" };
            case 406 -> new String[] { "not-acceptable", "Not acceptable" };
            case 409 -> new String[] { "conflict", "Conflict" };
            case 413 -> new String[] { "payload-too-large", "Payload too large" };
            case 415 -> new String[] { "unsupported-media-type", "Unsupported media type" };
            case 429 -> new String[] { "too-many-requests", "Too many requests" };
            case 503 -> new String[] { "service-unavailable", "Service unavailable" };
            default -> status >= 500 ? new String[] { "internal-error", "Internal error" }
                    : new String[] { "http-" + status, "HTTP " + status };
        };
    }
}
