package io.partnerhub.membership.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * #23 the kinds of e-mail the suite sends. A person may turn off any kind except the security ones (an invitation,
 * a disabled webhook endpoint): those are always sent. The name is the API's and the unsubscribe link's spelling.
 */
public enum NotificationKind {
    INVITATION(true, "Invitation to join an organisation"),
    WEBHOOK_DISABLED(true, "A webhook endpoint was disabled"),
    RENEWAL_WINDOW_OPENED(false, "The renewal of a certification is open"),
    RENEWAL_DUE_30_DAYS(false, "A certification expires in 30 days"),
    RENEWAL_DUE_7_DAYS(false, "A certification expires in 7 days"),
    CERTIFICATION_EXPIRED(false, "A certification expired"),
    EXAM_SCORE_REPORT(false, "An exam score report"),
    COMPETENCY_ATTAINED(false, "A competency was attained"),
    COMPETENCY_AT_RISK(false, "A competency is at risk"),
    COMPETENCY_LOST(false, "A competency was lost"),
    DESIGNATION_ATTAINED(false, "A solutions partner designation was attained"),
    DESIGNATION_AT_RISK(false, "A solutions partner designation is at risk"),
    DESIGNATION_LOST(false, "A solutions partner designation was lost"),
    REQUIREMENTS_CHANGED(false, "A competency's requirements changed");

    private final boolean security;
    private final String description;

    NotificationKind(boolean security, String description) {
        this.security = security;
        this.description = description;
    }

    /** A security kind is always sent, whatever the person's preferences, and its mails carry no unsubscribe link. */
    public boolean security() {
        return security;
    }

    public String description() {
        return description;
    }

    /** Whether a person with this choice (null: never chosen) gets this kind: security kinds always, others unless off. */
    public boolean sendsTo(Boolean enabled) {
        return security || enabled == null || enabled;
    }

    /** The kind named {@code name} (any case, dashes or underscores); empty for anything else. */
    public static Optional<NotificationKind> parse(String name) {
        if (name == null || name.length() > 40) {
            return Optional.empty();
        }
        String normal = name.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        return Stream.of(values()).filter(k -> k.name().equals(normal)).findFirst();
    }
}
