package io.partnerhub.gateway;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A tiny real HTTP server playing one PartnerHub service behind the gateway: it echoes what it received,
 * answers the clock, OpenAPI and metrics endpoints, records every request target it received, and can be stopped to
 * play a service that is down. Like a real service it routes on the normalised path ({@code /exams/../q/metrics}
 * is {@code /q/metrics}).
 */
final class StubService {

    private final Vertx vertx;
    private final String name;
    private final int port;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;

    StubService(Vertx vertx, String name, int port) {
        this.vertx = vertx;
        this.name = name;
        this.port = port;
    }

    String name() {
        return name;
    }

    /** The request targets (path and query, as received) this stub was sent, oldest first. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    void forget() {
        seen.clear();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        server = await(vertx.createHttpServer().requestHandler(this::handle).listen(port, "localhost"));
    }

    synchronized void stop() {
        if (server != null) {
            await(server.close());
            server = null;
        }
    }

    /** Method and path of the requests whose connection was closed once without an answer. */
    private final java.util.Set<String> droppedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void handle(HttpServerRequest request) {
        seen.add(request.uri());
        request.body().onSuccess(body -> {
            String path = normalised(request.path());
            if (path.equals("/slow") || path.endsWith("/slow")) {
                return; // never answers: the gateway must time out
            }
            if (path.endsWith("/drop-once") && droppedOnce.add(request.method() + " " + path)) {
                request.connection().close(); // as a restarting service closes a kept-alive connection: no answer
                return;
            }
            if (path.endsWith("/changes") || path.endsWith("/live")) { // a live stream (K5): open until the client goes
                request.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                        .putHeader("Cache-Control", "no-cache").write("event: ready\ndata: {}\n\n");
                return;
            }
            if (path.endsWith("/events")) { // server-sent events: one now, one after 1.5 s (longer than the gateway's timeout)
                request.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                        .putHeader("Cache-Control", "no-cache").write("data: first\n\n");
                vertx.setTimer(1500, t -> request.response().end("data: second\n\n"));
                return;
            }
            if (path.equals("/admin/clock")) {
                JsonObject answer = new JsonObject().put("service", name)
                        .put("offset", request.method().name().equals("PUT") ? body.toJsonObject().getString("offset") : "PT0S")
                        .put("authorization", request.getHeader("Authorization"));
                json(request, 200, answer);
                return;
            }
            if (path.equals("/q/metrics")) {
                request.response().putHeader("Content-Type", "text/plain").end("# TYPE stub_secret gauge\nstub_secret 1\n");
                return;
            }
            if (path.equals("/q/openapi")) {
                json(request, 200, new JsonObject().put("openapi", "3.1.0")
                        .put("info", new JsonObject().put("title", name))
                        .put("servers", new JsonArray().add(new JsonObject().put("url", baseUrl())))
                        .put("paths", new JsonObject()));
                return;
            }
            if (path.endsWith("/created")) {
                request.response().putHeader("Location", baseUrl() + path.replace("/created", "/new-id"));
                json(request, 201, new JsonObject().put("id", "new-id"));
                return;
            }
            if (path.equals("/admin/projections/rebuild") && request.method().name().equals("POST")) { // #26
                json(request, 202, new JsonObject().put("id", "3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10").put("state", "APPLYING"));
                return;
            }
            String status = request.getParam("status");
            JsonObject echo = new JsonObject()
                    .put("service", name)
                    .put("method", request.method().name())
                    .put("path", path)
                    .put("query", request.query())
                    .put("body", body.toString())
                    .put("authorization", request.getHeader("Authorization"))
                    .put("authenticated", request.getHeader("X-PartnerHub-Authenticated"))
                    .put("forwardedPrefix", request.getHeader("X-Forwarded-Prefix"))
                    .put("requestId", request.getHeader("X-Request-Id"))
                    .put("demoHeader", request.getHeader("X-Demo"))
                    .put("proxyAuthorization", request.getHeader("Proxy-Authorization"))
                    .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                    .put("forwardedHost", request.getHeader("X-Forwarded-Host"))
                    .put("forwarded", request.getHeader("Forwarded"))
                    .put("realIp", request.getHeader("X-Real-IP"))
                    .put("traceparent", request.getHeader("traceparent"))
                    .put("connectionNamed", request.getHeader("X-Hop"));
            request.response().putHeader("X-Stub", name).putHeader("Keep-Alive", "timeout=5")
                    .putHeader("Access-Control-Allow-Origin", "*");
            json(request, status == null ? 200 : Integer.parseInt(status), echo);
        });
    }

    private static String normalised(String rawPath) {
        String decodedDots = rawPath.replace("%2e", ".").replace("%2E", ".");
        try {
            return URI.create(decodedDots).normalize().getPath();
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
