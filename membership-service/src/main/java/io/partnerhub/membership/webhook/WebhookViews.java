package io.partnerhub.membership.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the webhook endpoints. */
public final class WebhookViews {

    private WebhookViews() {
    }

    /** Register or replace an endpoint. {@code enabled} (update only): true re-enables a disabled endpoint, false disables it. */
    public record WebhookRequest(
            @NotBlank @Size(max = TargetGuard.MAX_URL_LENGTH) @Schema(example = "https://crm.contoso.example/hooks/partnerhub") String url,
            @Size(max = 20) @Schema(description = "CloudEvent types to receive; empty or absent = all organisation-level types")
            List<@NotBlank @Size(max = 100) String> eventTypes,
            @Size(max = 500) String description,
            Boolean enabled) {
    }

    public record RotateSecret(
            @Size(max = 40) @Schema(description = "How long the previous secret keeps signing (ISO-8601 duration, at most P7D; default PT24H)",
                    example = "PT24H") String overlap) {
    }

    public record WebhookView(UUID id, UUID organizationId, String url, String description, List<String> eventTypes,
            WebhookEndpoint.Status status, Instant createdAt, Instant updatedAt, Instant lastSuccessAt,
            Instant disabledAt, String disabledReason, Instant previousSecretValidUntil,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The signing secret (whsec_…): in the answer to create only, never again") String secret) {

        static WebhookView of(WebhookEndpoint e, Instant now, String secret) {
            Instant overlap = e.previousSecretUntil != null && now.isBefore(e.previousSecretUntil) ? e.previousSecretUntil : null;
            return new WebhookView(e.id, e.organizationId, e.url, e.description, e.eventTypes, e.status, e.createdAt,
                    e.updatedAt, e.lastSuccessAt, e.disabledAt, e.disabledReason, overlap, secret);
        }
    }

    /** The answer to a rotation: the new secret (shown once) and until when the previous one still signs. */
    public record RotatedSecret(UUID webhookId, String secret, Instant previousSecretValidUntil) {
    }

    public record DeliveryView(long id, String webhookId, String eventId, String eventType, String subject,
            WebhookDelivery.Kind kind, WebhookDelivery.Status status, int attempts, Instant createdAt,
            Instant lastAttemptAt, Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant finishedAt) {

        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id, d.webhookId, d.eventId, d.eventType, d.subject, d.kind, d.status, d.attempts,
                    d.createdAt, d.lastAttemptAt, d.lastStatusCode, d.lastError,
                    d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null, d.finishedAt);
        }
    }
}
