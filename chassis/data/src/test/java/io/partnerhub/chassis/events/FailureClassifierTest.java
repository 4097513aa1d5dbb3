package io.partnerhub.chassis.events;

import static io.partnerhub.chassis.events.FailureClassifier.Kind.PERMANENT;
import static io.partnerhub.chassis.events.FailureClassifier.Kind.TRANSIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonParseException;

import io.partnerhub.chassis.events.FailureClassifier.Kind;

class FailureClassifierTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                // the database went away, restarts, or is overloaded
                row("connection refused (08001)", new SQLException("Connection to localhost:5432 refused", "08001"), TRANSIENT),
                row("I/O error on a pooled connection (08006)", new SQLException("An I/O error occurred", "08006"), TRANSIENT),
                row("admin shutdown (57P01)", new SQLException("terminating connection due to administrator command", "57P01"), TRANSIENT),
                row("cannot connect now, starting up (57P03)", new SQLException("the database system is starting up", "57P03"), TRANSIENT),
                row("too many connections (53300)", new SQLException("sorry, too many clients already", "53300"), TRANSIENT),
                row("Agroal pool exhausted", new SQLException("Sorry, acquisition timeout!"), TRANSIENT),
                row("Agroal waiting for a new connection", new SQLException("Acquisition timeout while waiting for new connection"), TRANSIENT),
                row("SQLTransientConnectionException", new SQLTransientConnectionException("pool"), TRANSIENT),
                row("socket refused", new ConnectException("Connection refused"), TRANSIENT),
                // concurrency: another writer won
                row("serialization failure (40001)", new SQLException("could not serialize access", "40001"), TRANSIENT),
                row("deadlock (40P01)", new SQLException("deadlock detected", "40P01"), TRANSIENT),
                row("lock not available (55P03)", new SQLException("could not obtain lock", "55P03"), TRANSIENT),
                row("statement timeout (57014)", new SQLException("canceling statement due to statement timeout", "57014"), TRANSIENT),
                row("optimistic lock lost", new jakarta.persistence.OptimisticLockException("stale"), TRANSIENT),
                row("pessimistic lock", new jakarta.persistence.PessimisticLockException("locked"), TRANSIENT),
                row("lock timeout", new jakarta.persistence.LockTimeoutException("timeout"), TRANSIENT),
                row("Hibernate stale state", new org.hibernate.StaleObjectStateException("Exam", 1), TRANSIENT),
                row("Hibernate JDBC connection", new org.hibernate.exception.JDBCConnectionException("gone",
                        new SQLException("gone", "08003")), TRANSIENT),
                // the transaction manager gave up on the transaction (timeout) or rolled it back
                row("TM rollback (timeout)", new jakarta.transaction.RollbackException("ARJUNA016063: timed out"), TRANSIENT),
                row("TM rollback inside QuarkusTransaction", new io.quarkus.narayana.jta.QuarkusTransactionException(
                        new jakarta.transaction.RollbackException("rolled back")), TRANSIENT),
                // a handler wrapping a connection error in its own exception is still transient
                row("wrapped connection error", new IllegalStateException("cannot write",
                        new SQLException("An I/O error occurred", "08006")), TRANSIENT),
                row("suppressed connection error", suppressed(new IllegalStateException("apply failed"),
                        new SQLException("closed", "08003")), TRANSIENT),
                // deterministic: the same input fails the same way every time
                row("unparseable JSON", new IllegalArgumentException("not a CloudEvent",
                        new JsonParseException(null, "Unexpected character")), PERMANENT),
                row("handler validation", new IllegalArgumentException("Unknown exam code AZ-999"), PERMANENT),
                row("handler state rule", new IllegalStateException("poison widget w-1"), PERMANENT),
                row("unique violation (23505)", new SQLException("duplicate key value", "23505"), PERMANENT),
                row("not-null violation (23502)", new SQLException("null value in column", "23502"), PERMANENT),
                row("SQL state unknown", new SQLException("syntax error", "42601"), PERMANENT),
                row("checked failure wrapped by QuarkusTransaction", new io.quarkus.narayana.jta.QuarkusTransactionException(
                        new SQLException("check constraint", "23514")), PERMANENT),
                row("NullPointerException", new NullPointerException("examCode"), PERMANENT),
                // a rollback at commit caused by a deterministic failure is not retried for ever
                row("TM rollback caused by a unique violation", new io.quarkus.narayana.jta.QuarkusTransactionException(
                        withCause(new jakarta.transaction.RollbackException("rolled back"),
                                new SQLException("duplicate key value", "23505"))), PERMANENT),
                row("Hibernate constraint violation wrapping a connection-looking message",
                        new org.hibernate.exception.ConstraintViolationException("duplicate",
                                new SQLException("duplicate key value", "23505"), "holding_one_active"), PERMANENT),
                row("mapping error", new ClassCastException("String cannot be cast to Integer"), PERMANENT));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("failures")
    void classifies(Throwable failure, Object ignored, Kind expected) {
        assertThat(FailureClassifier.classify(failure)).isEqualTo(expected);
    }

    private static Arguments row(String name, Throwable failure, Kind kind) {
        return Arguments.of(Named.of(name, failure), failure.getClass().getSimpleName(), kind);
    }

    private static Throwable withCause(Throwable failure, Throwable cause) {
        failure.initCause(cause);
        return failure;
    }

    private static Throwable suppressed(Throwable main, Throwable suppressed) {
        main.addSuppressed(suppressed);
        return main;
    }
}
