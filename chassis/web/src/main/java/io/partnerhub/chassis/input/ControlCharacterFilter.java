package io.partnerhub.chassis.input;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.partnerhub.chassis.problem.InvalidCharacter;

/**
 * Before routing, every JAX-RS request's decoded path segments and query parameters are checked: a control character
 * (U+0000-U+001F, U+007F; {@code %00}, {@code %0A} …) answers 400 problem {@code invalid-character}, so that no id or
 * filter with one reaches a resource or the database. Runs before authentication, so nobody learns more than "bad
 * input" from it.
 */
public class ControlCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    public void refuseControlCharacters(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        try {
            List<String> segments = uri.getPathSegments(true).stream().map(PathSegment::getPath).toList();
            ControlCharacters.firstInRequest(segments, uri.getQueryParameters(true)).ifPresent(problem -> {
                throw new InvalidCharacter(problem);
            });
        } catch (IllegalArgumentException e) { // a malformed percent-encoding (%zz)
            throw new InvalidCharacter("The request URI is not correctly percent-encoded");
        }
    }
}
