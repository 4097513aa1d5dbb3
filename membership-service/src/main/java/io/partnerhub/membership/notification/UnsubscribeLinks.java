package io.partnerhub.membership.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.membership.domain.NotificationKind;
import io.partnerhub.membership.domain.UnsubscribeSignature;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * The signed one-click unsubscribe links (RFC 8058): {@code <api-url>/notifications/unsubscribe?person=…&kind=…&signature=…}.
 * The key is {@code partnerhub.notification.unsubscribe-key}; production refuses to start without it, dev and test
 * make a random one (links then last until the restart).
 */
@ApplicationScoped
@Startup // without a key production stops at start, not at the first mail
public class UnsubscribeLinks {

    public static final String PATH = "/notifications/unsubscribe";

    private final UnsubscribeSignature signature;
    private final String base;

    public UnsubscribeLinks(NotificationConfig config) {
        this.signature = config.unsubscribeKey().filter(k -> !k.isBlank()).map(UnsubscribeSignature::ofBase64)
                .orElseGet(UnsubscribeLinks::generated);
        this.base = config.apiUrl().replaceAll("/+$", "") + PATH;
    }

    private static UnsubscribeSignature generated() {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("partnerhub.notification.unsubscribe-key is required (base64 of at least "
                    + UnsubscribeSignature.MIN_KEY_BYTES + " random bytes; deploy/k8s takes it from a secret)");
        }
        byte[] key = new byte[UnsubscribeSignature.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Log.warn("No partnerhub.notification.unsubscribe-key: using a random key until the restart (not production)");
        return new UnsubscribeSignature(key);
    }

    /** The link for this person and kind; null for a security kind (those cannot be turned off). */
    public String link(UUID userId, NotificationKind kind) {
        if (kind.security()) {
            return null;
        }
        return base + "?person=" + userId + "&kind=" + kind.name() + "&signature="
                + URLEncoder.encode(signature.sign(userId, kind), StandardCharsets.UTF_8);
    }

    public boolean verifies(UUID userId, NotificationKind kind, String given) {
        return signature.verifies(userId, kind, given);
    }
}
