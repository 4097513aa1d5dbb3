package io.partnerhub.membership.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerhub.membership.domain.NotificationKind;

/** Request and response bodies of the notification endpoints. */
public final class NotificationViews {

    private NotificationViews() {
    }

    @Schema(name = "NotificationPreference", description = "One kind of mail for the caller; security kinds cannot be turned off")
    public record PreferenceView(NotificationKind kind, String description, boolean enabled, boolean canTurnOff) {
    }

    @Schema(name = "ChooseNotificationPreference")
    public record ChoosePreference(@NotNull Boolean enabled) {
    }

    @Schema(name = "NotificationDelivery", description = "One mail of the organisation's delivery log (no content: the "
            + "bodies are dropped once sent)")
    public record DeliveryView(UUID id, NotificationKind kind, UUID recipientUserId, String recipientEmail, String subject,
            NotificationMail.Status status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt,
            Instant sentAt) {

        static DeliveryView of(NotificationMail m) {
            boolean waiting = m.status == NotificationMail.Status.PENDING || m.status == NotificationMail.Status.RETRYING;
            return new DeliveryView(m.id, m.kind, m.recipientUserId, m.recipientEmail, m.subject, m.status, m.attempts,
                    m.lastError, m.createdAt, waiting ? m.nextAttemptAt : null, m.sentAt);
        }
    }

    @Schema(name = "Unsubscribed")
    public record Unsubscribed(UUID person, NotificationKind kind, boolean enabled) {
    }
}
