package io.partnerhub.membership.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP webhook receiver for the tests (JDK HttpServer on loopback): records every request per path with its
 * headers, body and arrival, and answers what the path's rule says (200 unless told).
 */
public final class TestReceiver {

    public record Received(String path, String webhookId, String timestamp, String signature, String contentType,
            String body, Instant at) {
    }

    private static volatile TestReceiver instance;

    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, ToIntFunction<Received>> rules = new ConcurrentHashMap<>();

    private TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            var h = exchange.getRequestHeaders();
            Received r = new Received(exchange.getRequestURI().getPath(), h.getFirst("webhook-id"),
                    h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"), h.getFirst("content-type"),
                    new String(bytes, StandardCharsets.UTF_8), Instant.now());
            received.computeIfAbsent(r.path(), p -> new CopyOnWriteArrayList<>()).add(r);
            int status = rules.getOrDefault(r.path(), x -> 200).applyAsInt(r);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public static synchronized TestReceiver get() {
        if (instance == null) {
            try {
                instance = new TestReceiver();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL of a path on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public void answer(String path, ToIntFunction<Received> rule) {
        rules.put(path, rule);
    }

    public List<Received> at(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }
}
