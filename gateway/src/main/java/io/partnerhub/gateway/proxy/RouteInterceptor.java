package io.partnerhub.gateway.proxy;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.channel.ConnectTimeoutException;
import io.partnerhub.gateway.problem.GatewayProblems;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * First interceptor of every exchange: attaches the route, points the request at the path the service sees, and
 * turns whatever went wrong toward the service into a problem+json answer:
 * <ul>
 * <li>a safe request without a body that broke off before any answer is sent once more, on another connection;</li>
 * <li>no connection (refused, connect timeout, pool wait queue full or pool wait too long): 503 with Retry-After;</li>
 * <li>no response headers within {@code timeout}: 504;</li>
 * <li>the exchange broke off otherwise: 502;</li>
 * <li>the request body grew past the limit while streaming: 413.</li>
 * </ul>
 */
final class RouteInterceptor implements ProxyInterceptor {

    /** Methods that change nothing, so a request may be sent again (RFC 9110 §9.2.1, §9.2.2). */
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Exchange exchange;
    private final ObjectMapper mapper;
    private final Function<ProxyContext, Future<HttpClientRequest>> origin;
    private final ResponseDeadline deadline;

    /**
     * @param origin   a new request toward the service (a connection from the pool), as the proxy's origin selector
     * @param deadline the response deadline, for a request sent once more
     */
    RouteInterceptor(Exchange exchange, ObjectMapper mapper, Function<ProxyContext, Future<HttpClientRequest>> origin,
            ResponseDeadline deadline) {
        this.exchange = exchange;
        this.mapper = mapper;
        this.origin = origin;
        this.deadline = deadline;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        context.set(Exchange.KEY, exchange);
        context.request().setURI(DownstreamHttpClient.basePath(exchange.base()) + exchange.route().downstreamUri());
        return context.sendRequest()
                .recover(err -> mayResend(context) ? resend(context, err) : Future.failedFuture(err))
                .recover(err -> Future.succeededFuture(failure(context, err)));
    }

    /**
     * A kept-alive connection the service closed (a restart, an idle timeout) can be handed out by the pool just before
     * its close is seen; the request then breaks off before any answer. A safe request without a body is sent once
     * more, on another connection, as RFC 9110 §9.2.2 allows, instead of answering 502 for a service that is up (or
     * 503 at once when it is down). Not after the deadline, a body over the limit, or when the client has gone.
     */
    private boolean mayResend(ProxyContext context) {
        HttpServerRequest request = exchange.request();
        return context.get(Exchange.ORIGIN_REQUEST, Object.class) != null
                && context.get(ResponseDeadline.PASSED, Boolean.class) == null
                && context.get(BodyLimitInterceptor.EXCEEDED, Long.class) == null
                && SAFE.contains(request.method())
                && BodyLimitInterceptor.declaresNoBody(request.headers())
                && !request.response().closed();
    }

    private Future<ProxyResponse> resend(ProxyContext context, Throwable first) {
        Log.debugf("%s %s -> %s: sent again on another connection (%s)", exchange.request().method(), exchange.path(),
                exchange.serviceName(), first.toString());
        context.set(Exchange.ORIGIN_REQUEST, null);
        context.request().setBody(null); // none (checked): the first attempt consumed the client's (empty) stream
        return origin.apply(context).compose(request -> deadline.guard(context, context.request().send(request)));
    }

    private ProxyResponse failure(ProxyContext context, Throwable err) {
        Map<String, Object> problem;
        String retryAfter = null;
        boolean close = false;
        Long tooLarge = context.get(BodyLimitInterceptor.EXCEEDED, Long.class);
        if (tooLarge != null) {
            problem = GatewayProblems.payloadTooLarge(tooLarge, exchange.path());
            close = true;
        } else if (context.get(Exchange.ORIGIN_REQUEST, Object.class) == null || isUnreachable(err)) {
            problem = GatewayProblems.serviceUnavailable(exchange.serviceName(), exchange.path());
            retryAfter = "5";
        } else if (context.get(ResponseDeadline.PASSED, Boolean.class) != null || err instanceof TimeoutException) {
            problem = GatewayProblems.gatewayTimeout(exchange.serviceName(), exchange.path());
        } else {
            problem = GatewayProblems.badGateway(exchange.serviceName(), exchange.path());
        }
        try (Scope traced = exchange.span().makeCurrent()) { // the log line carries the trace id
            Log.warnf("%s %s -> %s: %s (%s)", exchange.request().method(), exchange.path(), exchange.serviceName(),
                    problem.get("status"), err.toString());
        }
        ProxyResponse response = ProxyProblems.answer(context, mapper, problem);
        if (retryAfter != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        if (close) {
            // on the client's response itself: Connection is hop-by-hop, HeaderHygiene drops it from proxied answers
            exchange.request().response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        return response;
    }

    /** No connection to the service could be had (as opposed to an exchange that started and failed). */
    static boolean isUnreachable(Throwable err) {
        for (Throwable t = err; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException || t instanceof UnknownHostException
                    || t instanceof ConnectionPoolTooBusyException) {
                return true;
            }
        }
        return false;
    }
}
