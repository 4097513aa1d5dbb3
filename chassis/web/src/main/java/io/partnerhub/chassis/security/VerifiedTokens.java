package io.partnerhub.chassis.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Remembers a bearer token that verified, in every service that checks tokens (issues #25 and #26): a provider posts
 * every result with one token (the RSA check was about a quarter of exam-service's CPU per result), and the portal
 * opens an organisation's live stream and then reads its status with the same token. Keyed by the exact token string,
 * for at most {@code partnerhub.verified-tokens.cache-for} (60s; 0s: off) and never past the token's {@code exp} or
 * {@code iat} + {@code mp.jwt.verify.token.age}; at most {@code partnerhub.verified-tokens.max} (10000) tokens. A token
 * that failed is not remembered: it is checked again each time. The gateway keeps its own (EdgeAuthentication, which
 * also skips the worker-thread hop) and turns this one off.
 * <p>
 * A decorator of smallrye-jwt's parser, so that Quarkus' bearer authentication (the only caller of
 * {@link #parse(String)} in a service) is unchanged otherwise: same settings, same 401 for a bad token.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokens implements JWTParser {

    private record Verified(JsonWebToken token, Instant validUntil) {
    }

    @Inject
    @Delegate
    JWTParser parser;

    private final long maxAgeSeconds;
    private final boolean off;
    private final Cache<String, Verified> verified;

    @Inject
    VerifiedTokens(@ConfigProperty(name = "mp.jwt.verify.token.age", defaultValue = "43200") long maxAgeSeconds,
            @ConfigProperty(name = "partnerhub.verified-tokens.cache-for", defaultValue = "60s") Duration cacheFor,
            @ConfigProperty(name = "partnerhub.verified-tokens.max", defaultValue = "10000") long max) {
        this.maxAgeSeconds = maxAgeSeconds;
        this.off = cacheFor.isZero() || cacheFor.isNegative();
        this.verified = Caffeine.newBuilder()
                .executor(Runnable::run) // upkeep on the calling thread: no pool thread to wake per request
                .maximumSize(max).expireAfterWrite(cacheFor).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (off) {
            return parser.parse(token);
        }
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            if (Instant.now().isBefore(known.validUntil())) {
                return known.token();
            }
            verified.invalidate(token);
        }
        JsonWebToken jwt = parser.parse(token);
        long exp = jwt.getExpirationTime();
        long iat = jwt.getIssuedAtTime();
        if (exp > 0 && iat > 0) {
            verified.put(token, new Verified(jwt, Instant.ofEpochSecond(Math.min(exp, iat + maxAgeSeconds))));
        }
        return jwt;
    }
}
