package io.partnerhub.gateway.proxy;

import java.net.URI;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** One pooled, non-blocking HTTP client for every call the gateway makes to a service. */
@ApplicationScoped
public class DownstreamHttpClient {

    private final HttpClient client;
    private final GatewayConfig config;

    public DownstreamHttpClient(Vertx vertx, GatewayConfig config) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(50)
                .setDecompressionSupported(false));
    }

    public HttpClient client() {
        return client;
    }

    /** Request options for {@code uri} (path and query, starting with '/') on the service at {@code base}. */
    public RequestOptions options(HttpMethod method, URI base, String uri) {
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : (tls ? 443 : 80);
        String basePath = base.getRawPath() == null || base.getRawPath().equals("/") ? "" : stripTrailingSlash(base.getRawPath());
        return new RequestOptions()
                .setMethod(method)
                .setHost(base.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(basePath + uri)
                .setIdleTimeout(config.timeout().toMillis());
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
