package io.partnerhub.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Streams have a connection budget of their own toward a service: with as many streams open as the ordinary pool has
 * connections (2 here), and one more, ordinary requests to the same service still answer at once.
 */
@QuarkusTest
@WithTestResource(value = StreamLaneTest.SmallPools.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class StreamLaneTest {

    static final int ORDINARY_CONNECTIONS = 2;

    public static class SmallPools extends GatewayTestResource {
        @Override
        protected void budgets(Map<String, String> config) {
            super.budgets(config);
            config.put("partnerhub.gateway.max-connections", Integer.toString(ORDINARY_CONNECTIONS));
            config.put("partnerhub.gateway.max-wait-queue", "1");
            config.put("partnerhub.gateway.streams.max-connections", "4");
        }
    }

    @TestHTTPResource("/")
    URI root;

    @Test
    void ordinaryRequestsAnswerWhileMoreStreamsAreOpenThanTheOrdinaryPoolHasConnections() {
        List<Socket> streams = new ArrayList<>();
        try {
            for (int i = 0; i <= ORDINARY_CONNECTIONS; i++) {
                streams.add(openStream("/api/competency-status/org-" + i + "/changes", null));
            }
            // any request for server-sent events takes the stream lane: the stream pool (4) is now full
            streams.add(openStream("/api/competency-status/org-9/live", "text/event-stream"));
            // were the streams on the ordinary pool, its 2 connections would be theirs until they end: an ordinary request
            // would wait for one and get 503 after connect-timeout (pool wait included, 1 s here)
            for (int i = 0; i < 3; i++) {
                given().when().get("/api/competencies").then().statusCode(200).body("service", equalTo("competency"));
            }
        } finally {
            streams.forEach(StreamLaneTest::close);
        }
    }

    /** A stream through the gateway, read up to its first event: it holds a connection toward the service from then on. */
    private Socket openStream(String path, String accept) {
        try {
            Socket socket = new Socket(root.getHost(), root.getPort());
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\n"
                    + (accept == null ? "" : "Accept: " + accept + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> read = new ArrayList<>();
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    read.add(line);
                    if (line.startsWith("event:")) {
                        assertEquals("HTTP/1.1 200 OK", read.get(0), path);
                        return socket;
                    }
                }
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError(path + ": no event within 10 s, read " + read, e);
            }
            throw new AssertionError(path + ": the stream ended before its first event: " + read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
