package io.partnerhub.chassis.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tells from a failure whether the database did not answer (refused, restarting, crashed mid-request, pool timed out):
 * a request that met it is answered 503 with {@code Retry-After}, not 500, because the same request will succeed once
 * the database is back (issue #26, the database crash drill: "a database that is briefly down is a reason to wait").
 * The event pipeline's own taxonomy is chassis-data's {@code FailureClassifier}; this is the HTTP side's, on JDK types
 * and SQLStates only (chassis-web has no JDBC driver or Hibernate on its class path).
 */
final class DatabaseUnavailable {

    /** Seconds a client is asked to wait: PostgreSQL replays its WAL and the pool reconnects within a few. */
    static final long RETRY_AFTER_SECONDS = 2;

    /** Connection exception, operator intervention (admin/crash shutdown, cannot connect now), too many connections. */
    private static final String[] SQL_STATE_PREFIXES = {"08", "57P", "53300"};
    private static final String HIBERNATE_CONNECTION = "org.hibernate.exception.JDBCConnectionException";

    private DatabaseUnavailable() {
    }

    static boolean in(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException || HIBERNATE_CONNECTION.equals(t.getClass().getName())) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                for (String prefix : SQL_STATE_PREFIXES) {
                    if (state != null && state.startsWith(prefix)) {
                        return true;
                    }
                }
                if (String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                    return true; // Agroal: no connection within the pool's acquisition timeout
                }
            }
        }
        return false;
    }
}
