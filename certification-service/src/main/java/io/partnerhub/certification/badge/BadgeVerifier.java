package io.partnerhub.certification.badge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.certification.badge.BadgeViews.BadgeVerification;
import io.partnerhub.certification.holding.CertificationHolding;
import io.partnerhub.certification.holding.HoldingRepository;
import io.partnerhub.chassis.problem.DomainException;

/** C8 the check of a presented VC-JWT: its signature against the issuer's published keys, then the holding's status. */
@ApplicationScoped
public class BadgeVerifier {

    /** The longest VC-JWT accepted for checking (a badge is about 2-3 KB). */
    public static final int MAX_TOKEN_LENGTH = 16_384;

    private static final AlgorithmConstraints ALGORITHMS = new AlgorithmConstraints(ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);

    private final BadgeService badges;
    private final HoldingRepository holdings;
    private final BadgeKeys keys;
    private final ObjectMapper json;
    private final Clock clock;

    public BadgeVerifier(BadgeService badges, HoldingRepository holdings, BadgeKeys keys, ObjectMapper json, Clock clock) {
        this.badges = badges;
        this.holdings = holdings;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Checks a presented VC-JWT: its signature against the published keys (by {@code kid}), then the live status of the
     * holding it names. A token that is not a JWS with JSON header and payload is a 400 problem; a wrong signature or an
     * unknown key is {@code signatureValid: false}.
     */
    public BadgeVerification verify(String token) {
        Instant now = clock.instant();
        String compact = token == null ? "" : token.strip();
        if (compact.isEmpty() || compact.length() > MAX_TOKEN_LENGTH || compact.split("\\.", -1).length != 3) {
            throw badToken("Expected a VC-JWT: a JWS compact serialization (three base64url parts separated by dots) of at "
                    + "most " + MAX_TOKEN_LENGTH + " characters");
        }
        JsonWebSignature jws = new JsonWebSignature();
        JsonNode payload;
        String keyId;
        String algorithm;
        try {
            jws.setCompactSerialization(compact);
            keyId = jws.getKeyIdHeaderValue();
            algorithm = jws.getAlgorithmHeaderValue();
            payload = json.readTree(jws.getUnverifiedPayload());
        } catch (JoseException | JsonProcessingException | RuntimeException e) {
            throw badToken("Not a VC-JWT: the header and payload must be base64url-encoded JSON");
        }
        if (payload == null || !payload.isObject() || algorithm == null) {
            throw badToken("Not a VC-JWT: the header names no alg or the payload is not a JSON object");
        }
        List<JsonWebKey> candidates = keys.verificationKeys().stream()
                .filter(k -> keyId == null || keyId.equals(k.getKeyId())).collect(Collectors.toList());
        if (keys.verificationKeys().isEmpty()) {
            throw BadgeService.signingUnavailable();
        }
        if (candidates.isEmpty()) {
            return BadgeVerification.invalid(keyId, "Signed with a key this issuer does not publish (kid " + keyId + ")", now);
        }
        if (!isPermitted(algorithm)) {
            return BadgeVerification.invalid(keyId, "Algorithm " + algorithm + " is not accepted (RS256, ES256)", now);
        }
        Optional<JsonWebKey> verifiedBy = candidates.stream().filter(k -> verifies(compact, k)).findFirst();
        if (verifiedBy.isEmpty()) {
            return BadgeVerification.invalid(keyId, "The signature does not match the content", now);
        }
        UUID holdingId = holdingIdOf(payload.path("id").asText(""));
        CertificationHolding holding = holdingId == null ? null : holdings.findById(holdingId);
        if (holding == null) {
            return new BadgeVerification(true, verifiedBy.get().getKeyId(), "The credential names no holding of this issuer",
                    null, null, null, null, null, null, null, now);
        }
        return BadgeVerification.valid(verifiedBy.get().getKeyId(), badges.status(holding, null));
    }

    private static boolean isPermitted(String algorithm) {
        return AlgorithmIdentifiers.RSA_USING_SHA256.equals(algorithm)
                || AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256.equals(algorithm);
    }

    private static boolean verifies(String compact, JsonWebKey key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(ALGORITHMS);
            jws.setCompactSerialization(compact);
            jws.setKey(key.getKey());
            return jws.verifySignature();
        } catch (JoseException | RuntimeException e) {
            return false;
        }
    }

    private UUID holdingIdOf(String credentialId) {
        String prefix = badges.baseUrl() + "/badges/";
        if (!credentialId.startsWith(prefix)) {
            return null;
        }
        return BadgeService.parseHoldingId(credentialId.substring(prefix.length()));
    }

    private static DomainException badToken(String detail) {
        return new DomainException(400, "invalid-badge-token", "Invalid badge token", detail);
    }
}
