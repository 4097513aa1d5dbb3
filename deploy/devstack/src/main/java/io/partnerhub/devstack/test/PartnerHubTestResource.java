package io.partnerhub.devstack.test;

import io.partnerhub.devstack.Database;
import io.partnerhub.devstack.SigningKeys;
import io.partnerhub.devstack.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real infrastructure for a service's {@code @QuarkusTest}s: one embedded PostgreSQL and one Kafka broker
 * (KRaft, child JVM) per test JVM on free ports, started on first use and reused by every test class, stopped
 * when the JVM ends. Each service gets its own database (default: the module directory's name without
 * {@code -service}, e.g. {@code exam}; override with init arg {@code database}, or {@code database=none} for
 * an application without a datasource, like the gateway).
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
 * class ExamResourceTest { ... given().auth().oauth2(TestTokens.ops()) ... }
 * </pre>
 */
public class PartnerHubTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, TestInfrastructure.defaultDatabaseName());
    }

    @Override
    public Map<String, String> start() {
        if (database == null) {
            database = TestInfrastructure.defaultDatabaseName();
        }
        TestInfrastructure.ensureStarted();
        Map<String, String> config = new LinkedHashMap<>();
        if (!"none".equals(database)) {
            config.put("quarkus.datasource.jdbc.url", TestInfrastructure.database(database));
            config.put("quarkus.datasource.username", Database.USER);
            config.put("quarkus.datasource.password", Database.PASSWORD);
        }
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
        config.put("mp.jwt.verify.publickey.location",
                TestInfrastructure.keysDirectory().resolve(SigningKeys.PUBLIC_KEY_FILE).toAbsolutePath().toString());
        config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        config.put("quarkus.devservices.enabled", "false");
        // #23 membership-service's mail goes to the JVM's GreenMail (other services have no mailer and ignore these)
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(TestMail.port()));
        config.put("partnerhub.notification.unsubscribe-key", TestMail.unsubscribeKey());
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped when the JVM ends
    }

    /** The broker's bootstrap servers, for tests that produce or consume raw records. Starts it if needed. */
    public static String kafkaBootstrapServers() {
        return TestInfrastructure.kafkaBootstrapServers();
    }

    /** JDBC URL of a database on the shared server (created if missing), for tests that look at tables. */
    public static String jdbcUrl(String database) {
        return TestInfrastructure.database(database);
    }

    /** Fault injection for tests: stops PostgreSQL (fast shutdown); {@link #startPostgres()} brings it back. */
    public static void stopPostgres() {
        TestInfrastructure.stopPostgres();
    }

    /** Starts PostgreSQL again on the same port with the same data; returns when it accepts connections. */
    public static void startPostgres() {
        TestInfrastructure.startPostgres();
    }

    /** Fault injection for tests: stops the Kafka broker; {@link #startBroker()} brings it back. */
    public static void stopBroker() {
        TestInfrastructure.stopBroker();
    }

    /** Starts the broker again on the same ports with the same data (topics, offsets); returns when it answers. */
    public static void startBroker() {
        TestInfrastructure.startBroker();
    }

    /** Every mail the test SMTP server (GreenMail) received in this JVM, as RFC 5322 bytes, oldest first. */
    public static java.util.List<byte[]> receivedMail() {
        return TestMail.received();
    }

    /** Fault injection for tests: stops the SMTP server (connections refused); {@link #startMail()} brings it back. */
    public static void stopMail() {
        TestMail.stop();
    }

    /** Starts the SMTP server again on the same port; what it received before the stop is still in {@link #receivedMail()}. */
    public static void startMail() {
        TestMail.start();
    }
}
