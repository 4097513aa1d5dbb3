package io.partnerhub.gateway.proxy;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.partnerhub.gateway.domain.AllowedOrigins;
import io.partnerhub.gateway.problem.GatewayProblems;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * A request from a browser origin the gateway does not serve ({@link AllowedOrigins}) gets a 403 problem
 * ({@code origin-not-allowed}) instead of Quarkus' CORS filter's empty 403, preflight or not, on every path; it never
 * reaches a service. Runs just before that filter (filter priority 301 > its 300), which still answers every allowed
 * origin (preflights, {@code Access-Control-*} headers).
 */
@ApplicationScoped
class RefusedOrigins {

    /** Quarkus registers its CORS filter with priority 300; a higher priority runs first. */
    static final int PRIORITY = 301;

    private final boolean enabled;
    private final AllowedOrigins allowed;
    private final GatewayProblems problems;

    RefusedOrigins(@ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins, GatewayProblems problems) {
        this.enabled = enabled;
        this.allowed = AllowedOrigins.of(origins);
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        if (enabled) {
            filters.register(this::check, PRIORITY);
        }
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || allowed.allows(origin, request.scheme(), request.getHeader(HttpHeaders.HOST))) {
            rc.next();
            return;
        }
        Log.debugf("Refused origin %s for %s %s", origin, request.method(), request.path());
        problems.send(rc, GatewayProblems.originNotAllowed(origin, request.path()));
    }
}
