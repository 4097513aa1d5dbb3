package io.partnerhub.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.partnerhub.gateway.domain.RequestPath.Invalid;
import io.partnerhub.gateway.domain.RequestPath.Valid;

class RequestPathTest {

    @ParameterizedTest
    @ValueSource(strings = { "/api/exams/../q/metrics", "/api/exams/..", "/api/exams/.", "/api/./exams", "/..",
            "/api/exams/%2e%2e/q/metrics", "/api/exams/%2E%2E/q", "/api/exams/.%2e/q", "/api/exams/%2e./q",
            "/api/exams/AZ%2e104", "/api/exams/a%2fb", "/api/exams/a%2Fb", "/api/exams/a%5cb", "/api/exams/a%5Cb",
            "/api/exams/a;b", "/api/exams/..;/q", "/api/exams/a%3bb", "/api/exams/%252e%252e", "/api/exams/a%00",
            "/api/exams/a%0a", "/api/exams/a\\b", "/api/exams/a%2", "/api/exams/a%zz", "/api/exams//..//q", "api/exams", "" })
    void refuses(String raw) {
        assertInstanceOf(Invalid.class, RequestPath.check(raw));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/exams/AZ-104, /api/exams/AZ-104",
            "/api/exams/AZ-104.v2, /api/exams/AZ-104.v2",
            "/api/exams/..., /api/exams/...",
            "/api/exams/.well-known, /api/exams/.well-known",
            "/api/shared-transcripts/a%20b, /api/shared-transcripts/a%20b",
            "/api/exams//AZ-104, /api/exams/AZ-104",
            "/api/exams/, /api/exams/",
            "/, /" })
    void acceptsAndNormalises(String raw, String normalised) {
        assertEquals(new Valid(normalised), RequestPath.check(raw));
    }
}
