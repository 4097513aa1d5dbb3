package io.partnerhub.devstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints RS256 JWTs the way the services expect them (DESIGN §6) with nothing but the JDK:
 * {@code iss=partnerhub-devstack, sub, upn, groups=[role], org, candidate, iat, exp}.
 */
public final class Tokens {

    public static final String ISSUER = "partnerhub-devstack";

    private final PrivateKey signingKey;
    private final Duration lifetime;

    public Tokens(PrivateKey signingKey, Duration lifetime) {
        this.signingKey = signingKey;
        this.lifetime = lifetime;
    }

    /**
     * A token for one role. {@code claims} may set {@code sub}, {@code upn}, {@code org}, {@code candidate}
     * or any other string claim; blank values are left out.
     */
    public String mint(String role, Map<String, String> claims) {
        Instant now = Instant.now();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", ISSUER);
        String subject = claims.getOrDefault("sub", defaultSubject(role, claims));
        payload.put("sub", subject);
        payload.put("upn", claims.getOrDefault("upn", subject));
        payload.put("groups", List.of(role));
        claims.forEach((name, value) -> {
            if (value != null && !value.isBlank() && !payload.containsKey(name)) {
                payload.put(name, value);
            }
        });
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", now.plus(lifetime).getEpochSecond());
        payload.put("jti", UUID.randomUUID().toString());
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        String signingInput = base64Url(Json.write(header)) + "." + base64Url(Json.write(payload));
        return signingInput + "." + sign(signingInput);
    }

    private static String defaultSubject(String role, Map<String, String> claims) {
        String candidate = claims.get("candidate");
        if (candidate != null && !candidate.isBlank()) {
            return "candidate-" + candidate + "@partnerhub.local";
        }
        String org = claims.get("org");
        return org != null && !org.isBlank() ? role + "." + org + "@partnerhub.local" : role + "@partnerhub.local";
    }

    private String sign(String signingInput) {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(signingKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
