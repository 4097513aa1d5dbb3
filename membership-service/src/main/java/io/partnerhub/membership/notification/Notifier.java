package io.partnerhub.membership.notification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.membership.domain.NotificationKind;
import io.partnerhub.membership.user.UserAccount;
import io.quarkus.logging.Log;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Renders a mail (Qute, plain text and HTML, templates/notification/) and queues it in the caller's transaction, once
 * per (cause, kind, recipient), unless the recipient turned that kind off. The scheduled {@link MailSender} sends it.
 */
@ApplicationScoped
public class Notifier {

    private final NotificationMailRepository mails;
    private final Preferences preferences;
    private final Recipients recipients;
    private final UnsubscribeLinks unsubscribe;
    private final NotificationConfig config;
    private final Engine qute;
    private final Clock clock;

    public Notifier(NotificationMailRepository mails, Preferences preferences, Recipients recipients,
            UnsubscribeLinks unsubscribe, NotificationConfig config, Engine qute, Clock clock) {
        this.mails = mails;
        this.preferences = preferences;
        this.recipients = recipients;
        this.unsubscribe = unsubscribe;
        this.config = config;
        this.qute = qute;
        this.clock = clock;
    }

    /** What to say: the kind, the cause it is said once for, the subject and the template's facts. */
    public record Notice(String causeId, NotificationKind kind, UUID organizationId, String subject, String link,
            Map<String, Object> facts) {
    }

    /** To the organisation's partner-admins; returns how many mails were queued. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int toPartnerAdmins(Notice notice) {
        List<UserAccount> admins = recipients.partnerAdmins(notice.organizationId());
        int queued = 0;
        for (UserAccount admin : admins) {
            queued += queue(notice, admin, "a partner-admin of your organisation") ? 1 : 0;
        }
        return queued;
    }

    /** To the account the candidate is associated with (nothing when none); returns how many mails were queued. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int toHolder(String candidateId, Notice notice) {
        return recipients.holder(candidateId)
                .map(account -> queue(withOrganization(notice, account.organizationId), account,
                        "the holder of this certification profile") ? 1 : 0)
                .orElse(0);
    }

    /** To one account; false when the person turned the kind off or the mail was already queued for this cause. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(Notice notice, UserAccount to, String audience) {
        if (!preferences.sends(to.id, notice.kind())) {
            Log.debugf("Mail %s for cause %s not queued: user %s turned it off", notice.kind(), notice.causeId(), to.id);
            return false;
        }
        NotificationMail mail = new NotificationMail();
        mail.id = UUID.randomUUID();
        mail.causeId = notice.causeId();
        mail.kind = notice.kind();
        mail.recipientUserId = to.id;
        mail.organizationId = notice.organizationId() != null ? notice.organizationId() : to.organizationId;
        mail.recipientEmail = to.email;
        mail.subject = notice.subject().length() > 300 ? notice.subject().substring(0, 300) : notice.subject();
        mail.unsubscribeUrl = unsubscribe.link(to.id, notice.kind());
        Map<String, Object> data = new LinkedHashMap<>(notice.facts());
        data.put("name", to.name);
        data.put("subject", mail.subject);
        data.put("link", config.portalUrl() + notice.link());
        data.put("audience", audience);
        data.put("kindDescription", notice.kind().description());
        data.put("unsubscribeUrl", mail.unsubscribeUrl);
        String template = template(notice.kind());
        mail.textBody = render(template + ".txt", data);
        mail.htmlBody = render(template + ".html", data);
        mail.createdAt = clock.instant();
        boolean queued = mails.queueOnce(mail);
        if (queued) {
            Log.infof("Mail %s (%s) queued for user %s, cause %s", mail.id, mail.kind, to.id, mail.causeId);
        }
        return queued;
    }

    private String render(String name, Map<String, Object> data) {
        Template template = qute.getTemplate("notification/" + name);
        if (template == null) {
            throw new IllegalStateException("no template notification/" + name);
        }
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private static Notice withOrganization(Notice notice, UUID organizationId) {
        return notice.organizationId() != null ? notice : new Notice(notice.causeId(), notice.kind(), organizationId,
                notice.subject(), notice.link(), notice.facts());
    }

    static String template(NotificationKind kind) {
        return switch (kind) {
            case INVITATION -> "invitation";
            case WEBHOOK_DISABLED -> "webhook-disabled";
            case RENEWAL_WINDOW_OPENED, RENEWAL_DUE_30_DAYS, RENEWAL_DUE_7_DAYS, CERTIFICATION_EXPIRED -> "renewal";
            case EXAM_SCORE_REPORT -> "score-report";
            case COMPETENCY_ATTAINED, COMPETENCY_AT_RISK, COMPETENCY_LOST -> "competency";
            case DESIGNATION_ATTAINED, DESIGNATION_AT_RISK, DESIGNATION_LOST -> "designation";
            case REQUIREMENTS_CHANGED -> "requirements-changed";
        };
    }
}
