package io.partnerhub.membership.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.membership.notification.NotificationMail.Status;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class NotificationMailRepository implements PanacheRepositoryBase<NotificationMail, UUID> {

    /**
     * Queues a mail unless one for the same (cause, kind, recipient) exists; returns whether it was queued. A native
     * insert with ON CONFLICT, so a duplicate leaves the surrounding transaction usable.
     */
    public boolean queueOnce(NotificationMail mail) {
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO notification_mail (id, cause_id, kind, recipient_user_id, organization_id, recipient_email,
                    subject, text_body, html_body, unsubscribe_url, status, attempts, next_attempt_at, created_at)
                VALUES (:id, :cause, :kind, :recipient, :organization, :email, :subject, :text, :html, :unsubscribe,
                    'PENDING', 0, :now, :now)
                ON CONFLICT ON CONSTRAINT notification_mail_once_per_cause DO NOTHING""")
                .setParameter("id", mail.id).setParameter("cause", mail.causeId).setParameter("kind", mail.kind.name())
                .setParameter("recipient", mail.recipientUserId).setParameter("organization", mail.organizationId)
                .setParameter("email", mail.recipientEmail).setParameter("subject", mail.subject)
                .setParameter("text", mail.textBody).setParameter("html", mail.htmlBody)
                .setParameter("unsubscribe", mail.unsubscribeUrl).setParameter("now", mail.createdAt)
                .executeUpdate();
        return inserted == 1;
    }

    /** Up to {@code limit} mails due at {@code now}, locked for this transaction; another sender skips them. */
    @SuppressWarnings("unchecked")
    public List<NotificationMail> lockDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM notification_mail WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= :now
                ORDER BY next_attempt_at, created_at LIMIT :limit FOR UPDATE SKIP LOCKED""", NotificationMail.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList();
    }

    public PanacheQuery<NotificationMail> ofOrganization(UUID organizationId, Status status) {
        Sort newest = Sort.descending("createdAt").and("id");
        return status == null ? find("organizationId", newest, organizationId)
                : find("organizationId = ?1 and status = ?2", newest, organizationId, status);
    }
}
