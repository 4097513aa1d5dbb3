package io.partnerhub.membership.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.membership.domain.CompetencyChange;
import io.partnerhub.membership.domain.NotificationKind;
import io.partnerhub.membership.domain.RequirementDifference;
import io.partnerhub.membership.events.CompetencyEventData;
import io.partnerhub.membership.notification.InboundEvents.Designation;
import io.partnerhub.membership.notification.InboundEvents.ExamResult;
import io.partnerhub.membership.notification.InboundEvents.Expired;
import io.partnerhub.membership.notification.InboundEvents.RenewalDue;
import io.partnerhub.membership.notification.InboundEvents.RequirementsPublished;
import io.partnerhub.membership.notification.Notifier.Notice;
import io.partnerhub.membership.organization.Organization;
import io.partnerhub.membership.organization.OrganizationRepository;
import io.partnerhub.membership.user.UserAccount;
import io.partnerhub.membership.webhook.EndpointDisabled;
import io.quarkus.logging.Log;

/**
 * What each cause says and to whom: the events of the other services (through the handlers of this package), an
 * invitation (called where it is created, in its transaction) and a disabled webhook endpoint (a CDI event in the
 * transaction that disabled it). Each queues its mails in the current transaction, once per cause (the event id,
 * the invitation id, the endpoint and the instant it was disabled).
 */
@ApplicationScoped
public class NotificationEvents {

    private final Notifier notifier;
    private final OrganizationRepository organizations;
    private final EntityManager em;
    private final NotificationConfig config;
    private final Clock clock;

