package io.partnerhub.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a request met when the database did not answer (the crash drill's 500s, issue #26) and what it did not. */
class DatabaseUnavailableTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("connection refused while PostgreSQL is down",
                        wrapped(new SQLException("Connection to localhost:15432 refused", "08001", new ConnectException("Connection refused"))), true),
                Arguments.of("broken pipe on a pooled connection after a crash",
                        wrapped(new SQLException("An I/O error occurred while sending to the backend.", "08006", new SocketException("Broken pipe"))), true),
                Arguments.of("not yet accepting connections (WAL replay)",
                        wrapped(new SQLException("FATAL: the database system is not yet accepting connections", "57P03")), true),
                Arguments.of("terminating connection due to administrator command", new SQLException("terminating", "57P01"), true),
                Arguments.of("too many connections", new SQLException("sorry, too many clients already", "53300"), true),
                Arguments.of("the pool's acquisition timeout", new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection")), true),
                Arguments.of("a unique violation is the client's or the code's", wrapped(new SQLException("duplicate key", "23505")), false),
                Arguments.of("a syntax error is a bug", new SQLException("syntax error", "42601"), false),
                Arguments.of("a serialization failure is retried inside, not a database outage", new SQLException("could not serialize", "40001"), false),
                Arguments.of("a plain bug", new IllegalStateException("boom"), false),
                Arguments.of("a cycle in the cause chain ends the walk", cyclic(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void answers503OnlyWhenTheDatabaseDidNotAnswer(String what, Throwable failure, boolean unavailable) {
        assertThat(DatabaseUnavailable.in(failure)).isEqualTo(unavailable);
    }

    /** As Hibernate and Quarkus' transaction interceptor hand it on. */
    private static Throwable wrapped(SQLException cause) {
        return new RuntimeException("JDBC exception executing SQL", new IllegalStateException("in transaction", cause));
    }

    private static Throwable cyclic() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        return a;
    }
}
