package io.partnerhub.chassis.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;

/**
 * Two writers met on one row (optimistic locking, {@code @Version}): the loser gets 409 /concurrent-modification and
 * may retry, instead of a 500. A service's write methods should flush before returning so that the conflict
 * surfaces as this exception and not at commit (after the response is chosen).
 */
public class ConcurrentModificationMapper {

    private final ObjectMapper mapper;

    public ConcurrentModificationMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpServerRequest request) {
        Log.infof("concurrent modification on %s %s", request.method(), request.path());
        return Problems.response(mapper, Problems.body(409, "concurrent-modification", "Concurrent modification",
                "Another request changed this resource at the same time; read it again and retry.", request.path(), null));
    }

    /** A unique key taken by a concurrent request (e.g. two creates of one exam code). */
    @ServerExceptionMapper
    public Response uniqueKey(org.hibernate.exception.ConstraintViolationException e, HttpServerRequest request) {
        Log.infof("unique key taken concurrently on %s %s: %s", request.method(), request.path(), e.getConstraintName());
        return Problems.response(mapper, Problems.body(409, "concurrent-modification", "Concurrent modification",
                "Another request created the same resource at the same time; read it again.", request.path(), null));
    }
}
