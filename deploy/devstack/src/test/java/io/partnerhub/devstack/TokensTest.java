package io.partnerhub.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokensTest {

    @TempDir
    Path keys;

    @Test
    void mintedTokenCarriesIssuerAudienceRoleAndBoundedLifetimeAndVerifiesWithThePemKey() throws Exception {
        SigningKeys generated = SigningKeys.loadOrGenerate(keys);
        String token = new Tokens(generated.privateKey(), Duration.ofHours(1))
                .mint("employee", Map.of("candidate", "c-42", "org", "org-7"));

        JwtClaims claims = consumer(SigningKeys.load(keys)).processToClaims(token); // key read back from public.pem
        assertEquals("partnerhub-devstack", claims.getIssuer());
        assertEquals(List.of("partnerhub"), claims.getAudience());
        assertEquals(List.of("employee"), claims.getStringListClaimValue("groups"));
        assertEquals("c-42", claims.getStringClaimValue("candidate"));
        assertEquals("org-7", claims.getStringClaimValue("org"));
        assertEquals(claims.getSubject(), claims.getStringClaimValue("upn"));
        long iat = claims.getIssuedAt().getValue();
        assertEquals(3600, claims.getExpirationTime().getValue() - iat);
        assertTrue(Math.abs(iat - Instant.now().getEpochSecond()) < 60);
        assertTrue(claims.getJwtId() != null);
    }

    @ParameterizedTest
    @ValueSource(strings = { "PEARSON_VUE", "PSI" })
    void examProviderTokenIsBoundToItsProvider(String provider) throws Exception {
        SigningKeys generated = SigningKeys.loadOrGenerate(keys);
        String token = new Tokens(generated.privateKey(), Duration.ofHours(1))
                .mint(Tokens.EXAM_PROVIDER_ROLE, Map.of("provider", provider));
        JwtClaims claims = consumer(generated).processToClaims(token);
        assertEquals(provider, claims.getStringClaimValue("provider"));
        assertEquals(List.of("exam-provider"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void refusesAnUnknownProvider() {
        Tokens tokens = new Tokens(SigningKeys.loadOrGenerate(keys).privateKey(), Duration.ofHours(1));
        assertThrows(IllegalArgumentException.class,
                () -> tokens.mint(Tokens.EXAM_PROVIDER_ROLE, Map.of("provider", "PROMETRIC")));
    }

    @Test
    void tokenCommandBindsAnExamProviderToPearsonVueUnlessToldOtherwise() {
        assertEquals(Map.of("provider", "PEARSON_VUE"), Launcher.tokenClaims("exam-provider", List.of()));
        assertEquals(Map.of("provider", "PSI"), Launcher.tokenClaims("exam-provider", List.of("--provider", "PSI")));
        assertThrows(IllegalArgumentException.class, () -> Launcher.tokenClaims("exam-provider", List.of("--provider", "psi")));
        assertThrows(IllegalArgumentException.class, () -> Launcher.tokenClaims("ops", List.of("--provider", "PSI")));
        assertEquals(Map.of("org", "o-1"), Launcher.tokenClaims("partner-admin", List.of("--org", "o-1")));
        assertEquals(Map.of("source", "demo-crm"), Launcher.tokenClaims("reporter", List.of()));
        assertEquals(Map.of("source", "erp"), Launcher.tokenClaims("reporter", List.of("--source", "erp")));
        assertThrows(IllegalArgumentException.class, () -> Launcher.tokenClaims("ops", List.of("--source", "erp")));
    }

    @Test
    void tamperedTokenDoesNotVerify() {
        SigningKeys generated = SigningKeys.loadOrGenerate(keys);
        Tokens tokens = new Tokens(generated.privateKey(), Duration.ofHours(1));
        Map<String, Object> claims = tokens.claims("employee", Map.of("candidate", "c-1"), Instant.now());
        String[] genuine = tokens.sign(claims).split("\\.");
        claims.put("groups", List.of("ops"));
        String[] forged = tokens.sign(claims).split("\\.");
        String spliced = genuine[0] + "." + forged[1] + "." + genuine[2];
        assertThrows(InvalidJwtException.class, () -> consumer(generated).processToClaims(spliced));
    }

    @Test
    void keysAreGeneratedOnceAndReused() {
        SigningKeys first = SigningKeys.loadOrGenerate(keys);
        SigningKeys again = SigningKeys.loadOrGenerate(keys);
        assertEquals(first.publicKey(), again.publicKey());
    }

    @Test
    void demoSeedIsAJsonListOfRequests() {
        List<?> entries = SeedScript.load(Seeder.DEMO_SEED);
        assertFalse(entries.isEmpty());
        for (Object entry : entries) {
            Map<?, ?> request = (Map<?, ?>) entry;
            assertTrue(request.get("service") instanceof String, () -> "service in " + request);
            assertTrue(String.valueOf(request.get("path")).startsWith("/"), () -> "path in " + request);
            assertTrue(request.get("sittings") == null || request.get("sittings") instanceof List<?>, () -> "sittings in " + request);
        }
    }

    @Test
    void demoPersonasAreTheSeededOrganisationsAdminsAndAnEmployeeOfTheGoldOne() {
        Map<String, Map<String, String>> personas = Launcher.personas(Map.of("org.contoso", "c-1", "org.fabrikam", "f-2",
                "user.contoso.ana", "u-3"));
        assertTrue(personas.values().stream().anyMatch(c -> "partner-admin".equals(c.get("role")) && "c-1".equals(c.get("org"))));
        assertTrue(personas.values().stream().anyMatch(c -> "partner-admin".equals(c.get("role")) && "f-2".equals(c.get("org"))));
        assertTrue(personas.values().stream().anyMatch(c -> "employee".equals(c.get("role")) && "c-1".equals(c.get("org"))
                && Launcher.DEMO_CANDIDATE.equals(c.get("candidate"))));
        assertFalse(personas.values().stream().anyMatch(c -> "u-3".equals(c.get("org"))), "only org.* variables are organisations");
    }

    private static JwtConsumer consumer(SigningKeys keys) {
        return new JwtConsumerBuilder()
                .setVerificationKey(keys.publicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer("partnerhub-devstack")
                .setExpectedAudience("partnerhub")
                .setRequireIssuedAt()
                .setRequireExpirationTime()
                .build();
    }
}
