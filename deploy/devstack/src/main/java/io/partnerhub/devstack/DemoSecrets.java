package io.partnerhub.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** Local demo secrets the devstack generates once under its home (never committed, never used outside the demo). */
final class DemoSecrets {

    private DemoSecrets() {
    }

    /** The key that signs membership-service's unsubscribe links: 32 random bytes, base64, in {@code <home>/notification/}. */
    static synchronized String unsubscribeKey(Path home) {
        Path file = home.resolve("notification").resolve("unsubscribe-key");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, encoded, StandardCharsets.US_ASCII);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo unsubscribe key in " + file, e);
        }
    }
}
