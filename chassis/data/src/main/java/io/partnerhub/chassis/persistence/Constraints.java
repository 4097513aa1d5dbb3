package io.partnerhub.chassis.persistence;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * The one place a service asks "did this write lose a uniqueness race?": a service checks for a duplicate first, so a
 * unique key violated at flush means a concurrent request took the key, and the service answers with its own 409.
 * The kind comes from Hibernate ({@link ConstraintViolationException#getKind()}, derived by the PostgreSQL dialect);
 * SQLState 23505 (unique_violation) in the cause chain covers a driver exception Hibernate did not translate. Also
 * here: a lost optimistic lock, the other way two writers meet.
 */
public final class Constraints {

    /** PostgreSQL's unique_violation. */
    public static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    /** Whether a unique key (or unique index) was violated anywhere in the cause chain of {@code failure}. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof ConstraintViolationException violation && violation.getKind() == ConstraintKind.UNIQUE) {
                return true;
            }
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether an optimistic lock ({@code @Version}) was lost to a concurrent writer anywhere in the cause chain. */
    public static boolean isLostOptimisticLock(Throwable failure) {
        return chain(failure).stream().anyMatch(t -> t instanceof OptimisticLockException || t instanceof StaleStateException);
    }

    /** The first constraint violation Hibernate reports in the cause chain of {@code failure}. */
    public static Optional<ConstraintViolationException> violation(Throwable failure) {
        return chain(failure).stream().filter(ConstraintViolationException.class::isInstance)
                .map(ConstraintViolationException.class::cast).findFirst();
    }

    /** The name of the constraint Hibernate reports as violated in the cause chain, if it names one. */
    public static Optional<String> violatedConstraint(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return Optional.of(violation.getConstraintName());
            }
        }
        return Optional.empty();
    }

    /**
     * The failure, its causes and what each suppressed, each once (a cause chain may loop back on itself). Suppressed
     * exceptions count: Narayana reports the driver's error from a failed COMMIT as suppressed by its RollbackException.
     */
    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        ArrayDeque<Throwable> next = new ArrayDeque<>();
        if (failure != null) {
            next.add(failure);
        }
        while (!next.isEmpty()) {
            Throwable t = next.poll();
            if (!seen.add(t)) {
                continue;
            }
            chain.add(t);
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            next.addAll(List.of(t.getSuppressed()));
        }
        return chain;
    }
}
