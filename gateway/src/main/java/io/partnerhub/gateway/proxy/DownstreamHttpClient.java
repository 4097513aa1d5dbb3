package io.partnerhub.gateway.proxy;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.partnerhub.gateway.config.GatewayConfig;
import io.partnerhub.gateway.domain.DownstreamService;
import io.partnerhub.gateway.domain.Lane;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * One pooled, non-blocking HTTP client per service and {@link Lane}, so that a slow service fills its own pool and wait
 * queue only, and open streams only the stream pool: ordinary requests get at most {@code max-connections}
 * connections and {@code max-wait-queue} requests waiting for one (the next is refused at once: 503), streams
 * {@code streams.max-connections} and {@code streams.max-wait-queue}; {@code connect-timeout} to get a connection
 * (pool wait included: 503).
 */
@Singleton // no client proxy: called on every proxied request
public class DownstreamHttpClient {

    private final Map<DownstreamService, HttpClient> clients = new EnumMap<>(DownstreamService.class);
    private final Map<DownstreamService, HttpClient> streamClients = new EnumMap<>(DownstreamService.class);
    private final GatewayConfig config;

    public DownstreamHttpClient(Vertx vertx, GatewayConfig config) {
        this.config = config;
        for (DownstreamService service : DownstreamService.values()) {
            clients.put(service, create(vertx, "gateway-" + service.key(), config.maxConnections(), config.maxWaitQueue()));
            streamClients.put(service, create(vertx, "gateway-" + service.key() + "-streams",
                    config.streams().maxConnections(), config.streams().maxWaitQueue()));
        }
    }

    private HttpClient create(Vertx vertx, String name, int maxConnections, int maxWaitQueue) {
        return vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setDecompressionSupported(false)
                .setName(name)
                // no client span per proxied request (HeaderHygiene hands the gateway's span on in traceparent):
                // a second span per request costs throughput and tells nothing the server span does not
                .setTracingPolicy(TracingPolicy.IGNORE),
                new PoolOptions()
                        .setHttp1MaxSize(maxConnections)
                        .setMaxWaitQueueSize(maxWaitQueue));
    }

    /** The ordinary requests' client toward {@code service} (also the gateway's own calls). */
    public HttpClient client(DownstreamService service) {
        return clients.get(service);
    }

    /** The client of {@code lane} toward {@code service}. */
    public HttpClient client(DownstreamService service, Lane lane) {
        return lane == Lane.STREAM ? streamClients.get(service) : clients.get(service);
    }

    /**
     * Request options for {@code uri} (path and query, starting with '/') on {@code service}: a connection within
     * {@code connect-timeout}, and (for the gateway's own calls, not the proxy's) the answer within {@code timeout}.
     */
    public RequestOptions options(HttpMethod method, DownstreamService service, String uri) {
        URI base = config.baseUri(service);
        return target(base)
                .setMethod(method)
                .setURI(basePath(base) + uri)
                .setIdleTimeout(config.timeout().toMillis());
    }

    /** Where {@code service} lives, with the connect timeout (pool wait included); method and URI are the caller's. */
    public RequestOptions target(URI base) {
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : (tls ? 443 : 80);
        return new RequestOptions()
                .setHost(base.getHost())
                .setPort(port)
                .setSsl(tls)
                .setConnectTimeout(config.connectTimeout().toMillis());
    }

    /** A service's base path ("" when it lives at the root), to put in front of the path the service sees. */
    public static String basePath(URI base) {
        String path = base.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
        streamClients.values().forEach(HttpClient::close);
    }
}
