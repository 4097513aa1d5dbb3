package io.partnerhub.competency.credential;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jws.AlgorithmIdentifiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.signing.VcJwt;
import io.partnerhub.competency.credential.CredentialViews.Subject;
import io.partnerhub.competency.credential.CredentialViews.Verification;

/**
 * The check of a presented organisation credential (VC-JWT), as any verifier would do it: the signature against the
 * published keys (by kid, RS256 only), then the bit at {@code credentialStatus.statusListIndex} of the status list
 * the credential names (this issuer's lists only). A token that is not a JWS with a JSON header and payload is 400.
 */
@ApplicationScoped
public class CredentialVerifier {

    private static final Set<String> RS256 = Set.of(AlgorithmIdentifiers.RSA_USING_SHA256);

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
        VcJwt.Presented presented = VcJwt.read(token, json, CredentialVerifier::badToken);
        if (keys.verificationKeys().isEmpty()) {
            throw CredentialKeys.unavailable();
        }
        VcJwt.Signature signature = VcJwt.check(presented, keys.verificationKeys(), RS256);
        if (!signature.valid()) {
            return Verification.invalid(signature.keyId(), signature.reason(), now);
        }
        JsonNode payload = presented.payload();
        String kid = signature.verifiedBy();
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
