package io.partnerhub.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** The routes ahead of JAX-RS, against a stub routing context that records what is answered (no Quarkus app). */
class ProblemRoutesTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ProblemRoutes routes = new ProblemRoutes(mapper, new MemorySize(BigInteger.valueOf(1024)));

    @Test
    void answers413WithTheLimitWhenTheDeclaredBodyIsTooLarge() throws Exception {
        Exchange exchange = new Exchange("/exams", "1025", null, 0);
        routes.rejectOversizedBody(exchange.context());
        assertThat(exchange.status).isEqualTo(413);
        assertThat(exchange.headers).containsEntry("content-type", Problems.MEDIA_TYPE).containsEntry("connection", "close");
        JsonNode problem = mapper.readTree(exchange.body);
        assertThat(problem.path("type").asText()).isEqualTo(Problems.TYPE_BASE + "payload-too-large");
        assertThat(problem.path("maxBytes").asLong()).isEqualTo(1024);
        assertThat(problem.path("instance").asText()).isEqualTo("/exams");
        assertThat(exchange.passedOn).isFalse();
    }

    @Test
    void passesOnABodyWithinTheLimitOrWithoutAReadableLength() {
        for (String length : new String[] { "1024", null, "not-a-number", " 12 " }) {
            Exchange exchange = new Exchange("/exams", length, null, 0);
            routes.rejectOversizedBody(exchange.context());
            assertThat(exchange.passedOn).as("Content-Length " + length).isTrue();
            assertThat(exchange.body).isNull();
        }
    }

    @Test
    void anInvalidTokenAnswers401WithABearerChallenge() throws Exception {
        Exchange exchange = new Exchange("/exams", null, new AuthenticationFailedException(), 0);
        routes.securityFailure(exchange.context());
        assertThat(exchange.status).isEqualTo(401);
        assertThat(exchange.headers).containsEntry("www-authenticate", "Bearer");
        assertThat(mapper.readTree(exchange.body).path("type").asText()).isEqualTo(Problems.TYPE_BASE + "unauthorized");
    }

    @Test
    void aRefusedRoleAnswers403() throws Exception {
        Exchange exchange = new Exchange("/exams", null, new ForbiddenException(), 0);
        routes.securityFailure(exchange.context());
        assertThat(exchange.status).isEqualTo(403);
        assertThat(mapper.readTree(exchange.body).path("type").asText()).isEqualTo(Problems.TYPE_BASE + "forbidden");
    }

    @Test
    void anyOtherFailureIsLeftToTheNextHandler() {
        Exchange exchange = new Exchange("/exams", null, new IllegalStateException("a bug"), 0);
        routes.securityFailure(exchange.context());
        assertThat(exchange.passedOn).isTrue();
        assertThat(exchange.body).isNull();
    }

    /** One request and what the route answered: status, headers, body, or that it passed the request on. */
    private static final class Exchange {
        final String path;
        final String contentLength;
        final Throwable failure;
        final int statusCode;
        final Map<String, String> headers = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();
        int status;
        String body;
        boolean passedOn;

        Exchange(String path, String contentLength, Throwable failure, int statusCode) {
            this.path = path;
            this.contentLength = contentLength;
            this.failure = failure;
            this.statusCode = statusCode;
        }

        RoutingContext context() {
            HttpServerRequest request = stub(HttpServerRequest.class, (name, args) -> switch (name) {
                case "getHeader" -> String.valueOf(args[0]).equalsIgnoreCase("content-length") ? contentLength : null;
                case "path" -> path;
                default -> null;
            });
            HttpServerResponse[] response = new HttpServerResponse[1];
            response[0] = stub(HttpServerResponse.class, (name, args) -> switch (name) {
                case "putHeader" -> {
                    headers.put(String.valueOf(args[0]).toLowerCase(Locale.ROOT), String.valueOf(args[1])); // names as on the wire, case-insensitive
                    yield response[0];
                }
                case "setStatusCode" -> {
                    status = (Integer) args[0];
                    yield response[0];
                }
                case "end" -> {
                    body = String.valueOf(args[0]);
                    yield null;
                }
                case "ended", "headWritten" -> false;
                default -> null;
            });
            return stub(RoutingContext.class, (name, args) -> switch (name) {
                case "request" -> request;
                case "response" -> response[0];
                case "failure" -> failure;
                case "statusCode" -> statusCode;
                case "next" -> {
                    passedOn = true;
                    yield null;
                }
                default -> null;
            });
        }

        interface Answer {
            Object answer(String method, Object[] args);
        }

        @SuppressWarnings("unchecked")
        <T> T stub(Class<T> type, Answer answer) {
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
                calls.add(type.getSimpleName() + "." + method.getName());
                return answer.answer(method.getName(), args == null ? new Object[0] : args);
            });
        }
    }
}
