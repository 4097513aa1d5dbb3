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
    private UUID id;

    @Column(name = "candidate_id", nullable = false)
    private String candidateId;

    @Column(name = "exam_code", nullable = false)
    private String examCode;

    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;

    @Column(nullable = false)
    private boolean used;

    @Column(name = "registration_id")
    private UUID registrationId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Voucher() {
    }

    public Voucher(String candidateId, String examCode, LocalDate expiresOn, Instant now) {
        this.id = UUID.randomUUID();
        this.candidateId = candidateId;
        this.examCode = examCode;
        this.expiresOn = expiresOn;
        this.createdAt = now;
    }

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

    public UUID id() {
        return id;
    }

    public String candidateId() {
        return candidateId;
    }

    public String examCode() {
        return examCode;
    }

    public LocalDate expiresOn() {
        return expiresOn;
    }

    public boolean used() {
        return used;
    }

    public UUID registrationId() {
        return registrationId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
