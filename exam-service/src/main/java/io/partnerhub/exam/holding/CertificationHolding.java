package io.partnerhub.exam.holding;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerhub.exam.domain.CertificationCover;

/**
 * A candidate's certification holding as learned from certification-events. Events may arrive in any order:
 * a holding first seen through renewed/expired/revoked is created without exam codes (it blocks nothing) and is
 * completed when earned arrives; EXPIRED/REVOKED are final; the expiry only moves forward.
 */
@Entity
@Table(name = "candidate_certification_holding")
public class CertificationHolding {

    @Id
    @Column(name = "holding_id")
    public String holdingId;

    @Column(name = "candidate_id", nullable = false)
    public String candidateId;

    @Column(name = "certification_id")
    public String certificationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HoldingStatus status;

    @Column(name = "earned_at")
    public Instant earnedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "candidate_certification_holding_exam", joinColumns = @JoinColumn(name = "holding_id"))
    @Column(name = "exam_code")
    public Set<String> examCodes = new HashSet<>();

    /**
     * The methods below change nothing, {@code updatedAt} included, when the event tells nothing new (a replay, an end
     * of an ended holding, a renewal to an earlier expiry): Hibernate's dirty check then writes nothing (issue #25).
     */
    public void earned(String certificationId, Collection<String> examCodes, Instant earnedAt, Instant expiresAt, Instant now) {
        boolean changed = false;
        if (certificationId != null && !certificationId.equals(this.certificationId)) {
            this.certificationId = certificationId;
            changed = true;
        }
        if (examCodes != null && !this.examCodes.containsAll(examCodes)) {
            this.examCodes.addAll(examCodes);
            changed = true;
        }
        if (!Objects.equals(this.earnedAt, earnedAt)) {
            this.earnedAt = earnedAt;
            changed = true;
        }
        boolean laterExpiryKnown = this.expiresAt != null && expiresAt != null && expiresAt.isBefore(this.expiresAt);
        if (!laterExpiryKnown && !Objects.equals(this.expiresAt, expiresAt)) { // a renewal seen before the earned event keeps its later expiry
            this.expiresAt = expiresAt;
            changed = true;
        }
        touchIf(changed, now);
    }

    public void renewed(Instant expiresAt, Instant now) {
        boolean later = expiresAt != null && (this.expiresAt == null || expiresAt.isAfter(this.expiresAt));
        if (later) {
            this.expiresAt = expiresAt;
        }
        touchIf(later, now);
    }

    public void ended(HoldingStatus endStatus, Instant now) {
        boolean ending = status == HoldingStatus.ACTIVE;
        if (ending) {
            status = endStatus;
        }
        touchIf(ending, now);
    }

    private void touchIf(boolean changed, Instant now) {
        if (changed) {
            this.updatedAt = now;
        }
    }

    /** How the retake policy sees a holding in this state. */
    public static CertificationCover cover(String holdingId, HoldingStatus status, Instant expiresAt) {
        return new CertificationCover(holdingId, status != HoldingStatus.ACTIVE, expiresAt);
    }
}
