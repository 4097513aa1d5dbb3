package io.partnerhub.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensTest {

    @TempDir
    Path keys;

    @Test
    void mintedTokenVerifiesWithThePublicKeyFromThePemFile() throws Exception {
        SigningKeys generated = SigningKeys.loadOrGenerate(keys);
        String token = new Tokens(generated.privateKey(), Duration.ofHours(1))
                .mint("employee", Map.of("candidate", "c-42", "org", "org-7"));

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(SigningKeys.load(keys).publicKey()); // read back from public.pem
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));

        Map<?, ?> header = (Map<?, ?>) Json.parse(decode(parts[0]));
        assertEquals("RS256", header.get("alg"));
        Map<?, ?> claims = (Map<?, ?>) Json.parse(decode(parts[1]));
        assertEquals("partnerhub-devstack", claims.get("iss"));
        assertEquals(List.of("employee"), claims.get("groups"));
        assertEquals("c-42", claims.get("candidate"));
        assertEquals("org-7", claims.get("org"));
        assertEquals(claims.get("sub"), claims.get("upn"));
        long exp = ((Number) claims.get("exp")).longValue();
        long iat = ((Number) claims.get("iat")).longValue();
        assertEquals(3600, exp - iat);
        assertTrue(Math.abs(iat - Instant.now().getEpochSecond()) < 60);
    }

    @Test
    void tamperedTokenDoesNotVerify() throws Exception {
        SigningKeys generated = SigningKeys.loadOrGenerate(keys);
        String[] parts = new Tokens(generated.privateKey(), Duration.ofHours(1)).mint("employee", Map.of("candidate", "c-1"))
                .split("\\.");
        String forgedClaims = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(decode(parts[1]).replace("employee", "ops").getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(generated.publicKey());
        rs256.update((parts[0] + "." + forgedClaims).getBytes(StandardCharsets.US_ASCII));
        assertFalse(rs256.verify(Base64.getUrlDecoder().decode(parts[2])));
    }

    @Test
    void keysAreGeneratedOnceAndReused() {
        SigningKeys first = SigningKeys.loadOrGenerate(keys);
        SigningKeys again = SigningKeys.loadOrGenerate(keys);
        assertEquals(first.publicKey(), again.publicKey());
    }

    @Test
    void jsonRoundTripsWhatTheDevstackWrites() {
        String text = "{\"a\":\"x\\\"y\",\"n\":-12,\"d\":1.5,\"t\":true,\"z\":null,\"l\":[1,{\"b\":[]}],\"u\":\"\\u00e9\"}";
        Object parsed = Json.parse(text);
        assertEquals("x\"y", ((Map<?, ?>) parsed).get("a"));
        assertEquals("\u00e9", ((Map<?, ?>) parsed).get("u"));
        assertEquals(text.replace("\\u00e9", "\u00e9"), Json.write(parsed));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
