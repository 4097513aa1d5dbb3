package io.partnerhub.gateway.proxy;

import java.net.URI;

import io.opentelemetry.api.trace.Span;

import io.partnerhub.gateway.domain.RequestClass;
import io.partnerhub.gateway.domain.RouteTable.Route;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;

/**
 * One request through {@code /api}, as the route table resolved it: attached to the proxy context so that every
 * interceptor sees the same facts.
 *
 * @param path the normalised gateway path ({@code /api/exams/AZ-104}), the problems' {@code instance}
 * @param span the edge span ({@link EdgeObservability})
 */
record Exchange(Route route, URI base, String path, RequestClass requestClass, HttpServerRequest request, Span span) {

    static final String KEY = "partnerhub.exchange";
    /** The client's identity for the rate limit: {@code sub:<subject>} or {@code ip:<address>}. */
    static final String CLIENT_KEY = "partnerhub.client";
    /** The HttpClientRequest toward the service, once a connection is had. */
    static final String ORIGIN_REQUEST = "partnerhub.origin-request";

    String serviceName() {
        return route.service().applicationName();
    }

    static Exchange of(ProxyContext context) {
        return context.get(KEY, Exchange.class);
    }
}
