package io.partnerhub.chassis.events;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Tells from a failure alone what kind it is, looking at the whole cause chain (a handler that wraps a connection
 * error in its own exception is still transient). What the failure cannot tell, the {@link InfrastructureProbe}s do
 * (the {@link DatabaseProbe}, then the {@link BrokerProbe}): an {@link Kind#UNKNOWN} failure (a handler bug, or an
 * infrastructure error this class has never heard of, such as PostgreSQL's 55000 "database is not currently accepting
 * connections") counts as an attempt only while the database and the broker answer ({@link #toWaitOut}).
 * <p>
 * The one failure taxonomy of the event pipeline: the consumers' three kinds above, and on the publishing side what a
 * Kafka producer's failure means for an outbox row ({@link #refusedForGood}) and for the producer itself
 * ({@link #producerUnusable}). Any other send failure is retried by the relay's next pass.
 */
public final class FailureClassifier {

    public enum Kind {
        /** Known to go away by itself (database restarting, pool exhausted, lock lost): wait and retry, uncounted. */
        TRANSIENT,
        /** Fails the same way every time (unparseable event, validation, constraint, data error): bounded attempts. */
        DETERMINISTIC,
        /** Neither: bounded attempts, counted only while the database and the broker answer their probes. */
        UNKNOWN
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
    /** serialization failure, deadlock, lock not available, query canceled (statement timeout), read-only transaction (a standby after a failover). */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01", "55P03", "57014", "25006");

    /**
     * Deterministic causes win over the wrappers around them: a transaction rolled back at commit because of a unique
     * or check violation fails the same way every time, although a rollback as such may be transient (a timeout).
     * SQLState classes: data exception, integrity constraint violation, syntax error or access rule violation.
     */
    private static final List<String> DETERMINISTIC_SQL_STATE_PREFIXES = List.of("22", "23", "42");
    private static final Set<String> DETERMINISTIC_TYPES = Set.of(
            "org.hibernate.exception.ConstraintViolationException",
            "org.hibernate.exception.DataException",
            "org.hibernate.exception.SQLGrammarException",
            "jakarta.validation.ConstraintViolationException",
            "com.fasterxml.jackson.core.JsonProcessingException"); // unparseable or unmappable event data

    private FailureClassifier() {
    }

    public static Kind classify(Throwable failure) {
        if (anyInChain(failure, FailureClassifier::isDeterministic)) {
            return Kind.DETERMINISTIC;
        }
        return anyInChain(failure, FailureClassifier::isTransient) ? Kind.TRANSIENT : Kind.UNKNOWN;
    }

    /**
     * The consumer's decision: the failure to wait out, uncounted, or null when the attempt counts. Transient failures
     * are waited out without asking, deterministic ones count without asking, and the probes decide for the others:
     * the first that does not answer makes it a failure to wait out.
     */
    static Throwable toWaitOut(Throwable failure, List<? extends InfrastructureProbe> probes) {
        return switch (classify(failure)) {
            case TRANSIENT -> failure;
            case DETERMINISTIC -> null;
            case UNKNOWN -> notAnswering(failure, probes).orElse(null);
        };
    }

    /** {@code failure} as met while the first of {@code probes} that does not answer did not, or empty if all answer. */
    static Optional<Throwable> notAnswering(Throwable failure, List<? extends InfrastructureProbe> probes) {
        for (InfrastructureProbe probe : probes) {
            Optional<String> why = probe.notAnswering();
            if (why.isPresent()) {
                return Optional.of(new InfrastructureNotAnswering(probe, why.get(), failure));
            }
        }
        return Optional.empty();
    }

    /** Kafka will refuse this record whatever we do (too large, serialization, invalid topic): the outbox row fails. */
    static boolean refusedForGood(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof SerializationException || e instanceof InvalidTopicException;
    }

    /** The producer cannot be used any more (fenced, sequence lost, credentials, closed): build a new one. */
    static boolean producerUnusable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof OutOfOrderSequenceException
                    || t instanceof InvalidProducerEpochException || t instanceof UnknownProducerIdException
                    || t instanceof AuthenticationException || t instanceof AuthorizationException
                    || t instanceof UnsupportedVersionException
                    || (t instanceof KafkaException && String.valueOf(t.getMessage()).contains("closed"))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause. */
    static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** For log lines and readiness: the failure, and its root cause when that is another one. */
    static String describe(Throwable e) {
        Throwable root = rootCause(e);
        return root == e ? e.toString() : e + " (cause: " + root + ")";
    }

    private static boolean anyInChain(Throwable failure, Predicate<Throwable> test) {
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
                && DETERMINISTIC_SQL_STATE_PREFIXES.stream().anyMatch(sql.getSQLState()::startsWith)) {
            return true;
        }
        return isA(t, DETERMINISTIC_TYPES);
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
        return isA(t, TRANSIENT_TYPES);
    }

    private static boolean isA(Throwable t, Set<String> typeNames) {
        for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (typeNames.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
