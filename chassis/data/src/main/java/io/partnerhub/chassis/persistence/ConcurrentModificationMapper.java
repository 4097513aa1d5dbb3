package io.partnerhub.chassis.persistence;

import java.util.Optional;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.chassis.problem.ProblemMappers;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.partnerhub.chassis.problem.Problems;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;

/**
 * Two writers met: the loser of an optimistic lock ({@code @Version}) or of a unique key taken by a concurrent request
 * gets 409 /concurrent-modification and may retry, instead of a 500. Only those two: the kind of a constraint violation
 * comes from Hibernate ({@link ConstraintViolationException#getKind()}, which the PostgreSQL dialect derives), never
 * from SQLState strings here.
 * <ul>
 *   <li>UNIQUE → 409 /concurrent-modification (the service checked first, so a duplicate reaching the database is a
 *       concurrent request that won).</li>
 *   <li>CHECK → 400 /invalid-request: a value the client sent breaks a rule of the data that validation missed (logged
 *       as a warning, so the missing validation gets added).</li>
 *   <li>NOT_NULL, FOREIGN_KEY, OTHER → 500 via {@link ProblemMappers#unexpected}: a service must validate required
 *       fields and check references (404) first; reaching these is a bug, never the client's fault.</li>
 * </ul>
 * A race that only surfaces at commit (Hibernate's flush in beforeCompletion, a deferred constraint) arrives wrapped
 * in the transaction manager's {@link RollbackException}; the cause decides the same way.
 */
public class ConcurrentModificationMapper {

    private final ObjectMapper mapper;
    private final ProblemMappers problems;

    public ConcurrentModificationMapper(ObjectMapper mapper, ProblemMappers problems) {
        this.mapper = mapper;
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpServerRequest request) {
        return lostOptimisticLock(request);
    }

    /** Hibernate's own form of a lost optimistic lock (e.g. a batched update that matched no row). */
    @ServerExceptionMapper
    public Response staleState(StaleStateException e, HttpServerRequest request) {
        return lostOptimisticLock(request);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        return forConstraint(e, e, request);
    }

    /** A JPA wrapper around a Hibernate exception (whatever wraps it, the cause decides). */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, HttpServerRequest request) {
        Optional<ConstraintViolationException> violation = Constraints.violation(e.getCause());
        if (violation.isPresent()) {
            return forConstraint(violation.get(), e, request);
        }
        if (Constraints.isLostOptimisticLock(e.getCause())) {
            return lostOptimisticLock(request);
        }
        return problems.unexpected(e, request);
    }

    /**
     * A race that surfaced at commit, after the resource method returned: Hibernate flushes dirty entities in the
     * transaction's beforeCompletion, and PostgreSQL checks a deferred constraint at COMMIT. The transaction manager
     * throws {@link RollbackException}, which ArC wraps when the method did not declare it; the cause decides, as for
     * {@link #persistence}. A database that stopped answering stays 503 ({@link ProblemMappers#unexpected}).
     */
    @ServerExceptionMapper
    public Response rolledBackAtCommit(RollbackException e, HttpServerRequest request) {
        return byCause(e, request);
    }

    /** ArC's wrapper for a checked exception a {@code @Transactional} method did not declare (see above). */
    @ServerExceptionMapper
    public Response undeclared(ArcUndeclaredThrowableException e, HttpServerRequest request) {
        return byCause(e, request);
    }

    /** {@code QuarkusTransaction.run/call}'s wrapper for a failed commit (see above). */
    @ServerExceptionMapper
    public Response programmaticTransaction(QuarkusTransactionException e, HttpServerRequest request) {
        return byCause(e, request);
    }

    /** What a constraint violation means for the client; see the class comment. */
    public static int statusFor(ConstraintKind kind) {
        if (kind == null) {
            return 500;
        }
        return switch (kind) {
            case UNIQUE -> 409;
            case CHECK -> 400;
            case NOT_NULL, FOREIGN_KEY, OTHER -> 500;
        };
    }

    private Response byCause(Throwable e, HttpServerRequest request) {
        if (Constraints.isUniqueViolation(e)) { // also a driver exception from COMMIT that Hibernate never saw
            Log.infof("unique key taken concurrently (seen at commit) on %s %s", request.method(), request.path());
            return uniqueKeyTaken(request);
        }
        Optional<ConstraintViolationException> violation = Constraints.violation(e);
        if (violation.isPresent()) {
            return forConstraint(violation.get(), e, request);
        }
        if (Constraints.isLostOptimisticLock(e)) {
            return lostOptimisticLock(request);
        }
        return problems.unexpected(e, request);
    }

    private Response uniqueKeyTaken(HttpServerRequest request) {
        return Problems.response(mapper, Problems.body(409, "concurrent-modification", "Concurrent modification",
                "Another request created the same resource at the same time; read it again.", request.path(), null));
    }

    private Response forConstraint(ConstraintViolationException violation, Throwable thrown, HttpServerRequest request) {
        return switch (statusFor(violation.getKind())) {
            case 409 -> {
                Log.infof("unique key %s taken concurrently on %s %s", violation.getConstraintName(), request.method(),
                        request.path());
                yield uniqueKeyTaken(request);
            }
            case 400 -> {
                Log.warnf("check constraint %s violated on %s %s: validation should have caught it",
                        violation.getConstraintName(), request.method(), request.path());
                yield Problems.response(mapper, Problems.body(400, "invalid-request", "Invalid request",
                        "A value in the request is outside what this resource accepts.", request.path(),
                        null));
            }
            default -> problems.unexpected(thrown, request);
        };
    }

    private Response lostOptimisticLock(HttpServerRequest request) {
        Log.infof("concurrent modification on %s %s", request.method(), request.path());
        return Problems.response(mapper, Problems.body(409, "concurrent-modification", "Concurrent modification",
                "Another request changed this resource at the same time; read it again and retry.", request.path(), null));
    }
}
