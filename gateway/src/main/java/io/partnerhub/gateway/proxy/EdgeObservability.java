package io.partnerhub.gateway.proxy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.partnerhub.gateway.domain.RouteTable.Route;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * What the edge records of each proxied request, at a price the proxy can pay on every request.
 * <ul>
 * <li><b>The edge span</b>: one SERVER span per request, named by the route ({@code GET /api/exams/{path}}), a child
 * of the client's {@code traceparent} when it sent one; {@link HeaderHygiene} hands it on to the service, so the
 * service's span continues the same trace. Quarkus' own Vert.x HTTP instrumentation is off at the gateway
 * ({@code quarkus.otel.instrument.vertx-http=false}): it costs a tenth of the gateway's CPU per request (fifteen
 * attribute extractors, MDC on every context switch) for the same span. Attributes: method, path, route, status.</li>
 * <li><b>The request metric</b> {@code http_server_requests_seconds} (Micrometer timer; tags {@code method},
 * {@code uri}, {@code status}, {@code outcome}, as Quarkus' binder names them) is recorded here, labelled with the
 * route's template ({@code /api/exams/{path}}), or {@code /api/{unrouted}} and {@code /{invalid-path}} for requests
 * refused before routing: a bounded set of series whatever paths clients try. Quarkus' HTTP server binder is off at
 * the gateway ({@code quarkus.micrometer.binder.http-server.enabled=false}): it matched every URL against patterns,
 * built and sorted tags and looked the timer up by them on every request, and sampled exemplars. The gateway's own
 * pages (console, portal, documents) are not counted.</li>
 * </ul>
 */
@Singleton // no client proxy: called on every proxied request
public class EdgeObservability {

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    private static final TextMapGetter<HttpServerRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServerRequest request) {
            return request.headers().names();
        }

        @Override
        public String get(HttpServerRequest request, String key) {
            return request == null ? null : request.getHeader(key);
        }
    };

    private record Series(String method, String uri, int status) {
    }

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final MeterRegistry registry;
    private final ConcurrentMap<Series, Timer> timers = new ConcurrentHashMap<>();

    public EdgeObservability(OpenTelemetry openTelemetry, MeterRegistry registry) {
        this.tracer = openTelemetry.getTracer("io.partnerhub.gateway");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.registry = registry;
    }

    /** Times a request answered before routing, under {@code template}. */
    void count(RoutingContext rc, String template) {
        long start = System.nanoTime();
        String method = rc.request().method().name();
        rc.addEndHandler(ended -> record(method, template, rc.response().getStatusCode(), start));
    }

    /**
     * Starts the edge span of a routed request and its timing; both end when the response does (or the connection
     * breaks).
     */
    Span start(RoutingContext rc, Route route, String path) {
        long start = System.nanoTime();
        HttpServerRequest request = rc.request();
        String method = request.method().name();
        Span span = tracer.spanBuilder(method + " " + route.template())
                .setParent(propagator.extract(Context.root(), request, HEADERS))
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(METHOD, method)
                .setAttribute(PATH, path)
                .setAttribute(ROUTE, route.template())
                .startSpan();
        rc.addEndHandler(ended -> {
            int status = rc.response().getStatusCode();
            span.setAttribute(STATUS, (long) status);
            if (status >= 500 || ended.failed()) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
            record(method, route.template(), status, start);
        });
        return span;
    }

    private void record(String method, String uri, int status, long startNanos) {
        timers.computeIfAbsent(new Series(method, uri, status), this::timer)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Series series) {
        return Timer.builder("http.server.requests")
                .tag("method", series.method())
                .tag("uri", series.uri())
                .tag("status", Integer.toString(series.status()))
                .tag("outcome", outcome(series.status()))
                .register(registry);
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}
