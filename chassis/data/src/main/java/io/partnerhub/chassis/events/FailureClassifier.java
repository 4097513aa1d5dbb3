package io.partnerhub.chassis.events;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure that may go away by itself (database restarting, pool exhausted, transaction timed out, lock or
 * optimistic-lock lost) from one that will fail the same way every time (unparseable event, a handler's validation or
 * mapping error). The whole cause chain is looked at: a handler that wraps a connection error in its own exception is
 * still transient.
 */
public final class FailureClassifier {

    public enum Kind {
        /** Retry without limit, in order, with back-off. */
        TRANSIENT,
        /** Bounded attempts, then the dead-letter queue. */
        PERMANENT
    }

    /** Exception types (or supertypes), by name so that no optional library is needed at runtime. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "jakarta.transaction.RollbackException",
            "jakarta.transaction.HeuristicMixedException",
            "jakarta.transaction.HeuristicRollbackException",
            "jakarta.transaction.SystemException",
            "jakarta.persistence.OptimisticLockException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.QueryTimeoutException",
            "org.hibernate.StaleStateException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException",
            "org.hibernate.dialect.lock.PessimisticEntityLockException");

    /** SQLState classes: connection exception, operator intervention (shutdown), insufficient resources. */
    private static final List<String> TRANSIENT_SQL_STATE_PREFIXES = List.of("08", "57P", "53");
    /** serialization failure, deadlock, lock not available, query canceled (statement timeout). */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01", "55P03", "57014");

    private FailureClassifier() {
    }

    /**
     * Deterministic causes win over the wrappers around them: a transaction rolled back at commit because of a unique
     * or check violation fails the same way every time, although a rollback as such may be transient (a timeout).
     */
    private static final List<String> PERMANENT_SQL_STATE_PREFIXES = List.of("22", "23", "42");
    private static final Set<String> PERMANENT_TYPES = Set.of(
            "org.hibernate.exception.ConstraintViolationException",
            "org.hibernate.exception.DataException",
            "org.hibernate.exception.SQLGrammarException",
            "jakarta.validation.ConstraintViolationException");

    public static Kind classify(Throwable failure) {
        if (anyInChain(failure, FailureClassifier::isDeterministic)) {
            return Kind.PERMANENT;
        }
        return anyInChain(failure, FailureClassifier::isTransient) ? Kind.TRANSIENT : Kind.PERMANENT;
    }

    private static boolean anyInChain(Throwable failure, java.util.function.Predicate<Throwable> test) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (seen.add(suppressed) && test.test(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDeterministic(Throwable t) {
        if (t instanceof SQLException sql && sql.getSQLState() != null
                && PERMANENT_SQL_STATE_PREFIXES.stream().anyMatch(sql.getSQLState()::startsWith)) {
            return true;
        }
        for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (PERMANENT_TYPES.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof ConnectException || t instanceof SocketTimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (TRANSIENT_SQL_STATES.contains(state)
                    || TRANSIENT_SQL_STATE_PREFIXES.stream().anyMatch(state::startsWith))) {
                return true;
            }
            String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("acquisition timeout")) { // Agroal: pool exhausted or database unreachable
                return true;
            }
        }
        for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
