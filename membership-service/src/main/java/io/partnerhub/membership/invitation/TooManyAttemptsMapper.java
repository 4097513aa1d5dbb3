package io.partnerhub.membership.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.chassis.problem.Problems;
import io.partnerhub.membership.invitation.AcceptanceAttempts.TooManyAttempts;
import io.vertx.core.http.HttpServerRequest;

/** The chassis problem body of a {@link TooManyAttempts}, plus the {@code Retry-After} header it names. */
@ApplicationScoped
public class TooManyAttemptsMapper {

    private final ObjectMapper mapper;

    public TooManyAttemptsMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response tooManyAttempts(TooManyAttempts e, HttpServerRequest request) {
        Response problem = Problems.response(mapper,
                Problems.body(e.status(), e.typeSlug(), e.title(), e.detail(), request.path(), e.extensions()));
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
