package io.partnerhub.chassis.paging;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging query parameters of every list endpoint, as one {@code @Valid @BeanParam PageRequest paging} parameter:
 * {@code page} from 0 to {@value #MAX_PAGE} (400 outside), {@code size} from 1 (400 below), default {@value #DEFAULT_SIZE},
 * larger sizes capped at {@value #MAX_SIZE}. {@link #offset()} is computed in {@code long}, so no page × size overflows;
 * with the caps it also fits an {@code int} ({@link #firstResult()}, what JPA and Panache take).
 * <pre>{@code
 * public Response list(@Valid @BeanParam PageRequest paging) {
 *     return paging.respond(service.list(paging.page(), paging.size()), service.count());
 * }
 * }</pre>
 * The fields are {@code long} so that any number a client types (up to 19 digits) reaches validation and answers
 * 400 /validation-failed instead of failing conversion.
 */
public class PageRequest {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** 10 million rows at the largest size: more than any list here holds, and page × size stays an int. */
    public static final int MAX_PAGE = 100_000;
    public static final String TOTAL_COUNT_HEADER = "X-Total-Count";

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Max(value = MAX_PAGE, message = "must be at most " + MAX_PAGE)
    @Parameter(description = "Page number, from 0 (at most " + MAX_PAGE + ")")
    long page;

    @QueryParam("size")
    @DefaultValue("" + DEFAULT_SIZE)
    @Min(value = 1, message = "must be 1 or more")
    @Parameter(description = "Page size, default " + DEFAULT_SIZE + "; sizes above " + MAX_SIZE + " are capped at " + MAX_SIZE)
    long size;

    public PageRequest() {
        this(0, DEFAULT_SIZE);
    }

    private PageRequest(long page, long size) {
        this.page = page;
        this.size = size;
    }

    /** A page request built in code; validate it like a bound one ({@link #isValid()}). */
    public static PageRequest of(long page, long size) {
        return new PageRequest(page, size);
    }

    /** The validation constraints of the fields, checked in code (for callers that build one themselves). */
    public boolean isValid() {
        return page >= 0 && page <= MAX_PAGE && size >= 1;
    }

    /** The page number, 0 to {@value #MAX_PAGE} once validated. */
    public int page() {
        return (int) Math.max(0, Math.min(page, MAX_PAGE));
    }

    /** The page size, 1 to {@value #MAX_SIZE}. */
    public int size() {
        return (int) Math.max(1, Math.min(size, MAX_SIZE));
    }

    /** Rows to skip: {@code page × size} in long arithmetic. */
    public long offset() {
        return (long) page() * size();
    }

    /** {@link #offset()} as the int JPA's {@code setFirstResult} takes; at most {@value #MAX_PAGE} × {@value #MAX_SIZE}. */
    public int firstResult() {
        return Math.toIntExact(offset());
    }

    /** 200 with the page as a JSON array and the total in {@value #TOTAL_COUNT_HEADER}. */
    public <T> Response respond(List<T> items, long total) {
        return withTotal(Response.ok(items), total).build();
    }

    /** Adds {@value #TOTAL_COUNT_HEADER} to a response being built. */
    public static Response.ResponseBuilder withTotal(Response.ResponseBuilder response, long total) {
        return response.header(TOTAL_COUNT_HEADER, total);
    }

    @Override
    public String toString() {
        return "page " + page + ", size " + size;
    }
}
