package io.partnerhub.devstack;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Mints RS256 JWTs the way the services and the gateway verify them (DESIGN §6):
 * {@code iss=partnerhub-devstack, aud=partnerhub, sub, upn, groups=[role], org, candidate, provider, iat, exp, jti}.
 * Signed with jose4j (the library smallrye-jwt verifies with): smallrye-jwt-build needs a MicroProfile Config
 * implementation at runtime and would read the ambient application's config in test JVMs.
 */
public final class Tokens {

    public static final String ISSUER = "partnerhub-devstack";
    /** The audience every service and the gateway require ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "partnerhub";
    public static final String EXAM_PROVIDER_ROLE = "exam-provider";
    /** Values of the {@code provider} claim of an exam-provider token. */
    public static final List<String> PROVIDERS = List.of("PEARSON_VUE", "PSI");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateKey signingKey;
    private final Duration lifetime;

    public Tokens(PrivateKey signingKey, Duration lifetime) {
        this.signingKey = signingKey;
        this.lifetime = lifetime;
    }

    /**
     * A token for one role. {@code claims} may set {@code sub}, {@code upn}, {@code org}, {@code candidate},
     * {@code provider} or any other string claim; blank values are left out. An exam-provider's {@code provider}
     * must be one of {@link #PROVIDERS}.
     */
    public String mint(String role, Map<String, String> claims) {
        return sign(claims(role, claims, Instant.now()));
    }

    /** The claims {@link #mint} signs, as a mutable map (tests change them to build invalid tokens). */
    public Map<String, Object> claims(String role, Map<String, String> claims, Instant issuedAt) {
        String provider = claims.get("provider");
        if (provider != null && !provider.isBlank() && !PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("provider must be one of " + PROVIDERS + ", not " + provider);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", ISSUER);
        payload.put("aud", AUDIENCE);
        String subject = claims.getOrDefault("sub", defaultSubject(role, claims));
        payload.put("sub", subject);
        payload.put("upn", claims.getOrDefault("upn", subject));
        payload.put("groups", List.of(role));
        claims.forEach((name, value) -> {
            if (value != null && !value.isBlank() && !payload.containsKey(name)) {
                payload.put(name, value);
            }
        });
        payload.put("iat", issuedAt.getEpochSecond());
        payload.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        payload.put("jti", UUID.randomUUID().toString());
        return payload;
    }

    /** Signs exactly these claims (RS256, header {@code typ=JWT}). */
    public String sign(Map<String, Object> claims) {
        return sign(claims, signingKey);
    }

    /** Signs exactly these claims with any RSA key (tests: a key nobody trusts). */
    public static String sign(Map<String, Object> claims, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        try {
            jws.setPayload(JSON.writeValueAsString(claims));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Claims are not JSON-writable: " + claims, e);
        }
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
    }

    private static String defaultSubject(String role, Map<String, String> claims) {
        String candidate = claims.get("candidate");
        if (candidate != null && !candidate.isBlank()) {
            return "candidate-" + candidate + "@partnerhub.local";
        }
        String org = claims.get("org");
        if (org != null && !org.isBlank()) {
            return role + "." + org + "@partnerhub.local";
        }
        String provider = claims.get("provider");
        return provider != null && !provider.isBlank()
                ? role + "." + provider.toLowerCase(java.util.Locale.ROOT) + "@partnerhub.local"
                : role + "@partnerhub.local";
    }
}
