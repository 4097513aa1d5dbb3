package io.partnerhub.devstack.test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import io.partnerhub.devstack.Database;
import io.partnerhub.devstack.Topics;

/**
 * The test infrastructure from Testcontainers, for machines with Docker: the same PostgreSQL version as the embedded
 * binaries and the same Kafka version as the embedded broker (KRaft), the same demo role, databases and topics.
 * Compiled and used only with the Maven profile {@code containers} (source folder {@code src/containers/java});
 * {@link TestInfrastructure} loads it by name. The containers are stopped by Testcontainers' reaper when the test
 * JVM ends. PostgreSQL trusts local connections (the embedded one does too), so {@link Database#ensureDatabases}
 * creates the services' databases exactly as it does on the embedded server.
 */
public final class ContainerInfrastructure {

    static final String POSTGRES_IMAGE = "postgres:17.5";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    /** Kept for the life of the JVM. */
    private static PostgreSQLContainer postgres;
    private static KafkaContainer kafka;

    private ContainerInfrastructure() {
    }

    /** Starts both (once per class loader; {@link TestInfrastructure} calls it once per JVM) and returns their facts. */
    public static synchronized Map<String, String> start() {
        if (postgres == null) {
            PostgreSQLContainer db = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
                    .withDatabaseName("postgres")
                    .withUsername("postgres")
                    .withPassword("postgres")
                    .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust");
            KafkaContainer broker = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
            Startables.deepStart(db, broker).join();
            requireLocal(db.getHost());
            createDemoRole(db.getJdbcUrl());
            Topics.create(broker.getBootstrapServers(), Topics.all());
            postgres = db;
            kafka = broker;
        }
        return Map.of("postgres-port", Integer.toString(postgres.getMappedPort(5432)),
                "kafka-bootstrap-servers", kafka.getBootstrapServers());
    }

    /** The services connect as the demo role, as on the embedded server. */
    private static void createDemoRole(String jdbcUrl) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE " + Database.USER + " LOGIN PASSWORD '" + Database.PASSWORD + "' CREATEDB");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create role " + Database.USER, e);
        }
    }

    /** The test resource's JDBC URLs say localhost: a remote Docker host is not supported. */
    private static void requireLocal(String host) {
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalStateException("Docker publishes ports on " + host + "; the containers profile needs a "
                        + "local Docker (ports on localhost)");
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Cannot resolve the Docker host " + host, e);
        }
    }
}
