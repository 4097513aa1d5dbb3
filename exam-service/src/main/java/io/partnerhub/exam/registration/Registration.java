package io.partnerhub.exam.registration;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerhub.exam.domain.DeliveryMode;
import io.partnerhub.exam.domain.ExamProvider;

/** E2: a candidate booked on an exam with a provider, a delivery mode and a time. */
@Entity
@Table(name = "exam_registration")
public class Registration {

    @Id
    private UUID id;

    @Column(name = "candidate_id", nullable = false)
    private String candidateId;

    @Column(name = "exam_code", nullable = false)
    private String examCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExamProvider provider;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode", nullable = false)
    private DeliveryMode deliveryMode;

    @Column(name = "scheduled_at", nullable = false)
    private Instant scheduledAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegistrationStatus status;

    @Column(name = "voucher_id")
    private UUID voucherId;

    @Column(name = "system_check_passed")
    private Boolean systemCheckPassed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Registration() {
    }

    public Registration(String candidateId, String examCode, ExamProvider provider, DeliveryMode deliveryMode,
                        Instant scheduledAt, UUID voucherId, Instant now) {
        this.id = UUID.randomUUID();
        this.candidateId = candidateId;
        this.examCode = examCode;
        this.provider = provider;
        this.deliveryMode = deliveryMode;
        this.scheduledAt = scheduledAt;
        this.voucherId = voucherId;
        this.status = deliveryMode == DeliveryMode.ONLINE_PROCTORED
                ? RegistrationStatus.AWAITING_SYSTEM_CHECK : RegistrationStatus.SCHEDULED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Pending = booked, not completed or cancelled, appointment still ahead. */
    public boolean isPendingAt(Instant now) {
        return (status == RegistrationStatus.SCHEDULED || status == RegistrationStatus.AWAITING_SYSTEM_CHECK)
                && scheduledAt.isAfter(now);
    }

    public void recordSystemCheck(boolean passed, Instant now) {
        this.systemCheckPassed = passed;
        if (passed) {
            this.status = RegistrationStatus.SCHEDULED;
        }
        this.updatedAt = now;
    }

    public void cancel(Instant now) {
        this.status = RegistrationStatus.CANCELLED;
        this.updatedAt = now;
    }

    public void complete(Instant now) {
        this.status = RegistrationStatus.COMPLETED;
        this.updatedAt = now;
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

    public ExamProvider provider() {
        return provider;
    }

    public DeliveryMode deliveryMode() {
        return deliveryMode;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public RegistrationStatus status() {
        return status;
    }

    public UUID voucherId() {
        return voucherId;
    }

    public Boolean systemCheckPassed() {
        return systemCheckPassed;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
