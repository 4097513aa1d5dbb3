package io.partnerhub.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaneTest {

    @ParameterizedTest(name = "{0} Accept: {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            "/api/competency-status/org-1/changes, none, STREAM",
            "/api/competency-status/org-1/changes, application/json, STREAM",
            "/api/competency-status/org-1, none, ORDINARY",
            "/api/competency-status/org-1/az-104, none, ORDINARY",
            "/api/competency-status/org-1/az-104/changes, none, ORDINARY",
            "/api/competency-status//changes, none, ORDINARY",
            "/api/competency-status/changes, none, ORDINARY",
            "/api/competencies/org-1/changes, none, ORDINARY",
            "/api/exams, text/event-stream, STREAM",
            "/api/exams, 'application/json, Text/Event-Stream;q=0.5', STREAM",
            "/api/exams, application/json, ORDINARY",
            "/api/exams, none, ORDINARY" })
    void streamsHaveALaneOfTheirOwn(String path, String accept, Lane lane) {
        assertEquals(lane, Lane.of(path, accept));
    }
}
