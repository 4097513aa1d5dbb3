package io.partnerhub.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.gateway.problem.GatewayProblems;
import io.partnerhub.gateway.proxy.EdgeAuthentication.Rejected;
import io.partnerhub.gateway.proxy.EdgeAuthentication.Verified;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * A bearer token, when present, must verify ({@link EdgeAuthentication}) or the answer is 401 problem and nothing is
 * forwarded. Requests without a token pass, marked {@code X-PartnerHub-Authenticated: false} (the service decides);
 * verified ones are marked {@code true}. Sets the client's rate-limit identity: the token's subject, or the client
 * address without a token (the request's {@code remoteAddress()}: behind a trusted proxy Quarkus has already replaced
 * it with the forwarded one, {@link io.partnerhub.gateway.config.TrustedProxies}).
 */
final class EdgeAuthInterceptor implements ProxyInterceptor {

    private final EdgeAuthentication authentication;
    private final ObjectMapper mapper;

    EdgeAuthInterceptor(EdgeAuthentication authentication, ObjectMapper mapper) {
        this.authentication = authentication;
        this.mapper = mapper;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        String authorization = context.request().headers().get(HttpHeaders.AUTHORIZATION);
        return authentication.check(authorization).compose(outcome -> {
            if (outcome instanceof Rejected rejected) {
                Exchange exchange = Exchange.of(context);
                return Future.succeededFuture(ProxyProblems.answer(context, mapper,
                        GatewayProblems.unauthorized(rejected.reason(), exchange.path()))
                        .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""));
            }
            boolean verified = outcome instanceof Verified;
            context.request().putHeader(HeaderHygiene.AUTHENTICATED_HEADER, Boolean.toString(verified));
            context.set(Exchange.CLIENT_KEY, verified
                    ? "sub:" + ((Verified) outcome).subject()
                    : "ip:" + addressOf(context));
            return context.sendRequest();
        });
    }

    private static String addressOf(ProxyContext context) {
        var remote = context.request().proxiedRequest().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
