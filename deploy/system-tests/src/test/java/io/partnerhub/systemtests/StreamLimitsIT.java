package io.partnerhub.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.partnerhub.devstack.DevStack;
import io.partnerhub.devstack.Tokens;

/**
 * The live stream of an organisation's competency status ({@code GET /api/competency-status/{org}/changes}, server-sent
 * events) through the gateway, bounded (issue #19): at most 3 open streams per token subject and 25 per organisation
 * (one more is 429 problem+json {@code too-many-streams} with Retry-After); 60 streams of many subjects in several
 * organisations stay open while ordinary requests keep answering (streams have a connection budget of their own); a
 * stream ends by itself when its token expires.
 */
@ExtendWith(RunningSuite.class)
class StreamLimitsIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Stream> open = new CopyOnWriteArrayList<>();
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sse-reader");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void closeEverything() throws InterruptedException {
        for (Stream stream : open) {
            stream.close();
        }
        open.clear();
        readers.shutdownNow();
        readers.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void aFourthStreamOfOneSubjectIs429() throws Exception {
        String organization = Programme.organization("Streams one subject");
        String admin = RunningSuite.stack().token("partner-admin", Map.of("org", organization));
        for (int i = 0; i < 3; i++) {
            Stream stream = open(organization, admin);
            assertEquals(200, stream.status(), stream.toString());
            stream.awaitEvent("ready");
        }
        Stream fourth = open(organization, admin);
        assertEquals(429, fourth.status(), fourth.toString());
        assertTrue(fourth.contentType().startsWith("application/problem+json"), fourth.toString());
        assertTrue(fourth.body().contains("too-many-streams"), fourth.toString());
        assertTrue(fourth.retryAfter() != null && Integer.parseInt(fourth.retryAfter()) >= 1, fourth.toString());

        // closing one frees its place
        open.get(0).close();
        await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            Stream again = open(organization, admin);
            return again.status() == 200;
        });
    }

    @Test
    void sixtyStreamsOfManySubjectsStayOpenWhileOrdinaryRequestsAnswer() throws Exception {
        List<String> organizations = new ArrayList<>();
        for (int o = 0; o < 4; o++) {
            organizations.add(Programme.organization("Streams " + o));
        }
        // 4 organisations x 5 employees x 3 streams = 60: each organisation 15 (<= 25), each subject 3 (<= 3)
        List<CompletableFuture<Stream>> opening = new ArrayList<>();
        for (String organization : organizations) {
            for (int person = 0; person < 5; person++) {
                String token = RunningSuite.stack().token("employee",
                        Map.of("org", organization, "candidate", Programme.candidate("stream" + person)));
                for (int s = 0; s < 3; s++) {
                    opening.add(CompletableFuture.supplyAsync(() -> open(organization, token), readers));
                }
            }
        }
        List<Stream> streams = new ArrayList<>();
        for (CompletableFuture<Stream> stream : opening) {
            streams.add(stream.get(60, TimeUnit.SECONDS));
        }
        for (Stream stream : streams) {
            assertEquals(200, stream.status(), stream.toString());
            stream.awaitEvent("ready");
        }
        assertEquals(60, streams.size());

        // with all 60 open, ordinary requests of the same organisations answer (how quickly is a figure, printed)
        long slowestMillis = 0;
        for (int round = 0; round < 5; round++) {
            for (String organization : organizations) {
                long started = System.nanoTime();
                Programme.admin(organization).get("/competency-status/{org}", organization).then().statusCode(200);
                slowestMillis = Math.max(slowestMillis, (System.nanoTime() - started) / 1_000_000);
            }
        }
        System.out.printf("[stream-limits] slowest ordinary request beside 60 open streams: %d ms%n", slowestMillis);
        for (Stream stream : streams) {
            assertTrue(stream.isOpen(), "a stream ended while the others were open: " + stream);
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        String organization = Programme.organization("Streams expiry");
        DevStack stack = RunningSuite.stack();
        String shortLived = new Tokens(stack.keys().privateKey(), Duration.ofSeconds(4))
                .mint("partner-admin", Map.of("org", organization));
        Stream stream = open(organization, shortLived);
        assertEquals(200, stream.status(), stream.toString());
        stream.awaitEvent("ready");
        await("the stream ends once its token has expired").atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(200)).until(() -> !stream.isOpen());
        // and a new one with that token is refused at the edge
        assertEquals(401, open(organization, shortLived).status());
    }

    // --- a stream as a client holds it ----------------------------------------------------------------------------

    private Stream open(String organization, String token) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                            URI.create(RunningSuite.service("gateway").baseUrl() + "/api/competency-status/" + organization + "/changes"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            Stream stream = new Stream(response);
            open.add(stream);
            if (stream.status() == 200) {
                readers.submit(stream::read);
            } else {
                stream.readAll();
            }
            return stream;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One response: a stream read line by line in the background, or a refusal read whole. */
    static final class Stream {
        private final HttpResponse<InputStream> response;
        private final List<String> events = new CopyOnWriteArrayList<>();
        private volatile boolean ended;
        private volatile String body = "";

        Stream(HttpResponse<InputStream> response) {
            this.response = response;
        }

        int status() {
            return response.statusCode();
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        String retryAfter() {
            return response.headers().firstValue("Retry-After").orElse(null);
        }

        String body() {
            return body;
        }

        boolean isOpen() {
            return !ended;
        }

        void read() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        events.add(line.substring("event:".length()).trim());
                    }
                }
            } catch (IOException closed) {
                // closed by us or broken off
            } finally {
                ended = true;
            }
        }

        void readAll() throws IOException {
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(4000), StandardCharsets.UTF_8);
            }
            ended = true;
        }

        void awaitEvent(String name) {
            await("event " + name).atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> events.contains(name) || ended);
            assertTrue(events.contains(name), "no " + name + " event before the stream ended: " + this);
        }

        void close() {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // closed already
            }
        }

        @Override
        public String toString() {
            return status() + " " + contentType() + " events " + events + (ended ? " (ended)" : "") + " " + body;
        }
    }
}
