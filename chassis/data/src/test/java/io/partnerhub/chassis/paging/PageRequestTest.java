package io.partnerhub.chassis.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnerhub.chassis.testing.BeanValidation;

class PageRequestTest {

    @RegisterExtension
    static final BeanValidation validation = new BeanValidation();

    Set<String> invalidFields(PageRequest request) {
        return validation.violations(request, v -> v.getPropertyPath().toString());
    }

    @ParameterizedTest(name = "page {0}, size {1} -> offset {2}, size {3}")
    @CsvSource({
            "0, 20, 0, 20",
            "3, 20, 60, 20",
            "1, 1, 1, 1",
            "2, 1000, 200, 100",                 // sizes above 100 are capped, the offset uses the capped size
            "100000, 100, 10000000, 100",        // the largest page
            "7, 2147483647, 700, 100"})
    void offsetIsPageTimesCappedSize(long page, long size, long offset, int effectiveSize) {
        PageRequest request = PageRequest.of(page, size);
        assertTrue(request.isValid());
        assertEquals(Set.of(), invalidFields(request));
        assertEquals(effectiveSize, request.size());
        assertEquals(offset, request.offset());
        assertEquals(offset, request.firstResult());
    }

    @ParameterizedTest(name = "page {0}, size {1} is rejected on {2}")
    @CsvSource({
            "-1, 20, page",
            "21474837, 100, page",                // the gateway reproduction: page × size overflowed int
            "100001, 20, page",
            "9223372036854775807, 20, page",
            "0, 0, size",
            "0, -5, size"})
    void pageOutsideZeroToMaxOrSizeBelowOneIsInvalid(long page, long size, String field) {
        PageRequest request = PageRequest.of(page, size);
        assertFalse(request.isValid());
        assertEquals(Set.of(field), invalidFields(request));
    }

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        PageRequest request = new PageRequest();
        assertEquals(0, request.page());
        assertEquals(20, request.size());
        assertEquals(0L, request.offset());
    }

    @Test
    void respondPutsTheTotalInXTotalCount() {
        try (Response response = PageRequest.of(0, 20).respond(List.of("a", "b"), 42)) {
            assertEquals(200, response.getStatus());
            assertEquals("42", String.valueOf(response.getHeaders().getFirst(PageRequest.TOTAL_COUNT_HEADER)));
            assertEquals(List.of("a", "b"), response.getEntity());
        }
    }
}
