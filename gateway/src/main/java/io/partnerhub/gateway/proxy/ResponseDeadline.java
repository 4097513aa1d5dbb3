package io.partnerhub.gateway.proxy;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The service has {@code timeout} to send its response headers; then the exchange is reset and the answer is 504.
 * A deadline on the headers, not an idle timeout on the whole exchange: a body may stream for as long as it takes
 * (server-sent events).
 */
final class ResponseDeadline implements ProxyInterceptor {

    /** Set on the context when the deadline passed and the exchange was reset (the reset's cause is not kept). */
    static final String PASSED = "partnerhub.deadline-passed";

    private final Vertx vertx;
    private final long timeoutMillis;

    ResponseDeadline(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return guard(context, context.sendRequest());
    }

    /**
     * {@code response} within the timeout, or the exchange toward the service (the context's
     * {@link Exchange#ORIGIN_REQUEST} when the time is up) is reset and {@link #PASSED} set.
     */
    Future<ProxyResponse> guard(ProxyContext context, Future<ProxyResponse> response) {
        if (response.isComplete()) {
            return response;
        }
        long timer = vertx.setTimer(timeoutMillis, id -> {
            HttpClientRequest origin = context.get(Exchange.ORIGIN_REQUEST, HttpClientRequest.class);
            if (origin != null && !response.isComplete()) {
                context.set(PASSED, Boolean.TRUE);
                origin.reset(0, new TimeoutException("No response headers within " + timeoutMillis + " ms"));
            }
        });
        return response.onComplete(done -> vertx.cancelTimer(timer));
    }
}
