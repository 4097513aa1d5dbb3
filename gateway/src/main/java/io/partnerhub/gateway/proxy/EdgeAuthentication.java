package io.partnerhub.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Checks a bearer token at the edge with the same {@code mp.jwt.verify.*} settings the services use (chassis-web's
 * defaults: RS256 key, issuer, audience {@code partnerhub}, {@code iat} required and at most 12 h old, {@code exp}).
 * A request without a token is not rejected here: public endpoints exist and the service decides.
 */
@ApplicationScoped
public class EdgeAuthentication {

    private final JWTParser parser;

    public EdgeAuthentication(JWTParser parser) {
        this.parser = parser;
    }

    public sealed interface Outcome permits Anonymous, Verified, Rejected {
    }

    public record Anonymous() implements Outcome {
    }

    public record Verified(String subject) implements Outcome {
    }

    public record Rejected(String reason) implements Outcome {
    }

    /** Blocking when the key has to be loaded first: call off the event loop. */
    public Outcome check(String authorizationHeader) {
        if (authorizationHeader == null) {
            return new Anonymous();
        }
        if (!authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7) || authorizationHeader.length() <= 7) {
            return new Rejected("The Authorization header must carry a bearer token.");
        }
        try {
            JsonWebToken token = parser.parse(authorizationHeader.substring(7).trim());
            return new Verified(token.getSubject());
        } catch (ParseException e) {
            return new Rejected("The bearer token is not valid (signature, issuer, audience, age or expiry).");
        }
    }
}
