package io.partnerhub.gateway.problem;

import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.chassis.problem.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own problems (DESIGN §5a), written by chassis-web's {@link Problems} like every service's: the
 * bodies are built here, the shape and the media type are the chassis'. {@link #send} ends a Vert.x exchange (the
 * proxy route), {@link #response} answers from JAX-RS (clock fan-out, OpenAPI documents).
 */
@Singleton // no client proxy: the proxy calls it on its event loop
public class GatewayProblems {

    private final ObjectMapper mapper;

    public GatewayProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Ends the exchange with this problem; a no-op when the response has already started. */
    public void send(RoutingContext rc, Map<String, Object> problem) {
        if (rc.response().headWritten() || rc.response().ended()) {
            return;
        }
        rc.response()
                .setStatusCode((Integer) problem.get("status"))
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .end(Problems.json(mapper, problem));
    }

    public Response response(Map<String, Object> problem) {
        return Problems.response(mapper, problem);
    }

    public static Map<String, Object> invalidPath(String reason, String instance) {
        return Problems.body(400, "invalid-path", "Invalid path", reason, instance, null);
    }

    public static Map<String, Object> originNotAllowed(String origin, String instance) {
        return Problems.body(403, "origin-not-allowed", "Origin not allowed", "Browsers may call the gateway from the"
                + " portal's origins only, not from " + origin + ".", instance, null);
    }

    public static Map<String, Object> notFound(String detail, String instance) {
        return Problems.body(404, "not-found", "Resource not found", detail, instance, null);
    }

    public static Map<String, Object> unauthorized(String detail, String instance) {
        return Problems.body(401, "unauthorized", "Authentication required", detail, instance, null);
    }

    public static Map<String, Object> serviceUnavailable(String service, String instance) {
        return Problems.body(503, "service-unavailable", "Service unavailable",
                "The " + service + " is not reachable; try again shortly.", instance, null);
    }

    public static Map<String, Object> gatewayTimeout(String service, String instance) {
        return Problems.body(504, "gateway-timeout", "Gateway timeout", "The " + service + " did not answer in time.",
                instance, null);
    }

    public static Map<String, Object> badGateway(String service, String instance) {
        return Problems.body(502, "bad-gateway", "Bad gateway", "The " + service + " broke off the exchange.",
                instance, null);
    }

    public static Map<String, Object> payloadTooLarge(long limitBytes, String instance) {
        return Problems.body(413, "payload-too-large", "Payload too large",
                "The request body exceeds " + limitBytes + " bytes", instance, Map.of("maxBytes", limitBytes));
    }

    public static Map<String, Object> internalError(String detail, String instance) {
        return Problems.body(500, "internal-error", "Internal error", detail, instance, null);
    }
}
