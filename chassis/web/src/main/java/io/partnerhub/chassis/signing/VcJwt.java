package io.partnerhub.chassis.signing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.chassis.problem.DomainException;

/**
 * The signature check of a presented VC-JWT, as any verifier does it: the compact JWS is read (a token that is not a
 * JWS with a JSON header and an object payload is the caller's 400), then its signature is checked against the issuer's
 * published keys, by kid, with the accepted algorithms only. What the credential says is the caller's to judge.
 */
public final class VcJwt {

    /** The longest VC-JWT accepted for checking (a badge or an organisation credential is about 2-3 KB). */
    public static final int MAX_TOKEN_LENGTH = 16_384;

    /** A token read but not yet trusted. */
    public record Presented(String compact, String keyId, String algorithm, JsonNode payload) {
    }

    /** The signature check's answer: {@code verifiedBy} is the key's kid when it holds, else {@code reason} says why not. */
    public record Signature(String keyId, String verifiedBy, String reason) {

        public boolean valid() {
            return verifiedBy != null;
        }
    }

    private VcJwt() {
    }

    /**
     * Reads a presented token without trusting it.
     *
     * @param badToken the caller's 400 problem for a token that is not a VC-JWT, given the detail
     */
    public static Presented read(String token, ObjectMapper json, Function<String, DomainException> badToken) {
        String compact = token == null ? "" : token.strip();
        if (compact.isEmpty() || compact.length() > MAX_TOKEN_LENGTH || compact.split("\\.", -1).length != 3) {
            throw badToken.apply("Expected a VC-JWT: a JWS compact serialization (three base64url parts separated by dots) "
                    + "of at most " + MAX_TOKEN_LENGTH + " characters");
        }
        JsonNode payload;
        String keyId;
        String algorithm;
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(compact);
            keyId = jws.getKeyIdHeaderValue();
            algorithm = jws.getAlgorithmHeaderValue();
            payload = json.readTree(jws.getUnverifiedPayload());
        } catch (JoseException | JsonProcessingException | RuntimeException e) {
            throw badToken.apply("Not a VC-JWT: the header and payload must be base64url-encoded JSON");
        }
        if (payload == null || !payload.isObject() || algorithm == null) {
            throw badToken.apply("Not a VC-JWT: the header names no alg or the payload is not a JSON object");
        }
        return new Presented(compact, keyId, algorithm, payload);
    }

    /**
     * Checks the signature against {@code keys} (the issuer's published keys; the caller answers 503 when it has none).
     *
     * @param algorithms the accepted JWS algorithms (e.g. RS256)
     */
    public static Signature check(Presented token, List<JsonWebKey> keys, Set<String> algorithms) {
        String keyId = token.keyId();
        List<JsonWebKey> candidates = keys.stream().filter(k -> keyId == null || keyId.equals(k.getKeyId())).toList();
        if (candidates.isEmpty()) {
            return new Signature(keyId, null, "Signed with a key this issuer does not publish (kid " + keyId + ")");
        }
        if (!algorithms.contains(token.algorithm())) {
            return new Signature(keyId, null, "Algorithm " + token.algorithm() + " is not accepted ("
                    + String.join(", ", algorithms.stream().sorted().toList()) + ")");
        }
        AlgorithmConstraints permitted = new AlgorithmConstraints(ConstraintType.PERMIT, algorithms.toArray(String[]::new));
        Optional<JsonWebKey> verifiedBy = candidates.stream().filter(k -> verifies(token.compact(), k, permitted)).findFirst();
        return verifiedBy.map(k -> new Signature(keyId, k.getKeyId(), null))
                .orElseGet(() -> new Signature(keyId, null, "The signature does not match the content"));
    }

    private static boolean verifies(String compact, JsonWebKey key, AlgorithmConstraints permitted) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(permitted);
            jws.setCompactSerialization(compact);
            jws.setKey(key.getKey());
            return jws.verifySignature();
        } catch (JoseException | RuntimeException e) {
            return false;
        }
    }
}
