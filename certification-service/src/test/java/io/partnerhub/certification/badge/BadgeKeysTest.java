package io.partnerhub.certification.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.partnerhub.certification.config.CertificationConfig;

/** Badge keys from configuration: the signing key, previous keys for rotation, refusal of weak or missing keys. */
class BadgeKeysTest {

    @TempDir
    Path dir;

    static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    Path pem(String name, String label, byte[] der) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n");
        return file;
    }

    static CertificationConfig config(Optional<String> signing, Optional<String> kid, List<String> previous, boolean ephemeral) {
        return new CertificationConfig() {
            public int maxPageSize() { return 100; }
            public String sweepInterval() { return "60s"; }
            public int sweepBatchSize() { return 200; }
            public String publicBaseUrl() { return "http://localhost:8080/api"; }
            public Duration shareCodeMaxLifetime() { return Duration.ofDays(1825); }
            public int shareCodesPerCandidate() { return 50; }
            public Badges badges() {
                return new Badges() {
                    public String issuerName() { return "PartnerHub"; }
                    public Optional<String> signingKeyLocation() { return signing; }
                    public Optional<String> signingKeyId() { return kid; }
                    public Optional<List<String>> previousKeyLocations() { return Optional.of(previous); }
                    public boolean ephemeralKey() { return ephemeral; }
                };
            }
        };
    }

    @Test
    void signsWithTheConfiguredKeyAndPublishesItWithThePreviousOnes() throws Exception {
        KeyPair current = rsa(2048);
        KeyPair previous = rsa(2048);
        Path signing = pem("badge.pem", "PRIVATE KEY", current.getPrivate().getEncoded());
        Path old = pem("old.pub.pem", "PUBLIC KEY", previous.getPublic().getEncoded());

        BadgeKeys keys = new BadgeKeys(config(Optional.of("file:" + signing), Optional.of("badge-2026"), List.of(old.toString()), false));

        PublicJsonWebKey key = keys.signingKey().orElseThrow();
        assertEquals("badge-2026", key.getKeyId());
        assertEquals(current.getPublic(), key.getPublicKey());
        List<JsonWebKey> published = new JsonWebKeySet(keys.jwks()).getJsonWebKeys();
        assertEquals(2, published.size());
        assertEquals("badge-2026", published.get(0).getKeyId());
        assertEquals(previous.getPublic(), published.get(1).getKey());
        assertEquals(PublicJsonWebKey.Factory.newPublicJwk(previous.getPublic()).calculateBase64urlEncodedThumbprint("SHA-256"),
                published.get(1).getKeyId());
        assertFalse(keys.jwks().contains("\"d\""), "no private parts");
    }

    @Test
    void withoutAConfiguredKeyGeneratesOneOnlyWhenAllowed() {
        BadgeKeys ephemeral = new BadgeKeys(config(Optional.empty(), Optional.empty(), List.of(), true));
        assertTrue(ephemeral.signingKey().isPresent());
        BadgeKeys none = new BadgeKeys(config(Optional.empty(), Optional.empty(), List.of(), false));
        assertTrue(none.signingKey().isEmpty());
        assertEquals("{\"keys\":[]}", none.jwks().replace(" ", ""));
    }

    @Test
    void refusesAWeakMissingOrUnreadableKeyAtStart() throws Exception {
        Path weak = pem("weak.pem", "PRIVATE KEY", rsa(1024).getPrivate().getEncoded());
        Path notPem = Files.writeString(dir.resolve("junk.pem"), "not a key");
        for (String location : List.of(weak.toString(), notPem.toString(), dir.resolve("missing.pem").toString())) {
            assertThrows(IllegalStateException.class,
                    () -> new BadgeKeys(config(Optional.of(location), Optional.empty(), List.of(), true)), location);
        }
    }
}
