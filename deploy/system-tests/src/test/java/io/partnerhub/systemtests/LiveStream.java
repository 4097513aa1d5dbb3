package io.partnerhub.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * An organisation's live status stream (K5, {@code GET /api/competency-status/{org}/changes}, server-sent events
 * through the gateway) as the propagation report holds it: a background reader notes, with {@link System#nanoTime()},
 * when each {@code status} event arrived (issue #25: the report waits on it instead of polling the status), the
 * event's {@code seenAt} (when competency-service's watch saw the change: the split of stage 8) and its {@code changes}
 * (the level, when told from the local commit: "seen in the stream").
 */
final class LiveStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpResponse<InputStream> response;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final BlockingQueue<Status> statuses = new LinkedBlockingQueue<>();

    /**
     * A {@code status} event: when it arrived ({@link System#nanoTime()}), its {@code seenAt} (null if unreadable) and its
     * {@code changes} (issue #25 stage 9: told from competency-service's local commit; missing node when it has none).
     */
    record Status(long arrived, Instant seenAt, JsonNode changes) {

        /** Whether the event says that {@code competencyId} is now at {@code level} (no GET needed). */
        boolean shows(String competencyId, String level) {
            for (JsonNode change : changes) {
                if (competencyId.equals(change.path("competencyId").asText()) && level.equals(change.path("level").asText())) {
                    return true;
                }
            }
            return false;
        }
    }

    private LiveStream(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream of {@code organization} with {@code token} (200 expected) and starts reading it. */
    static LiveStream open(HttpClient http, String gateway, String organization, String token)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                        URI.create(gateway + "/competency-status/" + organization + "/changes"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                throw new AssertionError("the live stream of " + organization + " answered " + response.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return new LiveStream(response);
    }

    /** Waits for the stream's {@code ready} event. */
    void awaitReady() throws InterruptedException {
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the live stream never said ready");
        }
    }

    /** Forgets the status events seen so far. */
    void drain() {
        statuses.clear();
    }

    /** The next status event, waiting up to {@code nanos}; null: none came. */
    Status nextStatus(long nanos) throws InterruptedException {
        return statuses.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            long status = 0; // when the current event's "event: status" line arrived, until its data line
            while ((line = reader.readLine()) != null) {
                long at = System.nanoTime();
                if (line.startsWith("event:")) {
                    String name = line.substring("event:".length()).trim();
                    if (name.equals("ready")) {
                        ready.countDown();
                    } else if (name.equals("status")) {
                        status = at;
                    }
                } else if (line.startsWith("data:") && status != 0) {
                    JsonNode data = data(line);
                    statuses.add(new Status(status, seenAt(data), data.path("changes")));
                    status = 0;
                }
            }
        } catch (IOException closed) {
            // closed by close(), or by the server
        }
    }

    /** A status event's data line ({"organizationId":…,"seenAt":"…","changes":[…]}), a missing node when unreadable. */
    private static JsonNode data(String line) {
        try {
            return JSON.readTree(line.substring("data:".length()));
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** {@code seenAt} of a status event's data, null when absent. */
    private static Instant seenAt(JsonNode data) {
        try {
            String seenAt = data.path("seenAt").asText(null);
            return seenAt == null ? null : Instant.parse(seenAt);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // nothing to do: the stream is being dropped
        }
    }
}
