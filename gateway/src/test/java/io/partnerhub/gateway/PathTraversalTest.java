package io.partnerhub.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.partnerhub.devstack.test.TestKit;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Requests are sent over a raw socket ({@link RawHttp}) so that {@code ..} and percent-encodings reach the gateway
 * exactly as an attacker would send them. The stubs route on the normalised path like a real service, so before the
 * path check {@code /api/exams/../q/metrics} answered the exam stub's {@code /q/metrics}.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class PathTraversalTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void forgetWhatTheStubsSaw() {
        GatewayTestResource.forgetSeen();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api/exams/../q/metrics",
            "/api/exams/AZ-104/../../q/metrics",
            "/api/exams/%2e%2e/q/metrics",
            "/api/exams/%2E%2E/q/metrics",
            "/api/exams/.%2e/q/metrics",
            "/api/exams/%2e./q/metrics",
            "/api/exams/./AZ-104",
            "/api/exams/AZ-104/.",
            "/api/exams/AZ-104/..",
            "/api/exams/AZ%2e104",
            "/api/exams/..%2fq%2fmetrics",
            "/api/exams/..%2Fq%2Fmetrics",
            "/api/exams/..%5cq%5cmetrics",
            "/api/exams/..%5Cq%5Cmetrics",
            "/api/exams/..;/q/metrics",
            "/api/exams/AZ-104;jsessionid=1",
            "/api/exams/AZ-104%3b..",
            "/api/exams/%252e%252e/q/metrics",
            "/api/exams/%00/q/metrics",
            "/api/../q/metrics",
            "http://localhost/api/exams/../q/metrics",
            "http://localhost/api/exams/%2e%2e/q/metrics",
            "/api/exams/%2e%2e/%2e%2e/q/metrics" })
    void refusesDotSegmentsEncodedSeparatorsAndParametersWithoutForwarding(String target) {
        RawHttp.Response response = RawHttp.send(gateway.getPort(), "GET", target);

        assertEquals(400, response.status(), () -> target + " -> " + response);
        assertThat(response.header("Content-Type"), startsWith(PROBLEM));
        JsonPath problem = new JsonPath(response.body());
        assertEquals("https://partnerhub.io/problems/invalid-path", problem.getString("type"));
        assertEquals(400, problem.getInt("status"));
        assertThat(response.body(), not(containsString("stub_secret")));
        for (String service : new String[] { "exam", "certification", "competency", "membership" }) {
            assertThat(service + " stub saw " + target, GatewayTestResource.seenBy(service), empty());
        }
    }

    @org.junit.jupiter.api.Test
    void refusesARawBackslashWithoutForwarding() {
        // Vert.x's HTTP decoder itself refuses a request line with '\\' (400, no body) before any route runs
        RawHttp.Response response = RawHttp.send(gateway.getPort(), "GET", "/api/exams/..\\q\\metrics");

        assertEquals(400, response.status(), response::toString);
        assertThat(response.body(), not(containsString("stub_secret")));
        assertThat(GatewayTestResource.seenBy("exam"), empty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api/exams/q/metrics",
            "/api/exams/AZ-104/q/openapi",
            "/api/exams/admin/clock",
            "/api/organizations/o-1/admin/clock",
            "/api/competency-status/o-1/q/health",
            "/api/q/metrics",
            "/api/admin/other" })
    void neverForwardsServiceOperationsPaths(String target) {
        RawHttp.Response response = RawHttp.send(gateway.getPort(), "GET", target);

        assertEquals(404, response.status(), () -> target + " -> " + response);
        assertThat(response.header("Content-Type"), startsWith(PROBLEM));
        assertEquals("https://partnerhub.io/problems/not-found", new JsonPath(response.body()).getString("type"));
        for (String service : new String[] { "exam", "certification", "competency", "membership" }) {
            assertThat(service + " stub saw " + target, GatewayTestResource.seenBy(service), empty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api/exams/AZ-104|/exams/AZ-104",
            "/api/exams/AZ-104.v2|/exams/AZ-104.v2",
            "/api/exams/...|/exams/...",
            "/api/shared-transcripts/a%20b|/shared-transcripts/a%20b",
            "/api/exams//AZ-104|/exams/AZ-104",
            "/api/exams/AZ-104?next=../q/metrics&x=%2e%2e%2f|/exams/AZ-104?next=../q/metrics&x=%2e%2e%2f" })
    void forwardsOrdinaryPathsNormalisedWithTheirQueryUntouched(String targetAndForwarded) {
        String target = targetAndForwarded.split("\\|")[0];
        String forwarded = targetAndForwarded.split("\\|")[1];
        RawHttp.Response response = RawHttp.send(gateway.getPort(), "GET", target);

        assertEquals(200, response.status(), () -> target + " -> " + response);
        String service = new JsonPath(response.body()).getString("service");
        assertEquals(java.util.List.of(forwarded), GatewayTestResource.seenBy(service));
    }

    @org.junit.jupiter.api.Test
    void stillMovesEveryServiceClockButNeverForwardsToTheirAdminPaths() {
        RawHttp.Response response = RawHttp.send(gateway.getPort(), "GET", "/api/admin/clock",
                "Authorization: Bearer " + io.partnerhub.devstack.test.TestTokens.ops());
        assertEquals(200, response.status(), response::toString);
        assertThat(new JsonPath(response.body()).getList("services"), not(empty()));
        assertEquals(java.util.List.of("/admin/clock"), GatewayTestResource.seenBy("exam"));
        assertThat(response.body(), not(containsString("stub_secret")));
        assertThat(new JsonPath(response.body()).getString("services[0].service"), equalTo("exam-service"));
    }
}
