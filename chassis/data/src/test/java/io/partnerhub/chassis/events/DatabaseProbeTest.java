package io.partnerhub.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.partnerhub.devstack.Database;
import io.partnerhub.devstack.test.PartnerHubTestResource;

/** The probe against a real Agroal pool and PostgreSQL: it tells whether a new session is admitted, not a pooled one. */
class DatabaseProbeTest {

    private static final String DATABASE = "chassis_probe";

    private static String url;
    private static AgroalDataSource pool;

    @BeforeAll
    static void pool() throws SQLException {
        url = PartnerHubTestResource.jdbcUrl(DATABASE);
        pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(cp -> cp.maxSize(2).acquisitionTimeout(Duration.ofSeconds(2))
                        .connectionFactoryConfiguration(cf -> cf.jdbcUrl(url)
                                .connectionProviderClassName("org.postgresql.Driver")
                                .principal(new NamePrincipal(Database.USER))
                                .credential(new SimplePassword(Database.PASSWORD)))));
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @AfterEach
    void allowConnections() throws SQLException {
        allowConnections(true);
    }

    private final DatabaseProbe probe = new DatabaseProbe(() -> pool, Duration.ofSeconds(2));

    @Test
    void saysNothingWhileTheDatabaseAnswers() {
        assertThat(probe.notAnswering()).isEmpty();
    }

    @Test
    void saysTheDatabaseDoesNotAnswerWhileItRefusesNewConnectionsThoughAPooledOneStillWorks() throws SQLException {
        try (Connection pooled = pool.getConnection()) {
            allowConnections(false);

            assertThat(probe.notAnswering()).hasValueSatisfying(why -> assertThat(why)
                    .contains("55000").contains("not currently accepting connections"));
            try (Statement select = pooled.createStatement()) {
                assertThat(select.execute("SELECT 1")).as("the pooled session still answers").isTrue();
            }

            allowConnections(true);
            assertThat(probe.notAnswering()).isEmpty();
        }
    }

    /** As PostgreSQL's superuser, from the maintenance database (no one can connect to a database that refuses). */
    private static void allowConnections(boolean allow) throws SQLException {
        try (Connection admin = DriverManager.getConnection(url.replace("/" + DATABASE, "/postgres"), "postgres", "");
                Statement alter = admin.createStatement()) {
            alter.execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS " + allow);
        }
    }
}
