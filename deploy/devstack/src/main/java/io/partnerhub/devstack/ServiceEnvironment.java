package io.partnerhub.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The environment the services get (DESIGN §2, contract): infrastructure, key, adjustable clock, demo settings. */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, String> of(ServiceSpec spec, Infrastructure infrastructure, Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
        if (spec.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.jdbcUrl(spec.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", Database.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", Database.PASSWORD);
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", infrastructure.keys().publicKeyFile().toString());
        env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
        env.put("PARTNERHUB_CLOCK_ADJUSTABLE", "true");
        if ("gateway".equals(spec.name())) {
            // the portal's persona picker (local demo only, see PortalPersonas): the gateway serves this file at /dev/personas
            env.put("PARTNERHUB_PORTAL_DEV_PERSONAS_FILE", PortalPersonas.file(home).toString());
            // one demo token drives system tests, demo seeding and benchmarks: budgets no test run reaches
            // (the limiter itself is tested with small budgets in the gateway's own tests and GatewaySecurityMatrixIT)
            for (String budget : List.of("READS", "WRITES", "RESULTS", "DIRECTORY")) {
                env.put("PARTNERHUB_GATEWAY_RATE_LIMITS_" + budget + "_QUOTA", "1000000");
                env.put("PARTNERHUB_GATEWAY_RATE_LIMITS_" + budget + "_WINDOW", "1s");
            }
        }
        if ("certification-service".equals(spec.name())) {
            // badges are signed with their own key pair (local demo material, generated once, never committed)
            SigningKeys.loadOrGenerate(home.resolve("badge-keys"));
            env.put("PARTNERHUB_CERTIFICATION_BADGES_SIGNING_KEY_LOCATION",
                    home.resolve("badge-keys").resolve(SigningKeys.PRIVATE_KEY_FILE).toAbsolutePath().toString());
            env.put("PARTNERHUB_CERTIFICATION_BADGES_SIGNING_KEY_ID", "devstack-badge-1");
            env.put("PARTNERHUB_CERTIFICATION_PUBLIC_BASE_URL", "http://localhost:8080/api");
            // the demo clock jumps: let expiries follow within seconds, as in the %dev profile
            env.put("PARTNERHUB_CERTIFICATION_SWEEP_INTERVAL", "5s");
        }
        // time-driven rules follow a clock jump within seconds (the %dev profiles' 5 s, shorter for the journeys):
        // exam-service releases beta scores, competency-service handles valid-until, expiries entering the at-risk
        // horizon and requirement versions taking effect
        if ("membership-service".equals(spec.name())) {
            // #23 notifications: the demo SMTP server (GreenMail in the launcher; deploy/run prints its inbox page),
            // links to the portal and the API at the gateway, and the unsubscribe key (local demo material, generated
            // once under the devstack's home, never committed)
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", Integer.toString(infrastructure.smtpPort()));
            env.put("QUARKUS_MAILER_START_TLS", "DISABLED"); // GreenMail speaks plain SMTP on 127.0.0.1
            env.put("PARTNERHUB_NOTIFICATION_PORTAL_URL", "http://localhost:8080/");
            env.put("PARTNERHUB_NOTIFICATION_API_URL", "http://localhost:8080/api");
            env.put("PARTNERHUB_NOTIFICATION_UNSUBSCRIBE_KEY", DemoSecrets.unsubscribeKey(home));
            env.put("PARTNERHUB_NOTIFICATION_SEND_INTERVAL", "2s");
        }
        if ("gateway".equals(spec.name())) {
            env.put("PARTNERHUB_PORTAL_DEV_MAIL_URL", infrastructure.inboxUrl()); // the sign-in page's link to the demo inbox
        }
        if ("exam-service".equals(spec.name())) {
            env.put("PARTNERHUB_EXAM_SWEEP_INTERVAL", "2s");
        }
        if ("competency-service".equals(spec.name())) {
            env.put("PARTNERHUB_COMPETENCY_SWEEP_INTERVAL", "2s");
            // organisation credentials are signed with competency-service's own pair (local demo material, never committed)
            SigningKeys.loadOrGenerate(home.resolve("credential-keys"));
            env.put("PARTNERHUB_COMPETENCY_CREDENTIALS_SIGNING_KEY_LOCATION",
                    home.resolve("credential-keys").resolve(SigningKeys.PRIVATE_KEY_FILE).toAbsolutePath().toString());
            env.put("PARTNERHUB_COMPETENCY_CREDENTIALS_SIGNING_KEY_ID", "devstack-org-credential-1");
            env.put("PARTNERHUB_COMPETENCY_CREDENTIALS_PUBLIC_BASE_URL", "http://localhost:8080/api");
        }
        if ("membership-service".equals(spec.name())) {
            // webhooks: signing secrets encrypted at rest under a key generated once per demo home (local demo material,
            // never committed); a receiver on this machine at port 18099 is exempt from the SSRF guard (local demo only)
            env.put("PARTNERHUB_WEBHOOKS_SECRET_KEY", webhookSecretKey(home));
            env.put("PARTNERHUB_WEBHOOKS_ALLOWED_TARGETS", "localhost:18099,127.0.0.1:18099");
        }
        return env;
    }

    private static String webhookSecretKey(Path home) {
        Path file = home.resolve("webhook-secret-key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(home);
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo webhook key in " + file, e);
        }
    }
}
