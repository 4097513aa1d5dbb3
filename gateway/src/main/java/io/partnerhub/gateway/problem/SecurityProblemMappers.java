package io.partnerhub.gateway.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The gateway's own endpoints answer security failures as problem+json, like the services do. */
public class SecurityProblemMappers {

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, @Context UriInfo uri) {
        return withChallenge(Problem.unauthorized("The bearer token is not valid.", uri.getPath()).toResponse());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, @Context UriInfo uri) {
        return withChallenge(Problem.unauthorized("A bearer token is required.", uri.getPath()).toResponse());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, @Context UriInfo uri) {
        return Problem.forbidden("Your role does not allow this operation.", uri.getPath()).toResponse();
    }

    private static Response withChallenge(Response response) {
        return Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build();
    }
}
