package io.partnerhub.membership.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.partnerhub.membership.domain.NotificationKind;

/**
 * One mail: queued (PENDING), waiting after a failed attempt (RETRYING), SENT (bodies dropped) or FAILED (tried
 * {@code max-attempts} times). Its id is its Message-ID on every attempt. Once per (cause, kind, recipient).
 */
@Entity
@Table(name = "notification_mail")
public class NotificationMail {

    public enum Status {
        PENDING, RETRYING, SENT, FAILED
    }

    @Id
    public UUID id;

    @Column(name = "cause_id", nullable = false)
    public String causeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationKind kind;

    @Column(name = "recipient_user_id", nullable = false)
    public UUID recipientUserId;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "recipient_email", nullable = false)
    public String recipientEmail;

    @Column(nullable = false)
    public String subject;

    @Column(name = "text_body")
    public String textBody;

    @Column(name = "html_body")
    public String htmlBody;

    @Column(name = "unsubscribe_url")
    public String unsubscribeUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Version
    public long version;

    /** The Message-ID header: stable for this mail, so a receiver sees a re-sent mail as the same one. */
    public String messageId() {
        return "<" + id + "@notifications.partnerhub>";
    }
}
