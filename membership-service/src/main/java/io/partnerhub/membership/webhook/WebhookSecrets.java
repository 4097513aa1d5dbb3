package io.partnerhub.membership.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets (plain Java): new ones in the Standard Webhooks form {@code whsec_<base64 of 24 random bytes>}, and
 * their storage form: AES-256-GCM under the configured key ({@code enc:v1:<base64 iv+ciphertext>}), or
 * {@code plain:<secret>} when no key is configured (the local demo).
 */
public final class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    private static final String ENCRYPTED = "enc:v1:";
    private static final String PLAIN = "plain:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** {@code base64Key}: 32 bytes in base64, or null to store secrets unencrypted. */
    public WebhookSecrets(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            key = null;
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("partnerhub.webhooks.secret-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("partnerhub.webhooks.secret-key must be 32 bytes (AES-256), not " + bytes.length);
        }
        key = new SecretKeySpec(bytes, "AES");
    }

    public boolean encrypts() {
        return key != null;
    }

    public static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    public String seal(String secret) {
        if (key == null) {
            return PLAIN + secret;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return ENCRYPTED + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    public String open(String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (!stored.startsWith(ENCRYPTED)) {
            throw new IllegalStateException("unknown webhook secret storage form");
        }
        if (key == null) {
            throw new IllegalStateException("a webhook secret is encrypted but partnerhub.webhooks.secret-key is not set");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(ENCRYPTED.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a webhook secret (another secret-key?)", e);
        }
    }
}
