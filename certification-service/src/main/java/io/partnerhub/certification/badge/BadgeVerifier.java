package io.partnerhub.certification.badge;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jws.AlgorithmIdentifiers;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.certification.badge.BadgeViews.BadgeVerification;
import io.partnerhub.certification.holding.CertificationHolding;
import io.partnerhub.certification.holding.HoldingRepository;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.signing.VcJwt;

/** C8 the check of a presented VC-JWT: its signature against the issuer's published keys, then the holding's status. */
@ApplicationScoped
public class BadgeVerifier {

    private static final Set<String> ALGORITHMS = Set.of(AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);

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
        VcJwt.Presented presented = VcJwt.read(token, json, BadgeVerifier::badToken);
        if (keys.verificationKeys().isEmpty()) {
            throw BadgeService.signingUnavailable();
        }
        VcJwt.Signature signature = VcJwt.check(presented, keys.verificationKeys(), ALGORITHMS);
        if (!signature.valid()) {
            return BadgeVerification.invalid(signature.keyId(), signature.reason(), now);
        }
        UUID holdingId = holdingIdOf(presented.payload().path("id").asText(""));
        CertificationHolding holding = holdingId == null ? null : holdings.findById(holdingId);
        if (holding == null) {
            return new BadgeVerification(true, signature.verifiedBy(), "The credential names no holding of this issuer",
                    null, null, null, null, null, null, null, now);
        }
        return BadgeVerification.valid(signature.verifiedBy(), badges.status(holding, null));
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
