package io.partnerhub.certification.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * C8b A badge names its recipient only as a salted hash (Open Badges IdentityObject, {@code hashed: true}):
 * {@code identityHash = "sha256$" + hex(SHA-256(candidateId + salt))}, the salt random per holding. Whoever has the
 * candidate id and the salt from the holder can check that a badge is theirs; nobody else can tell whose it is, not even
 * by trying known candidate ids.
 */
public final class RecipientIdentity {

    public static final String PREFIX = "sha256$";
    /** 16 random bytes, 32 lower-case hex characters (the migration backfills the same format). */
    public static final int SALT_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private RecipientIdentity() {
    }

    public static String newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return HEX.formatHex(salt);
    }

    public static String hash(String identifier, String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((identifier + salt).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HEX.formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether {@code identifier} with {@code salt} is the identity {@code identityHash} names (constant time). */
    public static boolean matches(String identityHash, String identifier, String salt) {
        if (identityHash == null || identifier == null || salt == null) {
            return false;
        }
        return MessageDigest.isEqual(identityHash.getBytes(StandardCharsets.UTF_8),
                hash(identifier, salt).getBytes(StandardCharsets.UTF_8));
    }
}
