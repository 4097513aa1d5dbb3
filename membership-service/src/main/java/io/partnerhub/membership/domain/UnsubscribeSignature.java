package io.partnerhub.membership.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * #23 the one-click unsubscribe link needs no token: it carries the person and the kind, signed with HMAC-SHA256
 * under a key only the service knows, so a link cannot be made (or changed) for another person or kind.
 */
public final class UnsubscribeSignature {

    /** 256 bits or more of key material; shorter keys are refused at start. */
    public static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    public UnsubscribeSignature(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the unsubscribe key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /** From configuration text: base64 (standard or URL-safe) of the key bytes. */
    public static UnsubscribeSignature ofBase64(String key) {
        try {
            return new UnsubscribeSignature(Base64.getMimeDecoder().decode(key.replace('-', '+').replace('_', '/')));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the unsubscribe key is not base64 of at least " + MIN_KEY_BYTES + " bytes", e);
        }
    }

    /** The URL-safe signature of (person, kind). */
    public String sign(UUID userId, NotificationKind kind) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(userId + "\n" + kind.name()));
    }

    /** Whether {@code signature} was made by {@link #sign} for exactly this person and kind (constant-time compare). */
    public boolean verifies(UUID userId, NotificationKind kind, String signature) {
        if (signature == null || signature.length() > 100) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(userId + "\n" + kind.name()), given);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
