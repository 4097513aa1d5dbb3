package io.partnerhub.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

    @ParameterizedTest
    @CsvSource({
            "/api/exams, EXAM, /exams",
            "/api/exams/AZ-104, EXAM, /exams/AZ-104",
            "/api/exam-candidates/c-1/attempts, EXAM, /exam-candidates/c-1/attempts",
            "/api/certification-holdings/h-1/renewal-attempts, CERTIFICATION, /certification-holdings/h-1/renewal-attempts",
            "/api/certification-holdings/h-1/renewal-assessments, CERTIFICATION, /certification-holdings/h-1/renewal-assessments",
            "/api/assessments/caf/attempts, CERTIFICATION, /assessments/caf/attempts",
            "/api/assessment-attempts/a-1/answers/3, CERTIFICATION, /assessment-attempts/a-1/answers/3",
            "/api/shared-transcripts/XYZ, CERTIFICATION, /shared-transcripts/XYZ",
            "/api/badge-verifications, CERTIFICATION, /badge-verifications",
            "/api/.well-known/jwks.json, CERTIFICATION, /.well-known/jwks.json",
            "/api/competency-status/o-1, COMPETENCY, /competency-status/o-1",
            "/api/organization-credentials/.well-known/jwks.json, COMPETENCY, /organization-credentials/.well-known/jwks.json",
            "/api/organizations/o-1/users, MEMBERSHIP, /organizations/o-1/users",
            "/api/webhooks/w-1/deliveries, MEMBERSHIP, /webhooks/w-1/deliveries",
            "/api/partner-directory, MEMBERSHIP, /partner-directory",
            "/api/partner-directory/o-1, MEMBERSHIP, /partner-directory/o-1" })
    void routesByFirstSegment(String path, DownstreamService service, String downstream) {
        var route = RouteTable.resolve(path, null).orElseThrow();
        assertEquals(service, route.service());
        assertEquals(downstream, route.downstreamUri());
    }

    @ParameterizedTest
    @CsvSource({
            "/api/exams, , /api/exams",
            "/api/exams, page=2, /api/exams",
            "/api/exams/AZ-104, , /api/exams/{path}",
            "/api/exams/, , /api/exams/{path}",
            "/api/organizations/o-1/users, size=5, /api/organizations/{path}",
            "/api/.well-known/jwks.json, , /api/.well-known/{path}",
            "/api/assessment-attempts/a-1/submission, , /api/assessment-attempts/{path}" })
    void namesEachRouteByItsSegmentNotByItsIds(String path, String query, String template) {
        assertEquals(template, RouteTable.resolve(path, query).orElseThrow().template());
    }

    @Test
    void keepsTheRawQuery() {
        assertEquals("/certifications?page=1&size=a%20b",
                RouteTable.resolve("/api/certifications", "page=1&size=a%20b").orElseThrow().downstreamUri());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api", "/api/", "/api/unknown", "/api/exam", "/apix/exams", "/exams", "/api/admin/clock" })
    void findsNoRouteForSegmentsNoServiceOwns(String path) {
        assertTrue(RouteTable.resolve(path, null).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/exams/q/metrics", "/api/exams/AZ-104/q/openapi", "/api/exams/admin/clock",
            "/api/organizations/o-1/Admin", "/api/competency-status/o-1/Q" })
    void neverRoutesIntoAServicesOperationsEndpoints(String path) {
        assertTrue(RouteTable.resolve(path, null).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/exams/quiz", "/api/exams/Q1", "/api/organizations/o-1/administrators",
            "/api/organizations/admins", "/api/exams/AZ-104/qq" })
    void routesSegmentsThatOnlyLookLikeOperationsEndpoints(String path) {
        assertTrue(RouteTable.resolve(path, null).isPresent());
    }

    @Test
    void everySegmentHasExactlyOneOwner() {
        long segments = java.util.Arrays.stream(DownstreamService.values()).mapToLong(s -> s.segments().size()).sum();
        long distinct = java.util.Arrays.stream(DownstreamService.values()).flatMap(s -> s.segments().stream()).distinct().count();
        assertEquals(segments, distinct);
    }
}
