package io.partnerhub.chassis.events;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.common.header.Headers;
import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * W3C trace context across the outbox: the {@code traceparent} of the transaction that writes an outbox row is stored
 * with it, travels as a Kafka header, and the consumer runs the handler in a span that is a child of it.
 */
@ApplicationScoped
class Tracing {

    static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            headers.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            return KafkaRecords.lastHeader(headers, key);
        }
    };

    private final Tracer tracer;

    Tracing(Instance<Tracer> tracers) {
        this.tracer = tracers.isResolvable() ? tracers.get() : TracerProvider.noop().get("partnerhub-chassis");
    }

    /** The W3C traceparent of the current span, or null when there is none. */
    static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Runs {@code work} in a consumer span whose parent is the record's traceparent (a new trace when absent). */
    <T> T inConsumerSpan(String name, Headers headers, Supplier<T> work) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, KAFKA_HEADERS);
        Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            MDC.put("traceId", span.getSpanContext().getTraceId());
            MDC.put("spanId", span.getSpanContext().getSpanId());
            return work.get();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            MDC.remove("traceId");
            MDC.remove("spanId");
            span.end();
        }
    }
}
