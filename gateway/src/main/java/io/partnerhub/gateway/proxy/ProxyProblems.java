package io.partnerhub.gateway.proxy;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.chassis.problem.Problems;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;

/** An answer of the gateway's own instead of the service's: a problem+json body (chassis-web's shape). */
final class ProxyProblems {

    private ProxyProblems() {
    }

    /** Drops the request (its body is drained, nothing goes to the service) and answers {@code problem}. */
    static ProxyResponse answer(ProxyContext context, ObjectMapper mapper, Map<String, Object> problem) {
        Buffer body = Buffer.buffer(Problems.json(mapper, problem));
        return context.request().release().response()
                .setStatusCode((Integer) problem.get("status"))
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .setBody(Body.body(body));
    }
}
