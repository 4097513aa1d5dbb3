package io.partnerhub.chassis.problem;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every error a JAX-RS endpoint can produce, as {@code application/problem+json}. Mappers for the exact exception
 * types the framework's built-in mappers use, so these win (user mappers have the higher priority).
 */
@ApplicationScoped
public class ProblemMappers {

    private final ObjectMapper mapper;

    public ProblemMappers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response domain(DomainException e, HttpServerRequest request) {
        Response problem = Problems.response(mapper,
                Problems.body(e.status(), e.typeSlug(), e.title(), e.detail(), request.path(), e.extensions()));
        if (e.retryAfterSeconds().isEmpty()) {
            return problem;
        }
        return Response.fromResponse(problem)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds().getAsLong())).build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<Map<String, Object>> violations = new ArrayList<>();
        boolean returnValue = false;
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            returnValue |= ViolationPaths.isReturnValue(violation.getPropertyPath());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("field", ViolationPaths.field(violation.getPropertyPath()));
            v.put("message", violation.getMessage());
            violations.add(v);
        }
        if (returnValue) { // our response broke its own contract: a server error
            return unexpected(e, request);
        }
        violations.sort(Comparator.comparing(v -> String.valueOf(v.get("field"))));
        String detail = violations.size() == 1
                ? violations.get(0).get("field") + ": " + violations.get(0).get("message")
                : violations.size() + " fields are invalid";
        return Problems.response(mapper, Problems.body(400, "validation-failed", "Validation failed", detail,
                request.path(), Map.of("violations", violations)));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpServerRequest request) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return malformed("The request body is not valid JSON" + where + ": " + e.getOriginalMessage(), request);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return malformed(JsonErrors.describe(e), request);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, HttpServerRequest request) {
        return malformed(JsonErrors.describe(e), request);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, HttpServerRequest request) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String field = JsonErrors.path(e);
        return malformed((field.isEmpty() ? "Invalid request body" : "Invalid value for '" + field + "'") + ": "
                + cause.getMessage(), request);
    }

    /** U+0000 in a JSON string (chassis {@code NulRefusingJson}): 400 {@code invalid-character}, naming the field. */
    @ServerExceptionMapper
    public Response invalidCharacterInJson(InvalidCharacterInJson e, HttpServerRequest request) {
        String field = JsonErrors.path(e);
        String detail = field.isEmpty() ? e.getOriginalMessage()
                : "Field '" + field + "' contains the character U+0000, which is not accepted";
        return Problems.response(mapper, Problems.body(400, InvalidCharacter.TYPE, InvalidCharacter.TITLE, detail,
                request.path(), field.isEmpty() ? null : Map.of("field", field)));
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, HttpServerRequest request) {
        if (e instanceof InvalidCharacterInJson invalid) {
            return invalidCharacterInJson(invalid, request);
        }
        if (e instanceof InvalidDefinitionException) {
            return unexpected(e, request);
        }
        return malformed(JsonErrors.describe(e), request);
    }

    /**
     * A date or time out of the range java.time can represent or compute with (a year such as +1000000000, or arithmetic
     * on an extreme value a client sent): the client's input, so 400. Request records carry {@code @StorableInstant} /
     * {@code @StorableDate}, which answer 400 /validation-failed first; this catches what slips past them.
     */
    @ServerExceptionMapper
    public Response dateTime(DateTimeException e, HttpServerRequest request) {
        Log.debugf(e, "date/time out of range on %s %s", request.method(), request.path());
        return Problems.response(mapper, Problems.body(400, "invalid-request", "Invalid request",
                "A date or time in the request is out of range (years 1900-9999 are accepted): " + e.getMessage(),
                request.path(), null));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return malformed("The request body could not be read: " + e.getOriginalMessage(), request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthorized(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return Problems.response(mapper, Problems.body(403, "forbidden", "Forbidden",
                "Your role does not allow this operation", request.path(), null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonParseException parse) { // quarkus-rest wraps body parse errors
            return malformedJson(parse, request);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, request);
        }
        if (e instanceof NotFoundException && isConversionFailure(e.getCause())) {
            // quarkus-rest answers a query/path parameter it cannot convert (page=99999999999999999999, size=abc)
            // with 404, as JAX-RS says; the resource exists, the client's value is wrong: 400
            return Problems.response(mapper, Problems.body(400, "invalid-request", "Invalid request",
                    "A query or path parameter has a value that is not valid for its type: " + e.getCause().getMessage(),
                    request.path(), null));
        }
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status < 400) {
            return original;
        }
        if (original.hasEntity()) {
            return original; // someone built their own error body on purpose
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        String[] generic = Problems.generic(status);
        String detail = switch (status) {
            case 404 -> "No resource at " + request.path();
            case 405 -> "Method " + request.method() + " is not allowed on " + request.path();
            case 406 -> "No representation of " + request.path() + " matches the Accept header "
                    + request.getHeader(HttpHeaders.ACCEPT);
            case 415 -> "Content type " + request.getHeader(HttpHeaders.CONTENT_TYPE) + " is not supported by "
                    + request.path();
            default -> e.getMessage();
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problems.MEDIA_TYPE)
                .entity(Problems.json(mapper, Problems.body(status, generic[0], generic[1], detail, request.path(), null)));
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value)); // e.g. Allow on 405
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        // the request's OpenTelemetry trace id, so that the problem leads to the trace and its log lines
        io.opentelemetry.api.trace.SpanContext span = io.opentelemetry.api.trace.Span.current().getSpanContext();
        String traceId = span.isValid() ? span.getTraceId() : UUID.randomUUID().toString().replace("-", "");
        if (DatabaseUnavailable.in(e)) { // the same request succeeds once the database answers again: 503, not 500
            Log.warnf("Database unavailable on %s %s (traceId %s): %s", request.method(), request.path(), traceId, e);
            return Response.fromResponse(Problems.response(mapper, Problems.body(503, "service-unavailable",
                    "Service unavailable", "The database does not answer; try again in a moment", request.path(),
                    Map.of("traceId", traceId, "retryAfterSeconds", DatabaseUnavailable.RETRY_AFTER_SECONDS))))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        Log.errorf(e, "Unexpected error on %s %s (traceId %s)", request.method(), request.path(), traceId);
        return Problems.response(mapper, Problems.body(500, "internal-error", "Internal error",
                "An unexpected error occurred; quote traceId " + traceId + " when reporting it", request.path(),
                Map.of("traceId", traceId)));
    }

    private static boolean isConversionFailure(Throwable cause) {
        return cause instanceof IllegalArgumentException || cause instanceof DateTimeException
                || cause instanceof ArithmeticException;
    }

    private Response unauthorized(HttpServerRequest request) {
        return Response.fromResponse(Problems.response(mapper, Problems.body(401, "unauthorized",
                "Authentication required", "A valid bearer token is required", request.path(), null)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response malformed(String detail, HttpServerRequest request) {
        return Problems.response(mapper,
                Problems.body(400, "malformed-request", "Malformed request", detail, request.path(), null));
    }
}
