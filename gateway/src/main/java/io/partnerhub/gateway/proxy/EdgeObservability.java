package io.partnerhub.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;

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
import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
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
 * <li><b>The request metric</b> ({@code http_server_requests_seconds}, Micrometer's Vert.x binder) is labelled with
 * the route's template instead of the URL (no regular expression per request).</li>
 * </ul>
 */
@ApplicationScoped
public class EdgeObservability {

    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

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

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public EdgeObservability(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.partnerhub.gateway");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Labels the request metric with {@code template} (any request of the gateway, routed or not). */
    public static void labelMetric(RoutingContext rc, String template) {
        HttpRequestMetric metric = HttpRequestMetric.getRequestMetric(rc);
        if (metric != null) {
            metric.setTemplatePath(template);
        }
    }

    /** Starts the edge span of a routed request; it ends when the response does (or the connection breaks). */
    Span start(RoutingContext rc, Route route, String path) {
        labelMetric(rc, route.template());
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
        });
        return span;
    }
}
