package io.partnerhub.membership.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The library's signatures checked with an independent HMAC ({@link Hmac}, javax.crypto), and the secret storage. */
class WebhookSignatureTest {

    @Test
    void signsIdTimestampAndBodyWithHmacSha256OfTheDecodedSecret() {
        String secret = WebhookSecrets.generate();
        String header = WebhookSignature.signatures("msg_1", 1_765_000_000L, "{\"a\":1}", List.of(secret));
        assertEquals("v1," + Hmac.sign(secret, "msg_1", 1_765_000_000L, "{\"a\":1}"), header);
    }

    @Test
    void signsWithEverySecretSpaceSeparatedTheFirstOneFirst() {
        String current = WebhookSecrets.generate();
        String previous = WebhookSecrets.generate();
        String[] parts = WebhookSignature.signatures("msg_2", 42L, "{}", List.of(current, previous)).split(" ");
        assertEquals(2, parts.length);
        assertEquals("v1," + Hmac.sign(current, "msg_2", 42L, "{}"), parts[0]);
        assertEquals("v1," + Hmac.sign(previous, "msg_2", 42L, "{}"), parts[1]);
    }

    @Test
    void theWebhookIdIsStablePerEventAndEndpoint() {
        UUID endpoint = UUID.randomUUID();
        assertEquals(WebhookSignature.webhookId(endpoint, "e1"), WebhookSignature.webhookId(endpoint, "e1"));
        assertNotEquals(WebhookSignature.webhookId(endpoint, "e1"), WebhookSignature.webhookId(endpoint, "e2"));
        assertNotEquals(WebhookSignature.webhookId(endpoint, "e1"), WebhookSignature.webhookId(UUID.randomUUID(), "e1"));
        assertTrue(WebhookSignature.webhookId(endpoint, "e1").matches("msg_[0-9a-f]{32}"));
    }

    @Test
    void secretsAreEncryptedAtRestUnderTheConfiguredKey() {
        WebhookSecrets sealed = new WebhookSecrets("dGVzdC1vbmx5LWtleS1ub3QtYS1zZWNyZXQtMTIzNDU=");
        String secret = WebhookSecrets.generate();
        String stored = sealed.seal(secret);
        assertTrue(stored.startsWith("enc:v1:") && !stored.contains(secret.substring(6)), stored);
        assertEquals(secret, sealed.open(stored));
        assertNotEquals(stored, sealed.seal(secret), "a fresh IV each time");
        WebhookSecrets plain = new WebhookSecrets(null);
        assertEquals(secret, plain.open(plain.seal(secret)));
        assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{32}"), secret);
    }
}
