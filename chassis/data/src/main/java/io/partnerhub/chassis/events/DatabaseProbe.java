package io.partnerhub.chassis.events;

import java.security.Principal;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration;
import io.agroal.api.security.AgroalDefaultSecurityProvider;
import io.agroal.api.security.AgroalSecurityProvider;
import io.quarkus.arc.InjectableInstance;

/**
 * Does the database answer right now? Asked when a handler failed in a way {@link FailureClassifier} cannot tell: if
 * not, the consumer waits and the attempt does not count, whatever the error said.
 * <p>
 * The probe opens a <em>new</em> connection with the pool's own driver, URL, credentials and JDBC properties (read
 * from the Agroal configuration), runs {@code SELECT 1} and closes it, each step bounded by
 * {@code partnerhub.inbox.probe-timeout}. Not a pooled connection: one taken from the pool may keep working while
 * the server refuses new sessions (a database closed by {@code ALLOW_CONNECTIONS false}, {@code max_connections}
 * reached, a failover under way), and the handler's next attempt may need a new one; that state ends with the pool
 * failing too, so it is a reason to wait. The converse, a pool failing while new connections work, is the pool's own
 * trouble (exhausted: Agroal's acquisition timeout; a broken pooled connection: SQLState 08 or 57P), which the
 * classifier already knows as transient; probing through the pool would only block for its acquisition timeout.
 */
@ApplicationScoped
public class DatabaseProbe implements InfrastructureProbe {

    private final Supplier<DataSource> dataSource;
    private final Duration timeout;

    @Inject
    public DatabaseProbe(InjectableInstance<DataSource> dataSources, InboxConfig config) {
        this(dataSources::get, config.probeTimeout());
    }

    DatabaseProbe(Supplier<DataSource> dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public String infrastructure() {
        return "database";
    }

    /** Empty when a fresh connection answered {@code SELECT 1} in time, else why not. */
    @Override
    public Optional<String> notAnswering() {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        try (Connection connection = open(seconds); Statement select = connection.createStatement()) {
            select.setQueryTimeout(seconds);
            select.execute("SELECT 1");
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            String state = e instanceof SQLException sql && sql.getSQLState() != null ? " [" + sql.getSQLState() + "]" : "";
            return Optional.of(e.getClass().getSimpleName() + state + ": " + e.getMessage());
        }
    }

    private Connection open(int timeoutSeconds) throws SQLException {
        DataSource source = dataSource.get();
        if (!(source instanceof AgroalDataSource agroal)) {
            return source.getConnection(); // not a pool: every connection is a new one
        }
        AgroalConnectionFactoryConfiguration factory = agroal.getConfiguration().connectionPoolConfiguration()
                .connectionFactoryConfiguration();
        Properties properties = new Properties();
        properties.putAll(factory.jdbcProperties());
        properties.putAll(securityProperties(factory));
        String seconds = Integer.toString(timeoutSeconds);
        properties.setProperty("connectTimeout", seconds); // PostgreSQL JDBC: TCP connect, in seconds
        properties.setProperty("loginTimeout", seconds); // connect and authenticate
        properties.setProperty("socketTimeout", seconds); // any read, should the server stall
        Connection connection = driver(factory).connect(factory.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("The pool's driver does not accept its own URL " + factory.jdbcUrl());
        }
        return connection;
    }

    /** User and password as the pool sends them: its own security providers first, then Agroal's default one. */
    private static Properties securityProperties(AgroalConnectionFactoryConfiguration factory) {
        List<AgroalSecurityProvider> providers = new ArrayList<>(factory.securityProviders());
        providers.add(new AgroalDefaultSecurityProvider());
        List<Object> secrets = new ArrayList<>();
        Principal principal = factory.principal();
        if (principal != null) {
            secrets.add(principal);
        }
        secrets.addAll(factory.credentials());
        Properties properties = new Properties();
        for (Object secret : secrets) {
            for (AgroalSecurityProvider provider : providers) {
                Properties found = provider.getSecurityProperties(secret);
                if (found != null) {
                    properties.putAll(found);
                    break;
                }
            }
        }
        return properties;
    }

    private static Driver driver(AgroalConnectionFactoryConfiguration factory) throws SQLException {
        Class<?> provider = factory.connectionProviderClass();
        if (provider != null && Driver.class.isAssignableFrom(provider)) {
            try {
                return (Driver) provider.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new SQLException("Cannot instantiate the pool's driver " + provider.getName(), e);
            }
        }
        return DriverManager.getDriver(factory.jdbcUrl());
    }
}
