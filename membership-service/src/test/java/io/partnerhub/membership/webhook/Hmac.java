package io.partnerhub.membership.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent Standard Webhooks signature (javax.crypto, not the library the sender uses): base64 of
 * HMAC-SHA256 over {@code id.timestamp.body}, keyed with the base64-decoded part of {@code whsec_…}.
 */
public final class Hmac {

    private Hmac() {
    }

    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether one of the header's space-separated {@code v1,…} signatures is the secret's. */
    public static boolean verifies(String secret, String id, String timestamp, String body, String header) {
        String expected = "v1," + sign(secret, id, Long.parseLong(timestamp), body);
        for (String part : header.split(" ")) {
            if (java.security.MessageDigest.isEqual(part.getBytes(StandardCharsets.UTF_8),
                    expected.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}
