package io.partnerhub.certification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** C8b the badge's recipient as a salted SHA-256 (Open Badges IdentityObject, hashed: true). */
class RecipientIdentityTest {

    @ParameterizedTest(name = "sha256({0} + {1})")
    @CsvSource({
            // printf '%s' 'c-1000429f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b' | sha256sum
            "c-100042, 9f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b, sha256$178ed51031d89fffe9d8a966fea5f76d6c79a851c3f2c2ddb047f3015a30fff3",
            // printf '%s' 'abc' | sha256sum: identifier and salt are simply concatenated, as Open Badges does
            "ab, c, sha256$ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" })
    void hashesTheIdentifierFollowedByTheSalt(String identifier, String salt, String expected) {
        assertEquals(expected, RecipientIdentity.hash(identifier, salt));
    }

    @ParameterizedTest(name = "{0} with salt {1} matches: {2}")
    @CsvSource({
            "c-100042, 9f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b, true",
            "c-100042, 0f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b, false",
            "c-100043, 9f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b, false",
            "C-100042, 9f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b, false",
            "c-10004, 29f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b, true" }) // the concatenation is the identity, as specified
    void matchesOnlyTheIdentifierWithItsSalt(String identifier, String salt, boolean matches) {
        String badge = RecipientIdentity.hash("c-100042", "9f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b");
        assertEquals(matches, RecipientIdentity.matches(badge, identifier, salt));
    }

    @Test
    void nothingMatchesWithoutAnIdentifierOrASalt() {
        String badge = RecipientIdentity.hash("c-1", "s");
        assertEquals(false, RecipientIdentity.matches(badge, null, "s"));
        assertEquals(false, RecipientIdentity.matches(badge, "c-1", null));
        assertEquals(false, RecipientIdentity.matches(null, "c-1", "s"));
    }

    @Test
    void eachSaltIsFresh32HexCharacters() {
        Set<String> salts = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String salt = RecipientIdentity.newSalt();
            assertTrue(salt.matches("[0-9a-f]{32}"), salt);
            salts.add(salt);
        }
        assertEquals(1000, salts.size());
        assertNotEquals(RecipientIdentity.hash("c-1", RecipientIdentity.newSalt()), RecipientIdentity.hash("c-1", RecipientIdentity.newSalt()));
    }
}
