package io.partnerhub.gateway.proxy;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Checks a bearer token at the edge with the same {@code mp.jwt.verify.*} settings the services use (chassis-web's
 * defaults: RS256 key, issuer, audience {@code partnerhub}, {@code iat} required and at most 12 h old, {@code exp}).
 * A request without a token is not rejected here: public endpoints exist and the service decides.
 * <p>
 * A token that verified is remembered (the exact token string, at most {@code cache-for}, never past its
 * {@code exp} or its maximum age), so a client's next requests cost a map look-up instead of an RSA verification
 * on a worker thread. Rejections are not remembered.
 */
@Singleton // no client proxy: called on every proxied request
public class EdgeAuthentication {

    private final JWTParser parser;
    private final Vertx vertx;
    private final long maxAgeSeconds;
    private final Cache<String, Verified> verified;

    public EdgeAuthentication(JWTParser parser, Vertx vertx,
            @ConfigProperty(name = "mp.jwt.verify.token.age", defaultValue = "43200") long maxAgeSeconds,
            @ConfigProperty(name = "partnerhub.gateway.verified-tokens.cache-for", defaultValue = "60s") Duration cacheFor,
            @ConfigProperty(name = "partnerhub.gateway.verified-tokens.max", defaultValue = "10000") long max) {
        this.parser = parser;
        this.vertx = vertx;
        this.maxAgeSeconds = maxAgeSeconds;
        this.verified = Caffeine.newBuilder()
                .executor(Runnable::run) // upkeep on the calling thread: no pool thread to wake per request
                .maximumSize(max).expireAfterWrite(cacheFor).build();
    }

    public sealed interface Outcome permits Anonymous, Verified, Rejected {
    }

    public record Anonymous() implements Outcome {
    }

    /** {@code validUntil}: the earlier of {@code exp} and {@code iat} + the maximum token age. */
    public record Verified(String subject, Instant validUntil) implements Outcome {
    }

    public record Rejected(String reason) implements Outcome {
    }

    /** Never blocks the caller: a token not seen before is verified on a worker thread. */
    public Future<Outcome> check(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Future.succeededFuture(new Anonymous());
        }
        if (!authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7) || authorizationHeader.length() <= 7) {
            return Future.succeededFuture(new Rejected("The Authorization header must carry a bearer token."));
        }
        String token = authorizationHeader.substring(7).trim();
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            if (Instant.now().isBefore(known.validUntil())) {
                return Future.succeededFuture(known);
            }
            verified.invalidate(token);
        }
        return vertx.executeBlocking(() -> verify(token), false);
    }

    private Outcome verify(String token) {
        try {
            JsonWebToken jwt = parser.parse(token);
            Instant validUntil = Instant.ofEpochSecond(Math.min(jwt.getExpirationTime(), jwt.getIssuedAtTime() + maxAgeSeconds));
            Verified outcome = new Verified(jwt.getSubject(), validUntil);
            verified.put(token, outcome);
            return outcome;
        } catch (ParseException e) {
            return new Rejected("The bearer token is not valid (signature, issuer, audience, age or expiry).");
        }
    }
}
