package io.partnerhub.certification.holding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.partnerhub.certification.domain.CertificationLevel;
import io.partnerhub.certification.domain.CertificationStatus;
import io.partnerhub.certification.domain.HoldingStatus;

/** Request and response bodies of holdings, renewal and revocation. */
public final class HoldingViews {

    private HoldingViews() {
    }

    /**
     * A holding. {@code renewalOpensAt} is null when it never expires or is no longer active; {@code certificationStatus}
     * and {@code successor} tell whether the certification is retiring/retired (C5) and what replaces it.
     */
    public record HoldingView(UUID id, String candidateId, String certificationId, String certificationName,
            CertificationLevel level, HoldingStatus status, List<String> examCodes, Instant earnedAt, Instant expiresAt,
            Instant renewalOpensAt, Instant endedAt, String endReason, CertificationStatus certificationStatus, String successor) {
    }

    public record RenewalAttemptBody(@NotNull Boolean passed) {
    }

    /** The outcome of a renewal attempt: the holding's expiry after it (extended on a pass). */
    public record RenewalAttemptView(UUID id, UUID holdingId, boolean passed, Instant attemptedAt, Instant expiresAt,
            Instant renewalOpensAt, int attemptsInWindow, Instant nextAttemptAt) {
    }

    public record RevocationBody(@NotBlank @Size(max = 500) String reason) {
    }
}
