package io.partnerhub.gateway.proxy;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.channel.ConnectTimeoutException;
import io.partnerhub.gateway.problem.GatewayProblems;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * First interceptor of every exchange: attaches the route, points the request at the path the service sees, and
 * turns whatever went wrong toward the service into a problem+json answer:
 * <ul>
 * <li>no connection (refused, connect timeout, pool wait queue full or pool wait too long): 503 with Retry-After;</li>
 * <li>no response headers within {@code timeout}: 504;</li>
 * <li>the exchange broke off otherwise: 502;</li>
 * <li>the request body grew past the limit while streaming: 413.</li>
 * </ul>
 */
final class RouteInterceptor implements ProxyInterceptor {

    private final Exchange exchange;
    private final ObjectMapper mapper;

    RouteInterceptor(Exchange exchange, ObjectMapper mapper) {
        this.exchange = exchange;
        this.mapper = mapper;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        context.set(Exchange.KEY, exchange);
        context.request().setURI(DownstreamHttpClient.basePath(exchange.base()) + exchange.route().downstreamUri());
        return context.sendRequest().recover(err -> Future.succeededFuture(failure(context, err)));
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
