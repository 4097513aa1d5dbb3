package io.partnerhub.gateway.clock;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.gateway.clock.ClockFanOutResource.ClockChange;
import io.partnerhub.gateway.clock.ClockFanOutResource.ServiceClock;
import io.partnerhub.gateway.config.GatewayConfig;
import io.partnerhub.gateway.domain.DownstreamService;
import io.partnerhub.gateway.proxy.ApiProxy;
import io.partnerhub.gateway.proxy.DownstreamHttpClient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** Calls {@code /admin/clock} on every service in parallel; a service that fails is reported, not thrown. */
@ApplicationScoped
public class ClockFanOut {

    private final DownstreamHttpClient downstream;
    private final GatewayConfig config;
    private final ObjectMapper json;

    public ClockFanOut(DownstreamHttpClient downstream, GatewayConfig config, ObjectMapper json) {
        this.downstream = downstream;
        this.config = config;
        this.json = json;
    }

    public CompletionStage<List<ServiceClock>> put(ClockChange change, String authorization) {
        Buffer body;
        try {
            body = Buffer.buffer(json.writeValueAsBytes(change));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return all(HttpMethod.PUT, body, authorization);
    }

    public CompletionStage<List<ServiceClock>> get(String authorization) {
        return all(HttpMethod.GET, null, authorization);
    }

    private CompletionStage<List<ServiceClock>> all(HttpMethod method, Buffer body, String authorization) {
        List<Future<ServiceClock>> calls = ClockFanOutResource.targets().stream()
                .map(service -> call(service, method, body, authorization))
                .toList();
        return Future.all(calls).map(done -> calls.stream().map(Future::result).toList()).toCompletionStage();
    }

    private Future<ServiceClock> call(DownstreamService service, HttpMethod method, Buffer body, String authorization) {
        RequestOptions options = downstream.options(method, service, "/admin/clock");
        if (authorization != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        options.putHeader(ApiProxy.AUTHENTICATED_HEADER, "true");
        if (body != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        String name = service.applicationName();
        return downstream.client(service).request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(b -> new ServiceClock(name, response.statusCode(), parse(b))))
                .recover(err -> Future.succeededFuture(new ServiceClock(name,
                        ApiProxy.isUnreachable(err) ? 503 : err instanceof java.util.concurrent.TimeoutException ? 504 : 502,
                        err.getMessage())));
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
