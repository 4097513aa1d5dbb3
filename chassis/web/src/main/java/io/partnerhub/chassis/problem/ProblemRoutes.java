package io.partnerhub.chassis.problem;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * problem+json for what happens before JAX-RS: a body over {@code quarkus.http.limits.max-body-size} (Quarkus's own
 * route at {@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT} would answer an empty 413, this runs just ahead of it)
 * and failures of the proactive HTTP authentication (an invalid or expired token).
 */
@ApplicationScoped
public class ProblemRoutes {

    private final ObjectMapper mapper;
    private final long maxBodySize;

    public ProblemRoutes(ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize) {
        this.mapper = mapper;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::rejectOversizedBody);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).failureHandler(this::securityFailure);
    }

    void rejectOversizedBody(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length > maxBodySize) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            end(context, Problems.body(413, "payload-too-large", "Payload too large",
                    "The request body has " + length + " bytes; at most " + maxBodySize + " are accepted",
                    context.request().path(), Map.of("maxBytes", maxBodySize)));
            return;
        }
        context.next();
    }

    void securityFailure(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().ended() || context.response().headWritten()) {
            context.next();
            return;
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            end(context, Problems.body(401, "unauthorized", "Authentication required",
                    "A valid bearer token is required", context.request().path(), null));
        } else if (failure instanceof ForbiddenException) {
            end(context, Problems.body(403, "forbidden", "Forbidden", "Your role does not allow this operation",
                    context.request().path(), null));
        } else if (failure == null && context.statusCode() == 413) {
            end(context, Problems.body(413, "payload-too-large", "Payload too large",
                    "The request body exceeds " + maxBodySize + " bytes", context.request().path(),
                    Map.of("maxBytes", maxBodySize)));
        } else {
            context.next();
        }
    }

    private void end(RoutingContext context, Map<String, Object> body) {
        context.response()
                .setStatusCode((Integer) body.get("status"))
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .end(Problems.json(mapper, body));
    }
}
