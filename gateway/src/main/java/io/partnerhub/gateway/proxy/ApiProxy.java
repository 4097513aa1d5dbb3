package io.partnerhub.gateway.proxy;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.channel.ConnectTimeoutException;
import io.partnerhub.gateway.config.GatewayConfig;
import io.partnerhub.gateway.domain.RequestPath;
import io.partnerhub.gateway.domain.RequestPath.Invalid;
import io.partnerhub.gateway.domain.RequestPath.Valid;
import io.partnerhub.gateway.domain.RouteTable;
import io.partnerhub.gateway.domain.RouteTable.Route;
import io.partnerhub.gateway.problem.GatewayProblems;
import io.partnerhub.gateway.proxy.EdgeAuthentication.Outcome;
import io.partnerhub.gateway.proxy.EdgeAuthentication.Rejected;
import io.partnerhub.gateway.proxy.EdgeAuthentication.Verified;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The edge: every {@code /api/<segment>/**} request is streamed to the service that owns the segment
 * (method, normalised path without {@code /api}, query, headers, body) and the service's answer is streamed back.
 * {@code /api/admin/clock} is served by the gateway itself. Before any routing, a path that a server could resolve
 * elsewhere than it reads ({@code ..}, encoded dots and slashes, {@code ;}: see {@link RequestPath}) is refused with
 * 400 {@code invalid-path}, on every path of the gateway; a service's {@code /q/**} and {@code /admin/**} are never
 * forwarded (404). Bodies over the limit with a Content-Length are refused by chassis-web's {@code ProblemRoutes};
 * chunked ones here, while streaming.
 */
@ApplicationScoped
public class ApiProxy {

    /** Marks whether the gateway verified a bearer token on the request ("true") or none was sent ("false"). */
    public static final String AUTHENTICATED_HEADER = "X-PartnerHub-Authenticated";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Served by the gateway itself (JAX-RS), not forwarded. */
    private static final String OWN_CLOCK_PATH = RouteTable.PREFIX + "/admin/clock";

    /** RFC 9110 §7.6.1 connection-specific headers, plus Host which the client sets for the service. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "trailers", "transfer-encoding", "upgrade", "host");

    private final DownstreamHttpClient downstream;
    private final EdgeAuthentication authentication;
    private final GatewayConfig config;
    private final GatewayProblems problems;
    private final long maxBodyBytes;

    public ApiProxy(DownstreamHttpClient downstream, EdgeAuthentication authentication, GatewayConfig config,
            GatewayProblems problems, @ConfigProperty(name = "quarkus.http.limits.max-body-size") String maxBodySize) {
        this.downstream = downstream;
        this.authentication = authentication;
        this.config = config;
        this.problems = problems;
        this.maxBodyBytes = new MemorySizeConverter().convert(maxBodySize).asLongValue();
    }

    void register(@Observes Router router) {
        // first of the application's routes (ahead of chassis-web's body limit at UPLOAD_LIMIT - 1), on every path:
        // Vert.x matches routes on the normalised path, so /api/exams/%2e%2e/%2e%2e/q/metrics would reach /q/metrics
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::rejectAmbiguousPath);
        router.route(RouteTable.PREFIX + "/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::proxy);
    }

    /** request.path() is the path as received: neither decoded nor normalised (unlike the routing context's). */
    private void rejectAmbiguousPath(RoutingContext rc) {
        if (RequestPath.check(rc.request().path()) instanceof Invalid invalid) {
            Log.debugf("Refused path %s: %s", rc.request().path(), invalid.reason());
            problems.send(rc, GatewayProblems.invalidPath(invalid.reason(), rc.request().path()));
            return;
        }
        rc.next();
    }

    private void proxy(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!(RequestPath.check(request.path()) instanceof Valid valid)) {
            problems.send(rc, GatewayProblems.invalidPath("The path is not acceptable.", request.path()));
            return;
        }
        String path = valid.path();
        if (path.equals(OWN_CLOCK_PATH)) {
            rc.next();
            return;
        }
        Route route = RouteTable.resolve(path, request.query()).orElse(null);
        if (route == null) {
            problems.send(rc, GatewayProblems.notFound("No service serves " + path + ".", path));
            return;
        }
        request.pause();
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            forward(rc, route, false);
            return;
        }
        rc.vertx().<Outcome> executeBlocking(() -> authentication.check(authorization), false)
                .onFailure(err -> {
                    Log.errorf(err, "Token check failed for %s", path);
                    problems.send(rc, GatewayProblems.internalError("The token could not be checked.", path));
                })
                .onSuccess(outcome -> {
                    if (outcome instanceof Rejected rejected) {
                        rc.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                        problems.send(rc, GatewayProblems.unauthorized(rejected.reason(), path));
                    } else {
                        forward(rc, route, outcome instanceof Verified);
                    }
                });
    }

    private void forward(RoutingContext rc, Route route, boolean authenticated) {
        HttpServerRequest request = rc.request();
        URI base = config.baseUri(route.service());
        String serviceName = route.service().applicationName();
        downstream.client().request(downstream.options(request.method(), base, route.downstreamUri()))
                .onFailure(err -> fail(rc, serviceName, err))
                .onSuccess(outbound -> {
                    copyRequestHeaders(request, outbound.headers(), authenticated);
                    outbound.response()
                            .onSuccess(response -> relay(rc, response, base))
                            .onFailure(err -> fail(rc, serviceName, err));
                    streamBody(rc, outbound);
                });
    }

    private void copyRequestHeaders(HttpServerRequest request, MultiMap out, boolean authenticated) {
        Set<String> connectionTokens = connectionTokens(request.headers());
        request.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !connectionTokens.contains(name)
                    && !name.equalsIgnoreCase(AUTHENTICATED_HEADER)) {
                out.add(h.getKey(), h.getValue());
            }
        });
        out.set(AUTHENTICATED_HEADER, Boolean.toString(authenticated));
        if (!out.contains(REQUEST_ID_HEADER)) {
            out.set(REQUEST_ID_HEADER, UUID.randomUUID().toString());
        }
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String forwardedFor = request.getHeader("X-Forwarded-For");
        if (remote != null) {
            out.set("X-Forwarded-For", forwardedFor == null ? remote : forwardedFor + ", " + remote);
        }
        out.set("X-Forwarded-Proto", request.scheme());
        String host = request.getHeader(HttpHeaders.HOST);
        if (host != null) {
            out.set("X-Forwarded-Host", host);
        }
        out.set("X-Forwarded-Prefix", RouteTable.PREFIX);
    }

    /** Streams the request body with back-pressure, counting bytes against the body limit (chunked bodies too). */
    private void streamBody(RoutingContext rc, HttpClientRequest outbound) {
        HttpServerRequest request = rc.request();
        if (request.isEnded()) {
            outbound.end();
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            outbound.setChunked(true);
        }
        long[] received = {0};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > maxBodyBytes) {
                request.handler(null);
                outbound.reset();
                rc.response().putHeader(HttpHeaders.CONNECTION, "close");
                problems.send(rc, GatewayProblems.payloadTooLarge(maxBodyBytes, request.path()));
                return;
            }
            outbound.write(chunk);
            if (outbound.writeQueueFull()) {
                request.pause();
                outbound.drainHandler(v -> request.resume());
            }
        });
        request.endHandler(v -> {
            if (received[0] <= maxBodyBytes) {
                outbound.end();
            }
        });
        request.exceptionHandler(err -> outbound.reset());
        request.resume();
    }

    private void relay(RoutingContext rc, HttpClientResponse response, URI base) {
        HttpServerResponse out = rc.response();
        if (out.ended() || out.headWritten()) {
            response.request().reset();
            return;
        }
        out.setStatusCode(response.statusCode());
        out.setStatusMessage(response.statusMessage());
        Set<String> connectionTokens = connectionTokens(response.headers());
        response.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !connectionTokens.contains(name)) {
                out.headers().add(h.getKey(), name.equals("location") ? rewriteLocation(rc, h.getValue(), base) : h.getValue());
            }
        });
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH) && hasBody(rc.request().method(), response.statusCode())) {
            out.setChunked(true);
        }
        response.pipeTo(out).onFailure(err -> Log.debugf("Response stream from %s broke off: %s", base, err.getMessage()));
    }

    /** A service builds absolute Locations with its own address; clients must come back through the gateway. */
    static String rewriteLocation(RoutingContext rc, String location, URI base) {
        if (location.startsWith("/")) {
            return RouteTable.PREFIX + location;
        }
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        if (location.startsWith(origin)) {
            String host = rc.request().getHeader(HttpHeaders.HOST);
            String external = host == null ? "" : rc.request().scheme() + "://" + host;
            return external + RouteTable.PREFIX + location.substring(origin.length());
        }
        return location;
    }

    private static boolean hasBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
    }

    private static Set<String> connectionTokens(MultiMap headers) {
        String connection = headers.get(HttpHeaders.CONNECTION);
        if (connection == null) {
            return Set.of();
        }
        return Set.of(connection.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
    }

    private void fail(RoutingContext rc, String serviceName, Throwable err) {
        String path = rc.request().path();
        if (rc.response().ended()) {
            return;
        }
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        Map<String, Object> problem;
        if (isUnreachable(err)) {
            problem = GatewayProblems.serviceUnavailable(serviceName, path);
            rc.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
        } else if (err instanceof TimeoutException) {
            problem = GatewayProblems.gatewayTimeout(serviceName, path);
        } else {
            problem = GatewayProblems.badGateway(serviceName, path);
        }
        Log.warnf("%s %s -> %s: %s (%s)", rc.request().method(), path, serviceName, problem.get("status"), err.toString());
        // the request body may still be paused: don't leave the client waiting on it
        rc.request().resume();
        problems.send(rc, problem);
    }

    public static boolean isUnreachable(Throwable err) {
        for (Throwable t = err; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
