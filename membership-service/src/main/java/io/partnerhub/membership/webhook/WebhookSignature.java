package io.partnerhub.membership.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * The Standard Webhooks headers of a delivery, signed by {@code com.standardwebhooks:standardwebhooks}:
 * {@code webhook-signature} holds one {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>} per secret, space
 * separated (the current secret first, then the previous one during a rotation's overlap).
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    /** The message id of an event at an endpoint: the same on every retry, re-send and redelivery. */
    public static String webhookId(UUID endpointId, String eventId) {
        UUID id = UUID.nameUUIDFromBytes((endpointId + "/" + eventId).getBytes(StandardCharsets.UTF_8));
        return "msg_" + id.toString().replace("-", "");
    }

    public static String signatures(String webhookId, long timestampSeconds, String body, List<String> secrets) {
        return secrets.stream().map(secret -> {
            try {
                return new Webhook(secret).sign(webhookId, timestampSeconds, body);
            } catch (WebhookSigningException e) {
                throw new IllegalStateException("cannot sign webhook " + webhookId, e);
            }
        }).collect(Collectors.joining(" "));
    }
}
