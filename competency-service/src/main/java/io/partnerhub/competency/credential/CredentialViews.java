package io.partnerhub.competency.credential;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the public organisation-credential endpoints answer. */
public final class CredentialViews {

    private CredentialViews() {
    }

    public enum LiveStatus {
        ACTIVE, REVOKED
    }

    @Schema(description = "An organisation and its credentials, each with its live status")
    public record OrganizationCredentials(String organizationId, String mpnId, String name, String profileId,
            List<CredentialSummary> credentials) {
    }

    @Schema(description = "One credential: what it awards and whether its status-list bit says revoked")
    public record CredentialSummary(String id, @Schema(description = "the credential's id; GET it for the VC-JWT") String url,
            AwardChanged.Kind kind, String awardId, String level, String name, Instant validFrom, LiveStatus status,
            Instant revokedAt, String statusListCredential, int statusListIndex) {
    }

    @Schema(description = "A VC-JWT to check: the compact JWS")
    public record VerificationRequest(@Schema(required = true, maxLength = 16384) String credential) {
    }

    @Schema(description = "The organisation a credential is about, as the credential names it")
    public record Subject(String id, String mpnId, String name) {
    }

    @Schema(description = "The check of a presented VC-JWT: the signature against the published keys (kid), then the "
            + "credential's bit in its status list. With signatureValid false nothing else of the token is trusted.")
    public record Verification(boolean signatureValid, String keyId, String reason, String credentialId, String issuer,
            Subject subject, String achievement, Instant validFrom, String statusListCredential, Integer statusListIndex,
            Boolean revoked, Instant checkedAt) {

        static Verification invalid(String keyId, String reason, Instant at) {
            return new Verification(false, keyId, reason, null, null, null, null, null, null, null, null, at);
        }
    }
}
