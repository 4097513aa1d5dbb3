package io.partnerhub.gateway.proxy;

import java.net.URI;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.gateway.config.GatewayConfig;
import io.partnerhub.gateway.domain.Lane;
import io.partnerhub.gateway.domain.RequestClass;
import io.partnerhub.gateway.domain.RequestPath;
import io.partnerhub.gateway.domain.RequestPath.Invalid;
import io.partnerhub.gateway.domain.RequestPath.Valid;
import io.partnerhub.gateway.domain.RouteTable;
import io.partnerhub.gateway.domain.RouteTable.Route;
import io.partnerhub.gateway.problem.GatewayProblems;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyOptions;

/**
 * The edge: every {@code /api/<segment>/**} request goes to the service that owns the segment through Vert.x's
 * reverse proxy ({@code vertx-http-proxy}: method, headers and body streamed both ways, back-pressure, hop-by-hop
 * rules), with PartnerHub's rules as interceptors, in this order:
 * <ol>
 * <li>{@link RouteInterceptor}: the path the service sees ({@code /api} removed); failures toward the service as
 * 503/504/502/413 problems;</li>
 * <li>{@link HeaderHygiene}: hop-by-hop and spoofable headers out, our {@code X-Forwarded-*} in, {@code Location}
 * back to {@code /api};</li>
 * <li>{@link EdgeAuthInterceptor}: a bearer token must verify (401 problem);</li>
 * <li>{@link RateLimitInterceptor}: the client's budget (429 problem, {@code RateLimit} headers);</li>
 * <li>{@link BodyLimitInterceptor}: chunked bodies over the limit (413);</li>
 * <li>{@link ResponseDeadline}: response headers within {@code timeout} (504).</li>
 * </ol>
 * Toward each service a request takes the ordinary pool or, for a stream ({@link Lane}: server-sent events), the stream
 * pool ({@link DownstreamHttpClient}), so that open streams never hold the connections ordinary requests need.
 * {@code /api/admin/**} (clock, dead letters, failed outbox rows) is served by the gateway itself. Before any routing, a path that a server could resolve
 * elsewhere than it reads ({@code ..}, encoded dots and slashes, {@code ;}: see {@link RequestPath}) is refused with
 * 400 {@code invalid-path}, on every path of the gateway; a service's {@code /q/**} and {@code /admin/**} are never
 * forwarded (404). The proxy owns {@code /api/**} only: {@code /} and everything else stay free for the gateway's
 * own pages (console, a portal).
 */
@ApplicationScoped
public class ApiProxy {

    /** Marks whether the gateway verified a bearer token on the request ("true") or none was sent ("false"). */
    public static final String AUTHENTICATED_HEADER = HeaderHygiene.AUTHENTICATED_HEADER;
    public static final String REQUEST_ID_HEADER = HeaderHygiene.REQUEST_ID_HEADER;
    /** Served by the gateway itself (JAX-RS: the clock, dead letters and failed outbox rows), never forwarded. */
    private static final String OWN_ADMIN_PATHS = RouteTable.PREFIX + "/admin/";
    /** Quarkus' CORS filter has priority 300 and {@link RefusedOrigins} 301: the fast lane runs just before both. */
    static final int FAST_LANE_PRIORITY = RefusedOrigins.PRIORITY + 1;
    private static final String API_PATHS = RouteTable.PREFIX + "/";
    /** Metric labels of requests answered before routing: a bounded set, whatever paths clients try. */
    private static final String UNROUTED = RouteTable.PREFIX + "/{unrouted}";
    private static final String INVALID_PATH = "/{invalid-path}";
    private static final ProxyOptions PROXY_OPTIONS = new ProxyOptions().setSupportWebSocket(false);

    private final DownstreamHttpClient downstream;
    private final GatewayConfig config;
    private final GatewayProblems problems;
    private final ObjectMapper mapper;
    private final EdgeAuthInterceptor edgeAuth;
    private final RateLimitInterceptor rateLimit;
    private final RateLimiter limiter;
    private final BodyLimitInterceptor bodyLimit;
    private final ResponseDeadline deadline;
    private final EdgeObservability observability;

    public ApiProxy(DownstreamHttpClient downstream, EdgeAuthentication authentication, RateLimiter limiter,
            GatewayConfig config, GatewayProblems problems, ObjectMapper mapper, Vertx vertx, EdgeObservability observability,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") String maxBodySize) {
        this.downstream = downstream;
        this.config = config;
        this.problems = problems;
        this.mapper = mapper;
        this.limiter = limiter;
        this.edgeAuth = new EdgeAuthInterceptor(authentication, mapper);
        this.rateLimit = new RateLimitInterceptor(limiter, mapper);
        this.bodyLimit = new BodyLimitInterceptor(new MemorySizeConverter().convert(maxBodySize).asLongValue());
        this.deadline = new ResponseDeadline(vertx, config.timeout());
        this.observability = observability;
    }

