package io.partnerhub.certification.badge;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.partnerhub.certification.domain.HoldingStatus;

/** Response and request bodies of badge verification (C8). */
public final class BadgeViews {

    private BadgeViews() {
    }

    /**
     * The live status of a holding's badge: {@code revokedAt} and {@code reason} only when revoked; {@code validUntil}
     * absent for fundamentals (never expire); {@code recipientMatches} only when an identifier and a salt were given (C8b).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BadgeVerificationStatus(UUID holdingId, String certificationId, HoldingStatus status, Instant validFrom,
            Instant validUntil, Instant revokedAt, String reason, Boolean recipientMatches, Instant checkedAt) {
    }

    /**
     * The outcome of checking a VC-JWT: {@code signatureValid} false for a tampered token or one signed with a key the
     * issuer never published (then nothing else of the token is trusted); otherwise the live status of the holding.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BadgeVerification(boolean signatureValid, String keyId, String detail, UUID holdingId,
            String certificationId, HoldingStatus status, Instant validFrom, Instant validUntil, Instant revokedAt,
            String reason, Instant checkedAt) {

        static BadgeVerification invalid(String keyId, String detail, Instant now) {
            return new BadgeVerification(false, keyId, detail, null, null, null, null, null, null, null, now);
        }

        static BadgeVerification valid(String keyId, BadgeVerificationStatus status) {
            return new BadgeVerification(true, keyId, null, status.holdingId(), status.certificationId(), status.status(),
                    status.validFrom(), status.validUntil(), status.revokedAt(), status.reason(), status.checkedAt());
        }
    }

    /** {@code POST /badge-verifications} as JSON. */
    public record BadgeVerificationRequest(String jwt) {
    }
}
