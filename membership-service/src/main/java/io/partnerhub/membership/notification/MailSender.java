package io.partnerhub.membership.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.membership.domain.MailRetry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Drains the mail queue every {@code partnerhub.notification.send-interval}: each batch is one transaction that locks
 * its due mails (FOR UPDATE SKIP LOCKED, so two instances never take the same mail), hands each to SMTP and marks it
 * SENT (bodies dropped) or, when SMTP refused or did not answer, RETRYING with a doubling wait ({@link MailRetry}),
 * FAILED after {@code max-attempts}. Nothing is lost: a mail leaves the queue only as SENT or FAILED. A crash between
 * SMTP's acceptance and the commit sends the mail again with the same Message-ID (the row id), which mail clients
 * and servers treat as the same message.
 */
@ApplicationScoped
public class MailSender {

    static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";

    private final NotificationMailRepository mails;
    private final Mailer mailer;
    private final NotificationConfig config;
    private final MailRetry retry;
    private final Clock clock;

    public MailSender(NotificationMailRepository mails, Mailer mailer, NotificationConfig config, Clock clock) {
        this.mails = mails;
        this.mailer = mailer;
        this.config = config;
        this.retry = new MailRetry(config.retryFirst(), config.retryMax(), config.maxAttempts());
        this.clock = clock;
    }

    @Scheduled(identity = "notification-mail-sender", every = "${partnerhub.notification.send-interval:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drain() {
        try {
            int batch = Math.max(1, config.sendBatchSize());
            int handled;
            do {
                handled = QuarkusTransaction.requiringNew().call(() -> sendDue(batch));
            } while (handled == batch);
        } catch (RuntimeException e) {
            Log.warnf("Mail queue not drained, will retry: %s", e.toString());
        }
    }

    /** Sends up to {@code batch} due mails in the current transaction; returns how many were tried. */
    int sendDue(int batch) {
        List<NotificationMail> due = mails.lockDue(clock.instant(), batch);
        for (NotificationMail mail : due) {
            send(mail);
        }
        mails.flush();
        return due.size();
    }

    private void send(NotificationMail mail) {
        mail.attempts++;
        try {
            mailer.send(message(mail));
            mail.status = NotificationMail.Status.SENT;
            mail.sentAt = clock.instant();
            mail.lastError = null;
            mail.textBody = null; // an invitation's carries its code: nothing of it stays once sent
            mail.htmlBody = null;
            Log.infof("Mail %s (%s) sent to user %s, attempt %d", mail.id, mail.kind, mail.recipientUserId, mail.attempts);
        } catch (RuntimeException e) {
            Instant now = clock.instant();
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            mail.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
            if (retry.afterFailure(mail.attempts) == MailRetry.Outcome.FAILED) {
                mail.status = NotificationMail.Status.FAILED;
                Log.warnf("Mail %s (%s) FAILED after %d attempts: %s", mail.id, mail.kind, mail.attempts, mail.lastError);
            } else {
                mail.status = NotificationMail.Status.RETRYING;
                mail.nextAttemptAt = retry.nextAttempt(mail.attempts, now);
                Log.infof("Mail %s (%s) not sent (attempt %d: %s), next try at %s", mail.id, mail.kind, mail.attempts,
                        mail.lastError, mail.nextAttemptAt);
            }
        }
    }

    private static Mail message(NotificationMail mail) {
        Mail message = Mail.withText(mail.recipientEmail, mail.subject, mail.textBody).setHtml(mail.htmlBody)
                .addHeader("Message-ID", mail.messageId());
        if (mail.unsubscribeUrl != null) {
            message.addHeader(LIST_UNSUBSCRIBE, "<" + mail.unsubscribeUrl + ">")
                    .addHeader(LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click");
        }
        return message;
    }
}
