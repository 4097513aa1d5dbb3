package io.partnerhub.gateway.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.SpanContext;
import io.partnerhub.gateway.domain.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * What crosses the edge, both ways.
 * <ul>
 * <li>Request: hop-by-hop headers (RFC 9110 §7.6.1, and any the client names in {@code Connection}) are dropped;
 * so is everything a client could use to pass for someone or somewhere else ({@code X-Forwarded-*},
 * {@code Forwarded}, {@code X-Real-IP}, {@code X-PartnerHub-Authenticated}): the gateway sets its own
 * {@code X-Forwarded-For} (the client's address: behind a trusted proxy, the one Quarkus resolved from the proxy's
 * {@code X-Forwarded-For}, see {@link io.partnerhub.gateway.config.TrustedProxies}), {@code -Proto}, {@code -Host}, {@code -Prefix: /api}. A client's
 * {@code X-Request-Id} is kept when it looks like an id (letters, digits, {@code -_.:}, at most 64), else replaced.
 * {@code traceparent} is set to the gateway's own span ({@link EdgeObservability}: a child of the client's, when it
 * sent one), so the service's span continues the same trace; {@code tracestate} passes unchanged.</li>
 * <li>Response: hop-by-hop headers are dropped, and so are a service's {@code Access-Control-*} (the edge owns
 * CORS); a {@code Location} pointing at the service is rewritten to the gateway's {@code /api/...}.</li>
 * </ul>
 */
final class HeaderHygiene implements ProxyInterceptor {

    static final String AUTHENTICATED_HEADER = "X-PartnerHub-Authenticated";
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";

    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "trailers", "transfer-encoding", "upgrade");
    private static final List<String> SPOOFABLE = List.of("x-forwarded-for", "x-forwarded-proto", "x-forwarded-host",
            "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-server", "x-forwarded-ssl", "forwarded", "x-real-ip",
            "x-client-ip", "x-original-url", "x-rewrite-url", AUTHENTICATED_HEADER.toLowerCase(Locale.ROOT));
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    static final HeaderHygiene INSTANCE = new HeaderHygiene();

    private HeaderHygiene() {
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        MultiMap headers = context.request().headers();
        HttpServerRequest client = context.request().proxiedRequest();
        dropHopByHop(headers);
        SPOOFABLE.forEach(headers::remove);
        String requestId = headers.get(REQUEST_ID_HEADER);
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            ThreadLocalRandom random = ThreadLocalRandom.current(); // an id for logs, not a secret: no SecureRandom
            headers.set(REQUEST_ID_HEADER, new UUID(random.nextLong(), random.nextLong()).toString());
        }
        if (client.remoteAddress() != null) {
            headers.set("X-Forwarded-For", client.remoteAddress().hostAddress());
        }
        headers.set("X-Forwarded-Proto", client.scheme());
        String host = client.getHeader(HttpHeaders.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        headers.set("X-Forwarded-Prefix", RouteTable.PREFIX);
        // W3C trace context: the service's span continues the gateway's (the proxy's client makes no span of its own)
        SpanContext span = Exchange.of(context).span().getSpanContext(); // RouteInterceptor, first, attached it
        if (span.isValid()) {
            headers.set(TRACEPARENT, "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex());
        }
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        MultiMap headers = response.headers();
        dropHopByHop(headers);
        List<String> cors = null; // a service's CORS headers: rare, so no list unless there are some
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().regionMatches(true, 0, "access-control-", 0, 15)) {
                (cors == null ? cors = new ArrayList<>() : cors).add(header.getKey());
            }
        }
        if (cors != null) {
            cors.forEach(headers::remove);
        }
        String location = headers.get(HttpHeaders.LOCATION);
        Exchange exchange = Exchange.of(context);
        if (location != null && exchange != null) {
            headers.set(HttpHeaders.LOCATION, rewriteLocation(location, exchange));
        }
        return context.sendResponse();
    }

    private static void dropHopByHop(MultiMap headers) {
        String connection = headers.get(HttpHeaders.CONNECTION);
        if (connection != null) {
            for (String token : connection.split(",")) {
                headers.remove(token.trim());
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
    }

    /** A service builds absolute Locations with its own address; clients must come back through the gateway. */
    static String rewriteLocation(String location, Exchange exchange) {
        String basePath = DownstreamHttpClient.basePath(exchange.base());
        if (location.startsWith("/")) {
            return RouteTable.PREFIX + stripBasePath(location, basePath);
        }
        String origin = exchange.base().getScheme() + "://" + exchange.base().getRawAuthority();
        if (location.startsWith(origin + "/")) {
            String host = exchange.request().getHeader(HttpHeaders.HOST);
            String external = host == null ? "" : exchange.request().scheme() + "://" + host;
            return external + RouteTable.PREFIX + stripBasePath(location.substring(origin.length()), basePath);
        }
        return location;
    }

    private static String stripBasePath(String path, String basePath) {
        return !basePath.isEmpty() && path.startsWith(basePath + "/") ? path.substring(basePath.length()) : path;
    }

    static Set<String> spoofable() {
        return Set.copyOf(SPOOFABLE);
    }
}
