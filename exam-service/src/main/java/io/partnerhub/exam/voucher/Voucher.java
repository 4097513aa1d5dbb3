package io.partnerhub.exam.voucher;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerhub.exam.domain.VoucherRules;

/** E4 Exam Replay voucher: one retake of one exam by one candidate, until expiresOn. */
@Entity
@Table(name = "exam_voucher")
public class Voucher {

    @Id
    public UUID id;

    @Column(name = "candidate_id", nullable = false)
    public String candidateId;

    @Column(name = "exam_code", nullable = false)
    public String examCode;

    @Column(name = "expires_on", nullable = false)
    public LocalDate expiresOn;

    @Column(nullable = false)
    public boolean used;

    @Column(name = "registration_id")
    public UUID registrationId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public VoucherRules.VoucherFacts facts() {
        return new VoucherRules.VoucherFacts(candidateId, examCode, expiresOn, used);
    }

    public void useFor(UUID registrationId) {
        this.used = true;
        this.registrationId = registrationId;
    }

    /** A cancelled booking gives the voucher back. */
    public void giveBack() {
        this.used = false;
        this.registrationId = null;
    }
}
