package io.partnerhub.certification.badge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.certification.badge.BadgeViews.BadgeVerificationStatus;
import io.partnerhub.certification.certification.Certification;
import io.partnerhub.certification.certification.CertificationRepository;
import io.partnerhub.certification.config.CertificationConfig;
import io.partnerhub.certification.domain.BadgeStatus;
import io.partnerhub.certification.domain.CertificationStatus;
import io.partnerhub.certification.domain.HoldingStatus;
import io.partnerhub.certification.domain.RecipientIdentity;
import io.partnerhub.certification.holding.CertificationHolding;
import io.partnerhub.certification.holding.HoldingRepository;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.ResourceNotFound;

/**
 * C8: a holding as an Open Badges 3.0 {@code OpenBadgeCredential}, the same credential signed as a VC-JWT
 * (VC-JOSE-COSE: the credential is the JWT claims set, header {@code typ vc+jwt} and {@code kid}), its live status,
 * and its live status. The check of a presented VC-JWT is {@link BadgeVerifier}.
 */
@ApplicationScoped
public class BadgeService {

    public static final String VC_JWT = "application/vc+jwt";
    public static final String CONTEXT_VC = "https://www.w3.org/ns/credentials/v2";
    public static final String CONTEXT_OB = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public static final String OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    private final HoldingRepository holdings;
    private final CertificationRepository certifications;
    private final BadgeKeys keys;
    private final ObjectMapper json;
    private final Clock clock;
    private final String baseUrl;
    private final String issuerName;

    public BadgeService(HoldingRepository holdings, CertificationRepository certifications, BadgeKeys keys,
            ObjectMapper json, Clock clock, CertificationConfig config) {
        this.holdings = holdings;
        this.certifications = certifications;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.baseUrl = config.publicBaseUrl().replaceAll("/+$", "");
        this.issuerName = config.badges().issuerName();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String issuerId() {
        return baseUrl + "/badges/issuer";
    }

    /** The issuer's OB3 Profile (what {@code issuer.id} resolves to). */
    public Map<String, Object> issuerProfile() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", List.of(CONTEXT_VC, CONTEXT_OB));
        profile.putAll(issuer());
        return profile;
    }

    private Map<String, Object> issuer() {
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", issuerId());
        issuer.put("type", List.of("Profile"));
        issuer.put("name", issuerName);
        return issuer;
    }

