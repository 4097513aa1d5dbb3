package io.partnerhub.certification.holding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.partnerhub.certification.domain.CertificationLevel;
import io.partnerhub.certification.domain.CertificationStatus;
import io.partnerhub.certification.domain.HoldingStatus;

/** Request and response bodies of holdings, renewal and revocation. */
public final class HoldingViews {

    private HoldingViews() {
    }

    /**
     * A holding. {@code renewalOpensAt} is null when it never expires or is no longer active; {@code certificationStatus}
     * and {@code successor} tell whether the certification is retiring/retired (C5) and what replaces it; {@code badgeSalt}
 * only for the holder and ops (C8b).
     */
    public record HoldingView(UUID id, String candidateId, String certificationId, String certificationName,
            CertificationLevel level, HoldingStatus status, List<String> examCodes, Instant earnedAt, Instant expiresAt,
            Instant renewalOpensAt, Instant endedAt, String endReason, CertificationStatus certificationStatus, String successor,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "C8b the salt of the badge's hashed recipient identity: the holder gives it, with their "
                    + "candidate id, to whoever should check the badge is theirs (GET /badges/{id}/verification?identifier&salt). "
                    + "Only for the holder and ops; absent on a shared transcript.", examples = "9f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b")
            String badgeSalt) {
    }

    /** The ops support override: the outcome and why it is recorded by hand (required, logged and stored). */
    public record RenewalAttemptBody(@NotNull Boolean passed, @Size(max = 500) String reason) {
    }

    /** The outcome of a renewal attempt: the holding's expiry after it (extended on a pass). */
    public record RenewalAttemptView(UUID id, UUID holdingId, boolean passed, Instant attemptedAt, Instant expiresAt,
            Instant renewalOpensAt, int attemptsInWindow, Instant nextAttemptAt) {
    }

    public record RevocationBody(@NotBlank @Size(max = 500) String reason) {
    }
}
