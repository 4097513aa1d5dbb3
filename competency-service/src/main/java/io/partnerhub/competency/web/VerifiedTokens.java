package io.partnerhub.competency.web;

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
 * Remembers a bearer token that verified, as exam-service does (issue #26) and the gateway (gateway/README.md, "auth"):
 * issue #25, stage 9: the portal (and the propagation report) opens an organisation's live stream and then GETs its
 * status with the same token, and each request paid the RSA check again. Keyed by the exact token string, for at most
 * {@code partnerhub.competency.verified-tokens.cache-for} (60s; 0s: off) and never past the token's {@code exp} or
 * {@code iat} + {@code mp.jwt.verify.token.age}. A token that failed is not remembered: it is checked again each time.
 * <p>
 * A decorator of smallrye-jwt's parser, so that Quarkus' bearer authentication (the only caller of
 * {@link #parse(String)} here) is unchanged otherwise: same settings, same 401 for a bad token.
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
    private final Cache<String, Verified> verified;

    @Inject
    VerifiedTokens(@ConfigProperty(name = "mp.jwt.verify.token.age", defaultValue = "43200") long maxAgeSeconds,
            @ConfigProperty(name = "partnerhub.competency.verified-tokens.cache-for", defaultValue = "60s") Duration cacheFor,
            @ConfigProperty(name = "partnerhub.competency.verified-tokens.max", defaultValue = "10000") long max) {
        this.maxAgeSeconds = maxAgeSeconds;
        this.verified = Caffeine.newBuilder()
                .executor(Runnable::run) // upkeep on the calling thread: no pool thread to wake per request
                .maximumSize(max).expireAfterWrite(cacheFor).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
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
