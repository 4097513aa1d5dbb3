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
    public UUID id;

    @Column(name = "candidate_id", nullable = false)
    public String candidateId;

    @Column(name = "exam_code", nullable = false)
    public String examCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExamProvider provider;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode", nullable = false)
    public DeliveryMode deliveryMode;

    @Column(name = "scheduled_at", nullable = false)
    public Instant scheduledAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationStatus status;

    @Column(name = "voucher_id")
    public UUID voucherId;

    @Column(name = "system_check_passed")
    public Boolean systemCheckPassed;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A new booking: ONLINE_PROCTORED awaits its system check, any other delivery mode is scheduled at once. */
    public static Registration book(String candidateId, String examCode, ExamProvider provider, DeliveryMode deliveryMode,
                                    Instant scheduledAt, UUID voucherId, Instant now) {
        Registration registration = new Registration();
        registration.id = UUID.randomUUID();
        registration.candidateId = candidateId;
        registration.examCode = examCode;
        registration.provider = provider;
        registration.deliveryMode = deliveryMode;
        registration.scheduledAt = scheduledAt;
        registration.voucherId = voucherId;
        registration.status = deliveryMode == DeliveryMode.ONLINE_PROCTORED
                ? RegistrationStatus.AWAITING_SYSTEM_CHECK : RegistrationStatus.SCHEDULED;
        registration.createdAt = now;
        registration.updatedAt = now;
        return registration;
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
}