    /** The unsigned OpenBadgeCredential of a holding (any status: the verification endpoint tells whether it holds now). */
    public Map<String, Object> credential(UUID holdingId) {
        CertificationHolding holding = holding(holdingId);
        Certification certification = certifications.findById(holding.certificationId);
        String badgeUrl = baseUrl + "/badges/" + holding.id;

        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", baseUrl + "/certifications/" + encode(holding.certificationId));
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Certification");
        achievement.put("name", certification.name);
        achievement.put("description", description(certification));
        achievement.put("criteria", Map.of("narrative", narrative(holding, certification)));
        achievement.put("creator", issuer());
        if (certification.successor != null) {
            // OB3 Related: the achievement that replaces this one (C5: the successor of a retired certification)
            achievement.put("related", List.of(Map.of("id", baseUrl + "/certifications/" + encode(certification.successor),
                    "type", List.of("Related"))));
        }

        // C8b OB3 IdentityObject, hashed with the holding's salt; the salt itself is never in the badge. No subject id:
        // OB3 needs an id or an identifier, and an id would name the candidate in the clear.
        Map<String, Object> identifier = new LinkedHashMap<>();
        identifier.put("type", "IdentityObject");
        identifier.put("identityHash", RecipientIdentity.hash(holding.candidateId, holding.badgeSalt));
        identifier.put("identityType", "identifier");
        identifier.put("hashed", true);

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", List.of(identifier));
        subject.put("achievement", achievement);

        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", badgeUrl + "/verification");
        status.put("type", "PartnerHubLiveStatus");

        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(CONTEXT_VC, CONTEXT_OB));
        credential.put("id", badgeUrl);
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("name", certification.name);
        credential.put("issuer", issuer());
        credential.put("validFrom", holding.earnedAt.toString());
        if (holding.expiresAt != null) {
            credential.put("validUntil", holding.expiresAt.toString());
        }
        credential.put("awardedDate", holding.earnedAt.toString());
        credential.put("credentialSubject", subject);
        credential.put("credentialStatus", status);
        credential.put("credentialSchema", List.of(Map.of("id", OB_SCHEMA, "type", "1EdTechJsonSchemaValidator2019")));
        return credential;
    }

    /**
     * The credential as a VC-JWT: JOSE compact JWS (RS256), header {@code alg, kid, typ=vc+jwt, cty=vc}, claims = the
     * credential plus {@code iss} (= issuer.id), {@code jti} (= id), {@code iat}, {@code nbf} (validFrom) and
     * {@code exp} (validUntil, absent for fundamentals).
     */
    public String signed(UUID holdingId) {
        PublicJsonWebKey key = keys.signingKey().orElseThrow(BadgeService::signingUnavailable);
        Map<String, Object> claims = credential(holdingId);
        CertificationHolding holding = holdings.findById(holdingId);
        claims.put("iss", issuerId());
        claims.put("jti", claims.get("id"));
        claims.put("iat", clock.instant().getEpochSecond());
        claims.put("nbf", holding.earnedAt.getEpochSecond());
        if (holding.expiresAt != null) {
            claims.put("exp", holding.expiresAt.getEpochSecond());
        }
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(json.writeValueAsString(claims));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setHeader("typ", "vc+jwt");
            jws.setHeader("cty", "vc");
            jws.setKey(key.getPrivateKey());
            return jws.getCompactSerialization();
        } catch (JoseException | JsonProcessingException e) {
            throw new IllegalStateException("Could not sign badge " + holdingId, e);
        }
    }

    /** What a verifier learns now: active, expired or revoked, with the dates. */
    public BadgeVerificationStatus status(UUID holdingId) {
        return status(holding(holdingId), null);
    }

    /**
     * The status, and with both an identifier and a salt (from the holder) whether the badge's hashed recipient is that
     * identifier ({@code recipientMatches}); without both, {@code recipientMatches} is absent.
     */
    public BadgeVerificationStatus status(UUID holdingId, String identifier, String salt) {
        CertificationHolding holding = holding(holdingId);
        Boolean matches = identifier == null || salt == null ? null
                : RecipientIdentity.matches(RecipientIdentity.hash(holding.candidateId, holding.badgeSalt), identifier, salt);
        return status(holding, matches);
    }

    BadgeVerificationStatus status(CertificationHolding holding, Boolean recipientMatches) {
        Instant now = clock.instant();
        HoldingStatus status = BadgeStatus.at(holding.status, holding.expiresAt, now);
        boolean revoked = status == HoldingStatus.REVOKED;
        return new BadgeVerificationStatus(holding.id, holding.certificationId, status, holding.earnedAt, holding.expiresAt,
                revoked ? holding.endedAt : null, revoked ? holding.endReason : null, recipientMatches, now);
    }

    /** Holding ids are UUIDs; anything else (too long, {@code ..}, not hex) names no holding. */
    public static UUID parseHoldingId(String id) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        return null;
    }

    private CertificationHolding holding(UUID holdingId) {
        CertificationHolding holding = holdingId == null ? null : holdings.findById(holdingId);
        if (holding == null) {
            throw new ResourceNotFound("badge", String.valueOf(holdingId));
        }
        return holding;
    }

    private String description(Certification certification) {
        StringBuilder text = new StringBuilder(certification.level + " certification: " + certification.name + ".");
        CertificationStatus lifecycle = certification.statusOn(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (lifecycle != CertificationStatus.ACTIVE) {
            text.append(lifecycle == CertificationStatus.RETIRED ? " Retired on " : " Retires on ")
                    .append(certification.retiresOn).append('.');
        }
        if (certification.successor != null) {
            text.append(" Successor: ").append(certification.successor).append('.');
        }
        return text.toString();
    }

    private static String narrative(CertificationHolding holding, Certification certification) {
        String requirement = certification.requiredExams.stream()
                .map(group -> group.size() == 1 ? group.get(0) : "one of " + String.join("/", group))
                .collect(Collectors.joining(" and "));
        String text = "Earned by passing the exam" + (holding.examCodes.size() == 1 ? " " : "s ")
                + String.join(", ", holding.examCodes) + ". Requires " + requirement;
        if (!certification.prerequisites.isEmpty()) {
            text += ", holding " + String.join(", ", certification.prerequisites) + " active";
        }
        return text + ".";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static DomainException signingUnavailable() {
        return new DomainException(503, "badge-signing-unavailable", "Badge signing unavailable",
                "No badge signing key is configured (partnerhub.certification.badges.signing-key-location)");
    }
}
