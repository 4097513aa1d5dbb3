package io.partnerhub.competency.credential;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

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

import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.competency.credential.CredentialViews.Subject;
import io.partnerhub.competency.credential.CredentialViews.Verification;

/**
 * The check of a presented organisation credential (VC-JWT), as any verifier would do it: the signature against the
 * published keys (by kid, RS256 only), then the bit at {@code credentialStatus.statusListIndex} of the status list
 * the credential names (this issuer's lists only). A token that is not a JWS with a JSON header and payload is 400.
 */
@ApplicationScoped
public class CredentialVerifier {

    /** The longest VC-JWT accepted (a credential is about 3 KB). */
    public static final int MAX_TOKEN_LENGTH = 16_384;

    private static final AlgorithmConstraints RS256 = new AlgorithmConstraints(ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA256);

    private final CredentialKeys keys;
    private final CredentialDocuments documents;
    private final StatusLists lists;
    private final ObjectMapper json;
    private final Clock clock;

    public CredentialVerifier(CredentialKeys keys, CredentialDocuments documents, StatusLists lists, ObjectMapper json,
            Clock clock) {
        this.keys = keys;
        this.documents = documents;
        this.lists = lists;
        this.json = json;
        this.clock = clock;
    }

    public Verification verify(String token) {
        Instant now = clock.instant();
        String compact = token == null ? "" : token.strip();
        if (compact.isEmpty() || compact.length() > MAX_TOKEN_LENGTH || compact.split("\\.", -1).length != 3) {
            throw badToken("Expected a VC-JWT: a JWS compact serialization (three base64url parts separated by dots) of at "
                    + "most " + MAX_TOKEN_LENGTH + " characters");
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
            throw badToken("Not a VC-JWT: the header and payload must be base64url-encoded JSON");
        }
        if (payload == null || !payload.isObject() || algorithm == null) {
            throw badToken("Not a VC-JWT: the header names no alg or the payload is not a JSON object");
        }
        if (keys.verificationKeys().isEmpty()) {
            throw CredentialKeys.unavailable();
        }
        List<JsonWebKey> candidates = keys.verificationKeys().stream()
                .filter(k -> keyId == null || keyId.equals(k.getKeyId())).toList();
        if (candidates.isEmpty()) {
            return Verification.invalid(keyId, "Signed with a key this issuer does not publish (kid " + keyId + ")", now);
        }
        if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(algorithm)) {
            return Verification.invalid(keyId, "Algorithm " + algorithm + " is not accepted (RS256)", now);
        }
        Optional<JsonWebKey> verifiedBy = candidates.stream().filter(k -> verifies(compact, k)).findFirst();
        if (verifiedBy.isEmpty()) {
            return Verification.invalid(keyId, "The signature does not match the content", now);
        }
        String kid = verifiedBy.get().getKeyId();
        JsonNode status = payload.path("credentialStatus");
        JsonNode profile = payload.path("credentialSubject").path("profile");
        Subject subject = new Subject(text(payload.path("credentialSubject").path("id")),
                text(profile.path("otherIdentifier").path(0).path("identifier")), text(profile.path("name")));
        String statusList = text(status.path("statusListCredential"));
        Integer index = index(status.path("statusListIndex"));
        Integer list = listNumber(statusList);
        Instant validFrom = instant(payload.path("validFrom"));
        String issuer = text(payload.path("issuer").path("id"));
        String achievement = text(payload.path("credentialSubject").path("achievement").path("name"));
        if (!"BitstringStatusListEntry".equals(text(status.path("type"))) || index == null || list == null) {
            return new Verification(true, kid, "The credential names no status list entry of this issuer", text(payload.path("id")),
                    issuer, subject, achievement, validFrom, statusList, index, null, now);
        }
        Optional<StatusLists.Built> built = lists.list(list);
        if (built.isEmpty() || index >= built.get().bits().length()) {
            return new Verification(true, kid, "The status list the credential names is not published", text(payload.path("id")),
                    issuer, subject, achievement, validFrom, statusList, index, null, now);
        }
        boolean revoked = built.get().bits().get(index);
        return new Verification(true, kid, revoked ? "Revoked: the organisation no longer holds the award" : null,
                text(payload.path("id")), issuer, subject, achievement, validFrom, statusList, index, revoked, now);
    }

    private static boolean verifies(String compact, JsonWebKey key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(RS256);
            jws.setCompactSerialization(compact);
            jws.setKey(key.getKey());
            return jws.verifySignature();
        } catch (JoseException | RuntimeException e) {
            return false;
        }
    }

    private Integer listNumber(String url) {
        String prefix = documents.baseUrl() + "/status-lists/";
        if (url == null || !url.startsWith(prefix) || url.length() > prefix.length() + 9) {
            return null;
        }
        try {
            int list = Integer.parseInt(url.substring(prefix.length()));
            return list >= 1 ? list : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer index(JsonNode node) {
        try {
            int index = Integer.parseInt(node.asText(""));
            return index >= 0 ? index : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    private static Instant instant(JsonNode node) {
        try {
            return node.isTextual() ? Instant.parse(node.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DomainException badToken(String detail) {
        return new DomainException(400, "invalid-credential-token", "Invalid credential token", detail);
    }
}