    public NotificationEvents(Notifier notifier, OrganizationRepository organizations, EntityManager em,
            NotificationConfig config, Clock clock) {
        this.notifier = notifier;
        this.organizations = organizations;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** Whether an event of this time still deserves a mail (not older than max-event-age; no time: yes). */
    public boolean current(CloudEvent event) {
        boolean current = event.time() == null || !event.time().isBefore(clock.instant().minus(config.maxEventAge()));
        if (!current) {
            Log.debugf("Event %s (%s) of %s is too old to mail about", event.id(), event.type(), event.time());
        }
        return current;
    }

    /** The invitation mail with its code: rendered here, in the inviting transaction; the code goes nowhere else. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void invited(UUID invitationId, UserAccount account, String code, Instant expiresAt) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("organizationName", organizationName(account.organizationId));
        facts.put("code", code);
        facts.put("expiresAt", expiresAt);
        notifier.queue(new Notice(invitationId.toString(), NotificationKind.INVITATION, account.organizationId,
                "Your invitation to " + facts.get("organizationName") + " on PartnerHub", "#/me/join", facts), account,
                "invited by your organisation");
    }

    /** The owner of a disabled webhook endpoint hears of it (an ops endpoint has no organisation: logged only). */
    void endpointDisabled(@Observes EndpointDisabled disabled) {
        if (disabled.organizationId() == null) {
            Log.infof("Webhook endpoint %s (ops) disabled; no organisation to tell", disabled.endpointId());
            return;
        }
        UUID organizationId;
        try {
            organizationId = UUID.fromString(disabled.organizationId());
        } catch (IllegalArgumentException e) {
            Log.warnf("Webhook endpoint %s disabled for a malformed organisation id; nobody told", disabled.endpointId());
            return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("organizationName", organizationName(organizationId));
        facts.put("url", disabled.url());
        facts.put("lastError", disabled.lastError() == null ? "(none recorded)" : disabled.lastError());
        facts.put("at", disabled.at());
        notifier.toPartnerAdmins(new Notice("webhook-disabled:" + disabled.endpointId() + ":" + disabled.at(),
                NotificationKind.WEBHOOK_DISABLED, organizationId, "A webhook endpoint was disabled",
                "#/org/" + organizationId + "/webhooks", facts));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void competencyChanged(String eventId, CompetencyChange change, CompetencyEventData data) {
        NotificationKind kind = switch (change) {
            case ATTAINED -> NotificationKind.COMPETENCY_ATTAINED;
            case AT_RISK -> NotificationKind.COMPETENCY_AT_RISK;
            case LAPSED -> NotificationKind.COMPETENCY_LOST;
            case RENEWED, RISK_CLEARED -> null;
        };
        if (kind == null) {
            return;
        }
        String headline = switch (kind) {
            case COMPETENCY_ATTAINED -> "Your organisation attained the competency " + data.competencyId() + ".";
            case COMPETENCY_AT_RISK -> "The competency " + data.competencyId() + " is at risk: it lapses unless this changes.";
            default -> "Your organisation lost the competency " + data.competencyId() + ".";
        };
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("headline", headline);
        facts.put("competencyId", data.competencyId());
        facts.put("level", data.levelValue());
        facts.put("validUntil", data.validUntilDate());
        facts.put("reasons", data.reasons());
        UUID organizationId = data.organizationUuid();
        notifier.toPartnerAdmins(new Notice(eventId, kind, organizationId, headline,
                "#/org/" + organizationId + "/competencies", facts));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void designation(String eventId, String type, Designation data) {
        NotificationKind kind = switch (type) {
            case InboundEvents.DESIGNATION_ATTAINED -> NotificationKind.DESIGNATION_ATTAINED;
            case InboundEvents.DESIGNATION_AT_RISK -> NotificationKind.DESIGNATION_AT_RISK;
            case InboundEvents.DESIGNATION_LOST -> NotificationKind.DESIGNATION_LOST;
            default -> throw new IllegalArgumentException("not a designation event: " + type);
        };
        String area = data.solutionAreaName() == null || data.solutionAreaName().isBlank() ? data.solutionAreaId()
                : data.solutionAreaName();
        String headline = switch (kind) {
            case DESIGNATION_ATTAINED -> "Your organisation attained the Solutions Partner designation for " + area + ".";
            case DESIGNATION_AT_RISK -> "The Solutions Partner designation for " + area + " is at risk.";
            default -> "Your organisation lost the Solutions Partner designation for " + area + ".";
        };
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("headline", headline);
        facts.put("solutionAreaName", area);
        facts.put("track", data.track() == null ? "standard" : data.track());
        facts.put("score", data.score() == null ? "n/a" : data.score());
        facts.put("day", data.day() == null ? "n/a" : data.day());
        facts.put("holdsUntil", data.holdsUntil());
        notifier.toPartnerAdmins(new Notice(eventId, kind, data.organization(), headline,
                "#/org/" + data.organization() + "/designations", facts));
    }

    /** A new requirement version: its difference to the previous one, to every organisation with a status for it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requirementsPublished(String eventId, RequirementsPublished data) {
        Map<String, List<String>> before = new LinkedHashMap<>();
        Map<String, List<String>> after = new LinkedHashMap<>();
        after.put("Silver", paths(data.silver()));
        after.put("Gold", paths(data.gold()));
        if (data.previousVersion() != null) {
            before.put("Silver", paths(data.previousSilver()));
            before.put("Gold", paths(data.previousGold()));
        }
        List<String> changes = RequirementDifference.of(before, after);
        if (changes.isEmpty()) {
            Log.infof("Requirement version %s of %s changes nothing: no mail", data.version(), data.competencyId());
            return;
        }
        @SuppressWarnings("unchecked")
        List<UUID> concerned = em.createNativeQuery(
                "SELECT DISTINCT organization_id FROM competency_standing WHERE competency_id = :competency", UUID.class)
                .setParameter("competency", data.competencyId()).getResultList();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("competencyId", data.competencyId());
        facts.put("version", data.version());
        facts.put("effectiveFrom", data.effectiveFrom() == null ? "its publication" : data.effectiveFrom());
        facts.put("previousVersion", data.previousVersion());
        facts.put("changes", changes);
        for (UUID organizationId : concerned) {
            notifier.toPartnerAdmins(new Notice(eventId, NotificationKind.REQUIREMENTS_CHANGED, organizationId,
                    "New requirements for " + data.competencyId() + " (version " + data.version() + ")",
                    "#/org/" + organizationId + "/competencies", facts));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void renewalDue(String eventId, RenewalDue data) {
        boolean opened = Boolean.TRUE.equals(data.windowOpened());
        int days = data.daysLeft() == null ? 0 : data.daysLeft();
        NotificationKind kind = opened ? NotificationKind.RENEWAL_WINDOW_OPENED
                : days <= 7 ? NotificationKind.RENEWAL_DUE_7_DAYS : NotificationKind.RENEWAL_DUE_30_DAYS;
        String headline = opened ? "You can now renew your certification " + data.certificationId() + ", free of charge."
                : "Your certification " + data.certificationId() + " expires in " + days + " days.";
        renewalMail(eventId, kind, data.candidateId(), data.certificationId(), data.expiresAt(), headline,
                "Take the free online renewal assessment before it expires: a pass extends it by 12 months.");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void expired(String eventId, Expired data) {
        renewalMail(eventId, NotificationKind.CERTIFICATION_EXPIRED, data.candidateId(), data.certificationId(), "now",
                "Your certification " + data.certificationId() + " expired.",
                "It no longer counts for you or your organisation; earn it again by passing its exams.");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void examResult(String eventId, boolean passed, ExamResult data) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("examCode", data.examCode());
        facts.put("outcome", passed ? "passed" : "not passed");
        facts.put("score", data.score());
        facts.put("takenAt", data.takenAt() == null ? "n/a" : data.takenAt());
        notifier.toHolder(data.candidateId(), new Notice(eventId, NotificationKind.EXAM_SCORE_REPORT, null,
                "Your score report for " + data.examCode(), "#/me/exams", facts));
    }

    private void renewalMail(String eventId, NotificationKind kind, String candidateId, String certificationId,
            String expiresAt, String headline, String advice) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("headline", headline);
        facts.put("certificationId", certificationId);
        facts.put("expiresAt", expiresAt == null ? "n/a" : expiresAt);
        facts.put("advice", advice);
        notifier.toHolder(candidateId, new Notice(eventId, kind, null, headline, "#/me/transcript", facts));
    }

    private String organizationName(UUID organizationId) {
        Organization organization = organizations.findById(organizationId);
        return organization == null ? "Your organisation" : organization.name;
    }

    /** A level's paths ({paths: [{requirements: [...]}]}) as text, one line each; tolerant of absent parts. */
    static List<String> paths(JsonNode level) {
        List<String> paths = new ArrayList<>();
        if (level == null) {
            return paths;
        }
        for (JsonNode path : level.path("paths")) {
            List<String> requirements = new ArrayList<>();
            for (JsonNode requirement : path.path("requirements")) {
                requirements.add(describe(requirement));
            }
            paths.add(String.join(" and ", requirements));
        }
        return paths;
    }

    private static String describe(JsonNode requirement) {
        if ("PERFORMANCE".equals(requirement.path("kind").asText())) {
            return requirement.path("metric").asText("a metric") + " of at least " + requirement.path("threshold").asText("?");
        }
        List<String> anyOf = new ArrayList<>();
        requirement.path("anyOf").forEach(c -> anyOf.add(c.asText()));
        return requirement.path("individuals").asInt(1) + " people holding any of " + String.join(", ", anyOf);
    }
}
