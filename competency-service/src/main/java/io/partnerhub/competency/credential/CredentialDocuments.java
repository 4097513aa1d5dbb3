package io.partnerhub.competency.credential;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The documents: an organisation's Open Badges 3.0 {@code OpenBadgeCredential} (subject: the organisation as an OB3
 * Profile with its MPN id; achievement: the award; credentialStatus: a {@code BitstringStatusListEntry}) and the
 * {@code BitstringStatusListCredential}, both signed as VC-JWT (VC-JOSE-COSE: the credential is the claims set; header
 * alg RS256, kid, typ vc+jwt, cty vc) with competency-service's own key.
 */
@ApplicationScoped
public class CredentialDocuments {

    public static final String VC_JWT = "application/vc+jwt";
    public static final String CONTEXT_VC = "https://www.w3.org/ns/credentials/v2";
    public static final String CONTEXT_OB = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    static final String OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
    /** Path of the credentials under the public base URL (the gateway routes it to competency-service). */
    public static final String PATH = "/organization-credentials";

    private final CredentialKeys keys;
    private final ObjectMapper json;
    private final Clock clock;
    private final String baseUrl;
    private final CredentialConfig config;

    public CredentialDocuments(CredentialKeys keys, ObjectMapper json, Clock clock, CredentialConfig config) {
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.baseUrl = config.publicBaseUrl().replaceAll("/+$", "") + PATH;
    }

    /** {@code <public base>/organization-credentials}. */
    public String baseUrl() {
        return baseUrl;
    }

    public String issuerId() {
        return baseUrl + "/issuer";
    }

    public String credentialUrl(CredentialRow row) {
        return baseUrl + "/" + row.id();
    }

    public String statusListUrl(int list) {
        return baseUrl + "/status-lists/" + list;
    }

    public String organizationUrl(String organizationId) {
        return baseUrl + "/organizations/" + URLEncoder.encode(organizationId, StandardCharsets.UTF_8);
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
        issuer.put("name", config.issuerName());
        issuer.put("url", config.issuerUrl());
        return issuer;
    }

    /** The unsigned OpenBadgeCredential of a row. */
    public Map<String, Object> credential(CredentialRow row) {
        String kind = row.kind().toLowerCase(Locale.ROOT);
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", "urn:partnerhub:award:" + kind + ":" + row.awardId()
                + (row.levelOrNull() == null ? "" : ":" + row.levelOrNull().toLowerCase(Locale.ROOT)));
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Award");
        achievement.put("name", title(row));
        achievement.put("description", description(row));
        achievement.put("criteria", Map.of("narrative", "Held by the organisation under the programme's " + kind
                + " rules on the date of issue; the credential's status list shows whether it is still held."));
        achievement.put("creator", issuer());

        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", organizationUrl(row.organizationId()));
        profile.put("type", List.of("Profile"));
        if (row.subjectName() != null) {
            profile.put("name", row.subjectName());
        }
        if (row.subjectMpnId() != null) {
            profile.put("otherIdentifier", List.of(Map.of("type", "IdentifierEntry", "identifier", row.subjectMpnId(),
                    "identifierType", "identifier")));
        }

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", organizationUrl(row.organizationId()));
        subject.put("type", List.of("AchievementSubject"));
        if (row.subjectMpnId() != null) {
            // OB3 IdentityObject: the organisation's MPN id, not hashed (it is public)
            subject.put("identifier", List.of(Map.of("type", "IdentityObject", "identityHash", row.subjectMpnId(),
                    "identityType", "identifier", "hashed", false)));
        }
        subject.put("profile", profile);
        subject.put("achievement", achievement);

        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", statusListUrl(row.statusList()) + "#" + row.statusIndex());
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", Integer.toString(row.statusIndex()));
        status.put("statusListCredential", statusListUrl(row.statusList()));

        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(CONTEXT_VC, CONTEXT_OB));
        credential.put("id", credentialUrl(row));
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("name", title(row));
        credential.put("issuer", issuer());
        credential.put("validFrom", row.validFrom().toString());
        credential.put("awardedDate", row.validFrom().toString());
        credential.put("credentialSubject", subject);
        credential.put("credentialStatus", status);
        credential.put("credentialSchema", List.of(Map.of("id", OB_SCHEMA, "type", "1EdTechJsonSchemaValidator2019")));
        return credential;
    }

    /** The credential as a VC-JWT; claims add iss (issuer.id), sub (subject id), jti (id), iat and nbf (validFrom). */
    public String signed(CredentialRow row) {
        Map<String, Object> claims = credential(row);
        claims.put("iss", issuerId());
        claims.put("sub", organizationUrl(row.organizationId()));
        claims.put("jti", claims.get("id"));
        claims.put("iat", clock.instant().getEpochSecond());
        claims.put("nbf", row.validFrom().getEpochSecond());
        return sign(claims);
    }

    /** The unsigned BitstringStatusListCredential of a list (revocation), valid from {@code at}. */
    public Map<String, Object> statusList(int list, Bitstring bits, Instant at) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", statusListUrl(list) + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", bits.encode());
        subject.put("ttl", Math.max(1, config.statusListCache().toMillis()));
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(CONTEXT_VC));
        credential.put("id", statusListUrl(list));
        credential.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        credential.put("issuer", issuerId());
        credential.put("validFrom", at.toString());
        credential.put("credentialSubject", subject);
        return credential;
    }

    public String signedStatusList(Map<String, Object> credential, Instant at) {
        Map<String, Object> claims = new LinkedHashMap<>(credential);
        claims.put("iss", issuerId());
        claims.put("jti", credential.get("id"));
        claims.put("iat", at.getEpochSecond());
        return sign(claims);
    }

    private String sign(Map<String, Object> claims) {
        PublicJsonWebKey key = keys.requireSigningKey();
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
            throw new IllegalStateException("Could not sign " + claims.get("id"), e);
        }
    }

    static String title(CredentialRow row) {
        return row.levelOrNull() == null ? row.name() : row.name() + " (" + capitalised(row.levelOrNull()) + ")";
    }

    private static String description(CredentialRow row) {
        return switch (row.kind()) {
            case "COMPETENCY" -> "Competency " + row.name() + " at " + capitalised(row.levelOrNull()) + " level.";
            case "DESIGNATION" -> "Solutions Partner designation " + row.name()
                    + (row.levelOrNull() == null ? "." : ", " + row.levelOrNull() + " track.");
            case "SPECIALISATION" -> "Specialisation " + row.name() + ".";
            default -> row.name() + ".";
        };
    }

    private static String capitalised(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1).toLowerCase(Locale.ROOT);
    }
}
