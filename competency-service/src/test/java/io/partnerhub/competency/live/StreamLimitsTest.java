package io.partnerhub.competency.live;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * K5c bounded live streams, with the defaults: 3 open streams per token subject, 25 per organisation; a slot comes back
 * when a stream ends, however it ends; a stream ends when its token expires.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class StreamLimitsTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    @TestHTTPResource("/")
    URI root;

    @Test
    void aFourthStreamOfOneSubjectIs429WithRetryAfterAndTheLimits() {
        String org = UUID.randomUUID().toString();
        String token = admin(org, "admin-" + org);
        try (OpenStreams open = new OpenStreams()) {
            for (int i = 0; i < 3; i++) {
                open.add(Stream.open(root, org, token));
                assertEquals(200, open.get(i).status);
                assertEquals("ready", open.get(i).nextEvent());
            }
            refused(token, org).body("limit", equalTo("subject")).body("maxPerSubject", equalTo(3))
                    .body("maxPerOrganization", equalTo(25)).body("retryAfterSeconds", equalTo(15));
            // the organisation's other people are not held back by one person's streams
            try (Stream other = Stream.open(root, org, admin(org, "other-" + org))) {
                assertEquals(200, other.status);
            }
        }
    }

    @Test
    void theTwentySixthStreamOfOneOrganisationIs429WhoeverAsks() {
        String org = UUID.randomUUID().toString();
        try (OpenStreams open = new OpenStreams()) {
            for (int i = 0; i < 25; i++) {
                open.add(Stream.open(root, org, admin(org, "admin-" + i + "-" + org)));
                assertEquals(200, open.get(i).status, "stream " + (i + 1));
            }
            refused(admin(org, "admin-26-" + org), org).body("limit", equalTo("organization"));
            String another = UUID.randomUUID().toString(); // another organisation has a count of its own
            try (Stream elsewhere = Stream.open(root, another, admin(another, "admin-26-" + org))) {
                assertEquals(200, elsewhere.status);
            }
        }
    }

    @Test
    void aClosedStreamFreesItsSlot() {
        String org = UUID.randomUUID().toString();
        String token = admin(org, "admin-" + org);
        try (OpenStreams open = new OpenStreams()) {
            for (int i = 0; i < 3; i++) {
                open.add(Stream.open(root, org, token));
                assertEquals("ready", open.get(i).nextEvent());
            }
            open.remove(0).close(); // the client goes away
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                Stream again = Stream.open(root, org, token);
                if (again.status == 200) {
                    open.add(again);
                    return true;
                }
                again.close();
                return false;
            });
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpiresAndGivesItsSlotBack() {
        String org = UUID.randomUUID().toString();
        String subject = "admin-" + org;
        Map<String, Object> claims = TestTokens.claims("partner-admin");
        claims.put("org", org);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("exp", Instant.now().plusSeconds(3).getEpochSecond());
        long opened = System.nanoTime();
        try (Stream expiring = Stream.open(root, org, TestTokens.sign(claims))) {
            assertEquals(200, expiring.status);
            assertEquals("ready", expiring.nextEvent());
            assertEquals("end", expiring.nextEvent());
            assertNull(expiring.nextEvent(), "the stream goes on after end");
            double seconds = (System.nanoTime() - opened) / 1e9;
            assertEquals(3, seconds, 2.0, "ended after " + seconds + " s");
        }
        try (OpenStreams open = new OpenStreams()) {
            for (int i = 0; i < 3; i++) { // the expired stream's slot is free again
                open.add(Stream.open(root, org, admin(org, subject)));
                assertEquals(200, open.get(i).status);
            }
        }
    }

    /** One stream more than allowed: 429 problem with Retry-After. */
    private static ValidatableResponse refused(String token, String org) {
        return given().auth().oauth2(token).accept("text/event-stream").get("/competency-status/{o}/changes", org).then()
                .statusCode(429).contentType(PROBLEM).header("Retry-After", "15")
                .body("type", equalTo("https://partnerhub.io/problems/too-many-streams"));
    }

    private static String admin(String org, String subject) {
        return TestTokens.token("partner-admin", Map.of("org", org, "sub", subject));
    }

    /** The streams a test keeps open, all closed when it ends. */
    static final class OpenStreams extends ArrayList<Stream> implements AutoCloseable {

        @Override
        public void close() {
            forEach(Stream::close);
        }
    }

    /**
     * One stream on a socket of its own (closing it is the client going away), HTTP/1.1 with {@code Connection: close}
     * so that the end of the stream is the end of the socket.
     */
    static final class Stream implements AutoCloseable {
        final int status;
        private final Socket socket;
        private final BufferedReader reader;

        private Stream(Socket socket, BufferedReader reader, int status) {
            this.socket = socket;
            this.reader = reader;
            this.status = status;
        }

        static Stream open(URI root, String org, String token) {
            try {
                Socket socket = new Socket(root.getHost(), root.getPort());
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(("GET /competency-status/" + org + "/changes HTTP/1.1\r\nHost: " + root.getHost()
                        + "\r\nAuthorization: Bearer " + token + "\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                int status = Integer.parseInt(reader.readLine().split(" ")[1]);
                for (String header = reader.readLine(); header != null && !header.isEmpty(); header = reader.readLine()) {
                    // headers: not needed
                }
                return new Stream(socket, reader, status);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The name of the next event other than keep-alive, or null when the stream has ended. */
        String nextEvent() {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("event:") && !line.contains("keep-alive")) {
                        return line.substring("event:".length()).trim();
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
