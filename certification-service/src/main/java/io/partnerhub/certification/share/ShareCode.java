package io.partnerhub.certification.share;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** C7 a candidate's share code: opens their transcript read-only without a token until revoked or expired. */
@Entity
@Table(name = "share_code")
public class ShareCode {

    @Id
    public String code;

    @Column(name = "candidate_id", nullable = false)
    public String candidateId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** null = until revoked. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public ShareCodeStatus statusAt(Instant now) {
        if (revokedAt != null) {
            return ShareCodeStatus.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return ShareCodeStatus.EXPIRED;
        }
        return ShareCodeStatus.ACTIVE;
    }

    public enum ShareCodeStatus {
        ACTIVE, EXPIRED, REVOKED
    }
}
