package io.partnerhub.devstack.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.SigningKeys;

class TestTokensTest {

    @Test
    void examProviderIsPearsonVueByDefaultAndPsiWhenAsked() throws Exception {
        assertEquals("PEARSON_VUE", verify(TestTokens.examProvider()).getStringClaimValue("provider"));
        assertEquals("PSI", verify(TestTokens.examProvider("PSI")).getStringClaimValue("provider"));
        assertEquals("PSI", verify(TestTokens.token("exam-provider", Map.of("provider", "PSI"))).getStringClaimValue("provider"));
        assertThrows(IllegalArgumentException.class, () -> TestTokens.examProvider("ACME"));
    }

    @Test
    void everyTokenCarriesTheAudience() throws Exception {
        JwtClaims claims = verify(TestTokens.ops());
        assertEquals(List.of("partnerhub"), claims.getAudience());
        assertEquals(List.of("ops"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void changedClaimsAreSignedAsGivenAndTheUntrustedKeyDoesNotVerify() throws Exception {
        Map<String, Object> claims = TestTokens.claims("ops");
        claims.put("aud", "someone-else");
        assertEquals(List.of("someone-else"), JwtClaims.parse(payload(TestTokens.sign(claims))).getAudience());
        assertThrows(InvalidJwtException.class, () -> verify(TestTokens.signWithUntrustedKey(TestTokens.claims("ops"))));
    }

    private static String payload(String token) {
        return new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JwtClaims verify(String token) throws Exception {
        SigningKeys keys = SigningKeys.load(Path.of(TestTokens.publicKeyLocation()).getParent());
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(keys.publicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer("partnerhub-devstack")
                .setExpectedAudience("partnerhub")
                .build();
        return consumer.processToClaims(token);
    }
}
