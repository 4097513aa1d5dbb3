package io.partnerhub.devstack.test;

import io.partnerhub.devstack.SigningKeys;
import io.partnerhub.devstack.Tokens;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Real RS256 tokens signed with this test JVM's private key (the public half is what
 * {@link PartnerHubTestResource} hands to the application). Valid for one hour; audience {@code partnerhub}.
 * For tokens that must fail verification: {@link #claims(String)}, change them, then {@link #sign(Map)} or
 * {@link #signWithUntrustedKey(Map)}.
 */
public final class TestTokens {

    /** Default provider of {@link #examProvider()}. */
    public static final String DEFAULT_PROVIDER = "PEARSON_VUE";

    private static Tokens tokens;
    private static Path keysDirectory;
    private static PrivateKey untrustedKey;

    private TestTokens() {
    }

    public static String ops() {
        return token("ops", Map.of());
    }

    /** An exam-provider of {@value #DEFAULT_PROVIDER}. */
    public static String examProvider() {
        return examProvider(DEFAULT_PROVIDER);
    }

    /** An exam-provider bound to {@code provider} (claim {@code provider}: PEARSON_VUE or PSI, anything else throws). */
    public static String examProvider(String provider) {
        return token(Tokens.EXAM_PROVIDER_ROLE, Map.of("provider", provider));
    }

    /** The reporting system of {@link #reporter()} (claim {@code source}). */
    public static final String DEFAULT_SOURCE = "test-crm";

    /** A reporter for the reporting system {@value #DEFAULT_SOURCE}. */
    public static String reporter() {
        return reporter(DEFAULT_SOURCE);
    }

    /** A reporter for {@code source} (claim {@code source}); {@code token("reporter", Map.of())} has none. */
    public static String reporter(String source) {
        return token("reporter", Map.of("source", source));
    }

    public static String partnerAdmin(String orgId) {
        return token("partner-admin", Map.of("org", orgId));
    }

    /** An employee with their candidate id; {@code orgId} may be null. */
    public static String employee(String candidateId, String orgId) {
        Map<String, String> claims = new HashMap<>();
        claims.put("candidate", candidateId);
        if (orgId != null) {
            claims.put("org", orgId);
        }
        return token("employee", claims);
    }

    /** Any role with extra string claims ({@code sub}, {@code upn}, {@code org}, {@code candidate}, {@code provider}, ...). */
    public static String token(String role, Map<String, String> claims) {
        return tokens().mint(role, claims);
    }

    /**
     * The claims a token for {@code role} would carry, issued now, as a mutable map ({@code iss}, {@code aud},
     * {@code sub}, {@code upn}, {@code groups}, {@code iat}, {@code exp}, {@code jti}): remove or change some to build
     * a token that must be refused, then {@link #sign(Map)} it.
     */
    public static Map<String, Object> claims(String role) {
        return tokens().claims(role, Map.of(), Instant.now());
    }

    /** Signs exactly these claims with this JVM's test key (the one the application trusts). */
    public static String sign(Map<String, Object> claims) {
        return tokens().sign(claims);
    }

    /** Signs exactly these claims with a key pair nobody trusts (same algorithm, same claims otherwise). */
    public static synchronized String signWithUntrustedKey(Map<String, Object> claims) {
        if (untrustedKey == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                untrustedKey = generator.generateKeyPair().getPrivate();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return Tokens.sign(claims, untrustedKey);
    }

    /** The absolute path of the PEM public key that verifies this JVM's test tokens (for apps that verify them without PartnerHubTestResource). */
    public static String publicKeyLocation() {
        return TestInfrastructure.keysDirectory().resolve(SigningKeys.PUBLIC_KEY_FILE).toAbsolutePath().toString();
    }

    private static synchronized Tokens tokens() {
        Path keys = TestInfrastructure.keysDirectory();
        if (tokens == null || !keys.equals(keysDirectory)) {
            tokens = new Tokens(SigningKeys.loadOrGenerate(keys).privateKey(), Duration.ofHours(1));
            keysDirectory = keys;
        }
        return tokens;
    }
}
