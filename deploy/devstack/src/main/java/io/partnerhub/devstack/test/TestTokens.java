package io.partnerhub.devstack.test;

import io.partnerhub.devstack.SigningKeys;
import io.partnerhub.devstack.Tokens;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Real RS256 tokens signed with this test JVM's private key (the public half is what
 * {@link PartnerHubTestResource} hands to the application). Valid for one hour.
 */
public final class TestTokens {

    private static Tokens tokens;
    private static Path keysDirectory;

    private TestTokens() {
    }

    public static String ops() {
        return token("ops", Map.of());
    }

    public static String examProvider() {
        return token("exam-provider", Map.of());
    }

    public static String reporter() {
        return token("reporter", Map.of());
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

    /** Any role with extra string claims ({@code sub}, {@code upn}, {@code org}, {@code candidate}, ...). */
    /** The absolute path of the PEM public key that verifies this JVM's test tokens (for apps that verify them without PartnerHubTestResource). */
    public static String publicKeyLocation() {
        return TestInfrastructure.keysDirectory().resolve(io.partnerhub.devstack.SigningKeys.PUBLIC_KEY_FILE).toAbsolutePath().toString();
    }

    public static String token(String role, Map<String, String> claims) {
        return tokens().mint(role, claims);
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
