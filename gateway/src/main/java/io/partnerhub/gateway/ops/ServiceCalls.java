package io.partnerhub.gateway.ops;

import java.util.List;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.gateway.domain.DownstreamService;
import io.partnerhub.gateway.proxy.ApiProxy;
import io.partnerhub.gateway.proxy.DownstreamHttpClient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Calls one operations path ({@code /admin/...}, never routed by the proxy) on one service or on all four in parallel,
 * with the caller's token; a service that fails is an answer with its status (503 unreachable, 504 timed out, 502
 * otherwise), never an exception, so a fan-out always reports every service.
 */
@ApplicationScoped
public class ServiceCalls {

    /** One service's answer: its status, its {@code X-Total-Count} (null without) and its body (JSON, or text). */
    public record ServiceAnswer(String service, int status, Long total, Object body) {
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private final DownstreamHttpClient downstream;
    private final ObjectMapper json;

    public ServiceCalls(DownstreamHttpClient downstream, ObjectMapper json) {
        this.downstream = downstream;
        this.json = json;
    }

    public Future<List<ServiceAnswer>> all(List<DownstreamService> services, HttpMethod method, String uri, Object body,
            String authorization) {
        List<Future<ServiceAnswer>> calls = services.stream().map(s -> call(s, method, uri, body, authorization)).toList();
        return Future.all(calls).map(done -> calls.stream().map(Future::result).toList());
    }

    public Future<ServiceAnswer> call(DownstreamService service, HttpMethod method, String uri, Object body,
            String authorization) {
        RequestOptions options = downstream.options(method, service, uri);
        if (authorization != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        options.putHeader(ApiProxy.AUTHENTICATED_HEADER, "true");
        Buffer payload = body == null ? null : Buffer.buffer(bytes(body));
        if (payload != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        String name = service.applicationName();
        return downstream.client(service).request(options)
                .compose(request -> payload == null ? request.send() : request.send(payload))
                .compose(response -> response.body().map(b -> new ServiceAnswer(name, response.statusCode(),
                        total(response.getHeader("X-Total-Count")), parse(b))))
                .recover(err -> Future.succeededFuture(new ServiceAnswer(name,
                        ApiProxy.isUnreachable(err) ? 503 : err instanceof TimeoutException ? 504 : 502, null,
                        err.getMessage())));
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long total(String header) {
        try {
            return header == null ? null : Long.valueOf(header);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Object parse(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            return json.readTree(body.getBytes());
        } catch (Exception e) {
            return body.toString();
        }
    }
}
