package io.partnerhub.certification.holding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerhub.certification.domain.CertificationLevel;
import io.partnerhub.certification.domain.HeldCertification;
import io.partnerhub.certification.domain.HoldingStatus;

/** C2 a candidate's holding of a certification. Renewal, the expiry sweep and revocation meet here: @Version. */
@Entity
@Table(name = "certification_holding")
public class CertificationHolding {

    @Id
    public UUID id;

    @Column(name = "candidate_id", nullable = false)
    public String candidateId;

    @Column(name = "certification_id", nullable = false)
    public String certificationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificationLevel level;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "exam_codes", nullable = false, columnDefinition = "jsonb")
    public List<String> examCodes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HoldingStatus status;

    @Column(name = "earned_at", nullable = false)
    public Instant earnedAt;

    /** null = never expires (fundamentals). */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** When it stopped counting: its expiry, or when it was revoked. */
    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;

    /** C8b the salt of the badge's hashed recipient identity (RecipientIdentity); shown to the holder and ops only. */
    @Column(name = "badge_salt", nullable = false, updatable = false)
    public String badgeSalt;

    @Version
    public long version;

    /** How earning sees this holding at {@code now}. */
    public HeldCertification held(Instant now) {
        return held(certificationId, status, expiresAt, endedAt, now);
    }

    /** How earning sees a holding of {@code certificationId} in this state at {@code now}. */
    static HeldCertification held(String certificationId, HoldingStatus status, Instant expiresAt, Instant endedAt, Instant now) {
        if (status != HoldingStatus.ACTIVE) {
            return HeldCertification.ended(certificationId, endedAt);
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return HeldCertification.overdue(certificationId);
        }
        return HeldCertification.active(certificationId);
    }

    public void expire() {
        status = HoldingStatus.EXPIRED;
        endedAt = expiresAt;
        endReason = "EXPIRED";
    }

    public void revoke(String reason, Instant now) {
        status = HoldingStatus.REVOKED;
        endedAt = now;
        endReason = reason;
    }
}
