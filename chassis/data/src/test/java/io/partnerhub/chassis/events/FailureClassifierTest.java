package io.partnerhub.chassis.events;

import static io.partnerhub.chassis.events.FailureClassifier.Kind.DETERMINISTIC;
import static io.partnerhub.chassis.events.FailureClassifier.Kind.TRANSIENT;
import static io.partnerhub.chassis.events.FailureClassifier.Kind.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.partnerhub.chassis.events.FailureClassifier.Kind;

class FailureClassifierTest {

    /** PostgreSQL's answer to a new connection while the database has {@code ALLOW_CONNECTIONS false} (issue 20). */
    private static final SQLException NOT_ACCEPTING_CONNECTIONS = new SQLException(
            "FATAL: database \"certification\" is not currently accepting connections", "55000");

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
                row("read-only standby after a failover (25006)",
                        new SQLException("cannot execute INSERT in a read-only transaction", "25006"), TRANSIENT),
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
                        new JsonParseException(null, "Unexpected character")), DETERMINISTIC),
                row("event data not of the contract's shape", new IllegalArgumentException("data is not a ExamPassed",
                        MismatchedInputException.from(null, Integer.class, "not a number")), DETERMINISTIC),
                row("bean validation", new jakarta.validation.ConstraintViolationException("score: must be >= 0", Set.of()),
                        DETERMINISTIC),
                row("unique violation (23505)", new SQLException("duplicate key value", "23505"), DETERMINISTIC),
                row("not-null violation (23502)", new SQLException("null value in column", "23502"), DETERMINISTIC),
                row("data error (22P02)", new SQLException("invalid input syntax for type uuid", "22P02"), DETERMINISTIC),
                row("syntax error (42601)", new SQLException("syntax error", "42601"), DETERMINISTIC),
                row("checked failure wrapped by QuarkusTransaction", new io.quarkus.narayana.jta.QuarkusTransactionException(
                        new SQLException("check constraint", "23514")), DETERMINISTIC),
                // a rollback at commit caused by a deterministic failure is not retried for ever
                row("TM rollback caused by a unique violation", new io.quarkus.narayana.jta.QuarkusTransactionException(
                        withCause(new jakarta.transaction.RollbackException("rolled back"),
                                new SQLException("duplicate key value", "23505"))), DETERMINISTIC),
                row("Hibernate constraint violation wrapping a connection-looking message",
                        new org.hibernate.exception.ConstraintViolationException("duplicate",
                                new SQLException("duplicate key value", "23505"), "holding_one_active"), DETERMINISTIC),
                // unknown: the failure cannot tell; the probe decides whether the attempt counts
                row("database not accepting connections (55000)", NOT_ACCEPTING_CONNECTIONS, UNKNOWN),
                row("55000 at the inbox insert, inside QuarkusTransaction",
                        new io.quarkus.narayana.jta.QuarkusTransactionException(NOT_ACCEPTING_CONNECTIONS), UNKNOWN),
                row("handler validation", new IllegalArgumentException("Unknown exam code AZ-999"), UNKNOWN),
                row("handler state rule", new IllegalStateException("poison widget w-1"), UNKNOWN),
                row("NullPointerException", new NullPointerException("examCode"), UNKNOWN),
                row("mapping error", new ClassCastException("String cannot be cast to Integer"), UNKNOWN));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("failures")
    void classifies(Throwable failure, Object ignored, Kind expected) {
        assertThat(FailureClassifier.classify(failure)).isEqualTo(expected);
    }

    static Stream<Arguments> consumerDecisions() {
        SQLException unique = new SQLException("duplicate key value", "23505");
        SQLException adminShutdown = new SQLException("terminating connection due to administrator command", "57P01");
        IllegalStateException handlerBug = new IllegalStateException("poison widget w-1");
        return Stream.of(
                // failure, does the database answer the probe, is the probe asked, does the attempt count
                Arguments.of(Named.of("transient: waits without asking", adminShutdown), true, false, false),
                Arguments.of(Named.of("transient while the database is down: waits", adminShutdown), false, false, false),
                Arguments.of(Named.of("deterministic: counts without asking", unique), true, false, true),
                Arguments.of(Named.of("55000 while the database does not answer: waits", NOT_ACCEPTING_CONNECTIONS),
                        false, true, false),
                Arguments.of(Named.of("55000 once the database answers again: counts", NOT_ACCEPTING_CONNECTIONS),
                        true, true, true),
                Arguments.of(Named.of("handler bug while the database answers: counts", handlerBug), true, true, true),
                Arguments.of(Named.of("handler bug while the database does not answer: waits", handlerBug),
                        false, true, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consumerDecisions")
    void anAttemptCountsOnlyWhenTheFailureIsDeterministicOrTheDatabaseAnswers(Throwable failure, boolean databaseAnswers,
            boolean probeAsked, boolean counts) {
        FakeProbe probe = new FakeProbe(databaseAnswers);

        Throwable toWaitOut = FailureClassifier.toWaitOut(failure, List.of(probe));

        assertThat(toWaitOut == null).as("the attempt counts").isEqualTo(counts);
        assertThat(probe.asked).as("the probe was asked").isEqualTo(probeAsked);
        if (!counts && probeAsked) {
            assertThat(toWaitOut).hasMessageContaining("database not answering").hasCause(failure);
        }
    }

    enum Decision { WAITS_UNCOUNTED, COUNTS_TOWARDS_THE_DEAD_LETTER_QUEUE }

    static Stream<Arguments> decisionsWithBothProbes() {
        SQLException unique = new SQLException("duplicate key value", "23505");
        SQLException adminShutdown = new SQLException("terminating connection due to administrator command", "57P01");
        IllegalStateException handlerBug = new IllegalStateException("poison widget w-1");
        Decision waits = Decision.WAITS_UNCOUNTED;
        Decision counts = Decision.COUNTS_TOWARDS_THE_DEAD_LETTER_QUEUE;
        return Stream.of(
                // failure, database answers, broker answers, decision, the probe that says why it waits (null: none)
                Arguments.of(Named.of("transient, all answer", adminShutdown), true, true, waits, null),
                Arguments.of(Named.of("transient, database down", adminShutdown), false, true, waits, null),
                Arguments.of(Named.of("transient, broker down", adminShutdown), true, false, waits, null),
                Arguments.of(Named.of("transient, both down", adminShutdown), false, false, waits, null),
                Arguments.of(Named.of("deterministic, all answer", unique), true, true, counts, null),
                Arguments.of(Named.of("deterministic, database down", unique), false, true, counts, null),
                Arguments.of(Named.of("deterministic, broker down", unique), true, false, counts, null),
                Arguments.of(Named.of("deterministic, both down", unique), false, false, counts, null),
                Arguments.of(Named.of("unknown, all answer", handlerBug), true, true, counts, null),
                Arguments.of(Named.of("unknown, database down", handlerBug), false, true, waits, "database"),
                Arguments.of(Named.of("unknown, broker down", handlerBug), true, false, waits, "broker"),
                Arguments.of(Named.of("unknown, both down", handlerBug), false, false, waits, "database"),
                Arguments.of(Named.of("55000, broker down", NOT_ACCEPTING_CONNECTIONS), true, false, waits, "broker"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("decisionsWithBothProbes")
    void anUnknownFailureIsWaitedOutUncountedWhileTheDatabaseOrTheBrokerDoesNotAnswer(Throwable failure,
            boolean databaseAnswers, boolean brokerAnswers, Decision expected, String notAnswering) {
        FakeProbe database = new FakeProbe("database", databaseAnswers);
        FakeProbe broker = new FakeProbe("broker", brokerAnswers);

        Throwable toWaitOut = FailureClassifier.toWaitOut(failure, List.of(database, broker));

        assertThat(toWaitOut == null ? Decision.COUNTS_TOWARDS_THE_DEAD_LETTER_QUEUE : Decision.WAITS_UNCOUNTED)
                .isEqualTo(expected);
        if (notAnswering != null) {
            assertThat(toWaitOut).hasMessageStartingWith(notAnswering + " not answering").hasCause(failure);
        }
        assertThat(broker.asked).as("the broker is asked only when the failure cannot tell and the database answers")
                .isEqualTo(FailureClassifier.classify(failure) == UNKNOWN && databaseAnswers);
    }

    /** A probe that answers as told and remembers whether it was asked. */
    private static final class FakeProbe implements InfrastructureProbe {
        private final String infrastructure;
        private final boolean answers;
        private boolean asked;

        FakeProbe(boolean answers) {
            this("database", answers);
        }

        FakeProbe(String infrastructure, boolean answers) {
            this.infrastructure = infrastructure;
            this.answers = answers;
        }

        @Override
        public String infrastructure() {
            return infrastructure;
        }

        @Override
        public Optional<String> notAnswering() {
            asked = true;
            return answers ? Optional.empty() : Optional.of(infrastructure + " refused the probe");
        }
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
