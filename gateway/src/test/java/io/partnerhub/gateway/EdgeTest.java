package io.partnerhub.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Header hygiene, streaming (server-sent events, chunked bodies), CORS at the edge. */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class EdgeTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void replacesForwardingHeadersAClientSentWithItsOwn() {
        given().header("X-Forwarded-For", "10.9.9.9").header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=10.9.9.9").header("X-Real-IP", "10.9.9.9")
                .when().get("/api/exams/AZ-104")
                .then().statusCode(200)
                .body("forwardedFor", equalTo("127.0.0.1"))
                .body("forwardedHost", not(equalTo("evil.example")))
                .body("forwarded", nullValue())
                .body("realIp", nullValue())
                .body("forwardedPrefix", equalTo("/api"));
    }

    @Test
    void dropsHeadersTheClientNamesInConnectionAndKeepsTraceContext() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().header("Connection", "keep-alive, X-Hop").header("X-Hop", "secret").header("traceparent", traceparent)
                .when().get("/api/exams/AZ-104")
                .then().statusCode(200)
                .body("connectionNamed", nullValue())
                .body("traceparent", org.hamcrest.Matchers.startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"))
                // the gateway's own span is the parent the service sees
                .body("traceparent", not(equalTo(traceparent)));
        // without one from the client, the service still gets the gateway's trace context
        given().when().get("/api/exams/AZ-104")
                .then().statusCode(200)
                .body("traceparent", org.hamcrest.Matchers.matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
    }

    @Test
    void replacesARequestIdThatIsNotAnId() {
        given().header("X-Request-Id", "abc-123").when().get("/api/exams/AZ-104")
                .then().statusCode(200).body("requestId", equalTo("abc-123"));
        given().header("X-Request-Id", "x".repeat(100)).when().get("/api/exams/AZ-104")
                .then().statusCode(200).body("requestId", not(equalTo("x".repeat(100))));
    }

    @Test
    void streamsServerSentEventsAsTheServiceSendsThem() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(gateway.toURI().resolve("/api/exams/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse(""));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertEquals("data: first", lines.readLine());
            long firstAfter = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(firstAfter < 1200, "the first event arrived after " + firstAfter + " ms: it was held back");
            assertEquals("", lines.readLine());
            // the second comes 1.5 s later: longer than the gateway's 1 s timeout, which is on the headers only
            assertEquals("data: second", lines.readLine());
        }
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWhileStreaming() throws Exception {
        byte[] big = new byte[300 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(gateway.toURI().resolve("/api/exam-results"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("payload-too-large"), response.body());
    }

    @Test
    void passesAChunkedBodyUnderTheLimit() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(gateway.toURI().resolve("/api/exam-results"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{\"a\":1}".getBytes()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("{\\\"a\\\":1}"), response.body());
    }

    @Test
    void passesABodyOfUnknownLengthFromAClientThatAsksForHttp2() throws Exception {
        // the JDK client asks for HTTP/2 (h2c) with a body of unknown length; the chassis turns h2c off
        // (quarkus.http.http2=false), so the gateway answers HTTP/1.1 and reads the body chunked
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build().send(
                HttpRequest.newBuilder(gateway.toURI().resolve("/api/exam-results"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{\"b\":2}".getBytes()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("{\\\"b\\\":2}"), response.version() + " " + response.body());
    }

    @Test
    void answersThePortalsPreflightAtTheEdge() {
        GatewayTestResource.forgetSeen();
        given().header("Origin", GatewayTestResource.PORTAL_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/exam-registrations")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", GatewayTestResource.PORTAL_ORIGIN)
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"));
        assertEquals(java.util.List.of(), GatewayTestResource.seenBy("exam"), "a preflight must not reach the service");
    }

    @Test
    void letsThePortalReadAnswersAndOwnsTheCorsHeaders() {
        given().header("Origin", GatewayTestResource.PORTAL_ORIGIN).when().get("/api/exams/AZ-104")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", GatewayTestResource.PORTAL_ORIGIN) // not the service's "*"
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("RateLimit"));
    }

    @Test
    void refusesOtherOriginsWithAProblem() {
        GatewayTestResource.forgetSeen();
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "DELETE")
                .when().options("/api/exams/AZ-104")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/origin-not-allowed"))
                .body("detail", org.hamcrest.Matchers.containsString("https://evil.example"))
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{}").when().delete("/api/exams/AZ-104")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/origin-not-allowed"));
        // the gateway's own origin on another port is another origin
        given().header("Origin", "http://localhost:1").when().get("/api/exams/AZ-104")
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(java.util.List.of(), GatewayTestResource.seenBy("exam"), "a refused origin must not reach the service");
    }

    @Test
    void letsThePortalItServesCallTheApiFromItsOwnOrigin() {
        // browsers send Origin on same-origin POSTs too: the portal at / must not be refused
        given().header("Origin", "http://localhost:" + io.restassured.RestAssured.port).when().get("/api/exams/AZ-104")
                .then().statusCode(200);
    }

    @Test
    void leavesTheRootAndStaticPathsToTheGateway() {
        GatewayTestResource.forgetSeen();
        // the partner portal lives there, served by the gateway itself: no service sees these requests
        given().when().get("/").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"));
        given().when().get("/index.html").then().statusCode(200);
        given().when().get("/no-such-page.html").then().statusCode(404);
        for (String service : new String[] { "exam", "certification", "competency", "membership" }) {
            assertEquals(java.util.List.of(), GatewayTestResource.seenBy(service));
        }
    }

    @Test
    void recoversWhenADownServiceComesBack() {
        GatewayTestResource.switchStub("competency", false);
        try {
            given().when().get("/api/competencies").then().statusCode(503).contentType(PROBLEM)
                    .header("Retry-After", "5");
        } finally {
            GatewayTestResource.switchStub("competency", true);
        }
        given().when().get("/api/competencies").then().statusCode(200).body("service", equalTo("competency"));
    }

    static URI uri(URL url, String path) throws Exception {
        return url.toURI().resolve(path);
    }
}
