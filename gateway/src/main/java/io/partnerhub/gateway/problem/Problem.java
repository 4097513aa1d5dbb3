package io.partnerhub.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document, the same shape the services answer with (type URIs under
 * {@code https://partnerhub.io/problems/}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://partnerhub.io/problems/";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public final String type;
    public final String title;
    public final int status;
    public final String detail;
    public final String instance;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(int status, String typeSlug, String title, String detail, String instance) {
        this.type = TYPE_BASE + typeSlug;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
    }

    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the exchange with this problem; a no-op when the response has already started. */
    public void send(RoutingContext rc) {
        if (rc.response().headWritten() || rc.response().ended()) {
            return;
        }
        rc.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .end(toJson());
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson()).build();
    }

    public static Problem notFound(String detail, String instance) {
        return new Problem(404, "not-found", "Resource not found", detail, instance);
    }

    public static Problem unauthorized(String detail, String instance) {
        return new Problem(401, "unauthorized", "Authentication required", detail, instance);
    }

    public static Problem forbidden(String detail, String instance) {
        return new Problem(403, "forbidden", "Forbidden", detail, instance);
    }

    public static Problem serviceUnavailable(String service, String instance) {
        return new Problem(503, "service-unavailable", "Service unavailable",
                "The " + service + " is not reachable; try again shortly.", instance);
    }

    public static Problem gatewayTimeout(String service, String instance) {
        return new Problem(504, "gateway-timeout", "Gateway timeout",
                "The " + service + " did not answer in time.", instance);
    }

    public static Problem badGateway(String service, String instance) {
        return new Problem(502, "bad-gateway", "Bad gateway",
                "The " + service + " broke off the exchange.", instance);
    }

    public static Problem payloadTooLarge(long limitBytes, String instance) {
        return new Problem(413, "payload-too-large", "Payload too large",
                "The request body exceeds " + limitBytes + " bytes.", instance).with("maxBodyBytes", limitBytes);
    }
}
