package io.partnerhub.gateway.proxy;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.chassis.problem.Problems;
import io.partnerhub.gateway.proxy.RateLimiter.Decision;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Spends one token of the client's budget for this kind of request ({@link io.partnerhub.gateway.domain.RequestClass});
 * an empty bucket is 429 problem with {@code Retry-After}, and every answer carries {@code RateLimit-Policy} and
 * {@code RateLimit} (IETF draft-ietf-httpapi-ratelimit-headers) so clients can pace themselves.
 */
final class RateLimitInterceptor implements ProxyInterceptor {

    private static final String DECISION = "partnerhub.rate-limit";

    private final RateLimiter limiter;
    private final ObjectMapper mapper;

    RateLimitInterceptor(RateLimiter limiter, ObjectMapper mapper) {
        this.limiter = limiter;
        this.mapper = mapper;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        Exchange exchange = Exchange.of(context);
        Decision decision = limiter.take(exchange.requestClass(), context.get(Exchange.CLIENT_KEY, String.class));
        context.set(DECISION, decision);
        if (!decision.allowed()) {
            long retryAfter = Math.max(1, decision.secondsToRetry());
            Map<String, Object> problem = Problems.body(429, "too-many-requests", "Too many requests",
                    "The " + exchange.requestClass().policyName() + " budget of " + decision.budget().quota() + " requests per "
                            + decision.budget().window().toSeconds() + " s is spent; retry in " + retryAfter + " s.",
                    exchange.path(), Map.of("policy", exchange.requestClass().policyName(), "retryAfterSeconds", retryAfter));
            return Future.succeededFuture(ProxyProblems.answer(context, mapper, problem)
                    .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)));
        }
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Decision decision = context.get(DECISION, Decision.class);
        if (decision != null) {
            context.response().putHeader("RateLimit-Policy", decision.policyHeader());
            context.response().putHeader("RateLimit", decision.limitHeader());
        }
        return context.sendResponse();
    }
}