    /**
     * The fast lane: a request to {@code /api/**} with no body and no {@code Origin} is forwarded from a filter that
     * runs just ahead of the CORS filters, instead of after every route of the router. The routes it skips have
     * nothing to do for it: the CORS filter and {@link RefusedOrigins} act on {@code Origin} only, the body-size
     * checks on a body, the HTTP authentication of the gateway itself is not used on {@code /api} (the proxy checks
     * tokens), and the path check runs here too. Browsers' cross-origin calls and bodies take the router as before.
     * It saves ~6 % of the gateway's CPU per request (README.md, "What the gateway costs").
     */
    void registerFastLane(@Observes Filters filters) {
        filters.register(this::fastLane, FAST_LANE_PRIORITY);
    }

    private void fastLane(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        MultiMap headers = request.headers();
        if (request.version() != HttpVersion.HTTP_2 && request.path().startsWith(API_PATHS)
                && !headers.contains(HttpHeaders.ORIGIN) && BodyLimitInterceptor.declaresNoBody(headers)) {
            if (RequestPath.check(request.path()) instanceof Valid valid) {
                proxy(rc, valid.path());
            } else {
                refusedAmbiguousPath(rc);
            }
            return;
        }
        rc.next();
    }

    void register(@Observes Router router) {
        // first of the application's routes (ahead of chassis-web's body limit at UPLOAD_LIMIT - 1), on every path:
        // Vert.x matches routes on the normalised path, so /api/exams/%2e%2e/%2e%2e/q/metrics would reach /q/metrics
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::rejectAmbiguousPath);
        router.route(RouteTable.PREFIX + "/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::proxy);
    }

    /** request.path() is the path as received: neither decoded nor normalised (unlike the routing context's). */
    private void rejectAmbiguousPath(RoutingContext rc) {
        if (!refusedAmbiguousPath(rc)) {
            rc.next();
        }
    }

    private boolean refusedAmbiguousPath(RoutingContext rc) {
        if (RequestPath.check(rc.request().path()) instanceof Invalid invalid) {
            observability.count(rc, INVALID_PATH);
            Log.debugf("Refused path %s: %s", rc.request().path(), invalid.reason());
            problems.send(rc, GatewayProblems.invalidPath(invalid.reason(), rc.request().path()));
            return true;
        }
        return false;
    }

    private void proxy(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!(RequestPath.check(request.path()) instanceof Valid valid)) {
            observability.count(rc, INVALID_PATH);
            problems.send(rc, GatewayProblems.invalidPath("The path is not acceptable.", request.path()));
            return;
        }
        proxy(rc, valid.path());
    }

    /** @param path the request's path, checked and normalised by {@link RequestPath} */
    private void proxy(RoutingContext rc, String path) {
        HttpServerRequest request = rc.request();
        if (path.startsWith(OWN_ADMIN_PATHS)) {
            rc.next();
            return;
        }
        Route route = RouteTable.resolve(path, request.query()).orElse(null);
        if (route == null) {
            observability.count(rc, UNROUTED);
            problems.send(rc, GatewayProblems.notFound("No service serves " + path + ".", path));
            return;
        }
        request.pause(); // the token check may finish on another tick: keep the body until the proxy pipes it
        if (request.version() == HttpVersion.HTTP_2 && !request.headers().contains(HttpHeaders.CONTENT_LENGTH)
                && !request.isEnded()) {
            // an HTTP/2 body of unknown length: vertx-http-proxy 4.5 decides "chunked" from the client's headers
            // (HTTP/1.1 only) and would send such a body toward the service with neither length nor chunking
            request.headers().set(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED);
        }
        URI base = config.baseUri(route.service());
        Exchange exchange = new Exchange(route, base, path,
                RequestClass.of(request.method().name(), path.substring(RouteTable.PREFIX.length())), request,
                observability.start(rc, route, path));
        // a stream (server-sent events) holds its connection for as long as it lasts: a pool of its own, so that ordinary
        // requests never wait behind open streams
        HttpClient client = downstream.client(route.service(), Lane.of(path, request.headers().get(HttpHeaders.ACCEPT)));
        Function<ProxyContext, Future<HttpClientRequest>> origin = context -> client.request(downstream.target(base))
                .onSuccess(sent -> context.set(Exchange.ORIGIN_REQUEST, sent));
        HttpProxy proxy = HttpProxy.reverseProxy(PROXY_OPTIONS, client)
                .origin(origin::apply)
                .addInterceptor(new RouteInterceptor(exchange, mapper, origin, deadline))
                .addInterceptor(HeaderHygiene.INSTANCE)
                .addInterceptor(edgeAuth);
        if (limiter.enabled()) {
            proxy.addInterceptor(rateLimit);
        }
        proxy.addInterceptor(bodyLimit).addInterceptor(deadline);
        proxy.handle(request);
    }

    /** For the gateway's own calls to the services (clock fan-out, OpenAPI documents). */
    public static boolean isUnreachable(Throwable err) {
        return RouteInterceptor.isUnreachable(err);
    }
}
