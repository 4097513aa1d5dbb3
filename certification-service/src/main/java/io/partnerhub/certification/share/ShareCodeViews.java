package io.partnerhub.certification.share;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerhub.certification.share.ShareCode.ShareCodeStatus;

/** Request and response bodies of share codes (C7). */
public final class ShareCodeViews {

    private ShareCodeViews() {
    }

    /** Optional expiry of a new share code: in the future, at most five years ahead; absent = until revoked. */
    public record CreateShareCode(
            @Schema(description = "When the code stops opening the transcript; absent = until revoked", examples = "2027-03-01T00:00:00Z")
            Instant expiresAt) {
    }

    public record ShareCodeView(String code, String candidateId, ShareCodeStatus status, Instant createdAt, Instant expiresAt,
            Instant revokedAt, String url) {
    }
}
