package io.partnerhub.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;

/**
 * The gateway needs no database and no broker, so it does not use PartnerHubTestResource (which starts both):
 * it starts four stub services (real HTTP servers on free ports) and verifies tokens with the public half of
 * the key TestTokens signs with.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    /**
     * Test classes may be loaded by another class loader than this resource, so stubs are switched over HTTP:
     * {@code POST <control>/<service>/down} and {@code /up}. The control URL is handed to the test as config.
     */
    static final String CONTROL_URL_PROPERTY = "gateway-test.stub-control-url";

    private final Map<String, StubService> stubs = new LinkedHashMap<>();
    private Vertx vertx;
    private io.vertx.core.http.HttpServer control;

    @Override
    public synchronized Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new LinkedHashMap<>();
        for (String service : new String[] { "exam", "certification", "competency", "membership" }) {
            StubService stub = new StubService(vertx, service, freePort());
            stub.start();
            stubs.put(service, stub);
            config.put("partnerhub.gateway.services." + service, stub.baseUrl());
        }
        int controlPort = freePort();
        control = vertx.createHttpServer().requestHandler(request -> {
            String[] parts = request.path().split("/"); // "", service, up|down|seen
            StubService stub = parts.length == 3 ? stubs.get(parts[1]) : null;
            if (stub == null) {
                request.response().setStatusCode(404).end();
                return;
            }
            if ("seen".equals(parts[2])) {
                if (request.method() == io.vertx.core.http.HttpMethod.DELETE) {
                    stub.forget();
                    request.response().setStatusCode(204).end();
                } else {
                    request.response().putHeader("Content-Type", "application/json")
                            .end(new io.vertx.core.json.JsonArray(stub.seen()).encode());
                }
                return;
            }
            vertx.executeBlocking(() -> {
                if ("up".equals(parts[2])) {
                    stub.start();
                } else {
                    stub.stop();
                }
                return null;
            }).onComplete(done -> request.response().setStatusCode(done.succeeded() ? 204 : 500).end());
        });
        control.listen(controlPort, "localhost").toCompletionStage().toCompletableFuture().join();
        config.put(CONTROL_URL_PROPERTY, "http://localhost:" + controlPort);
        config.put("partnerhub.gateway.timeout", "1s");
        config.put("partnerhub.gateway.connect-timeout", "1s");
        config.put("mp.jwt.verify.publickey.location", publicKeyLocation());
        config.put("quarkus.http.cors.origins", PORTAL_ORIGIN);
        budgets(config);
        config.put("mp.jwt.verify.issuer", "partnerhub-devstack");
        return config;
    }

    static final String PORTAL_ORIGIN = "https://portal.partnerhub.test";

    /** Rate-limit budgets: generous here (the tests send many requests from one address); LimitsTest's are small. */
    protected void budgets(Map<String, String> config) {
        for (String budget : new String[] { "reads", "writes", "results", "directory" }) {
            config.put("partnerhub.gateway.rate-limits." + budget + ".quota", "100000");
            config.put("partnerhub.gateway.rate-limits." + budget + ".window", "1s");
        }
    }

    /** Starts ({@code true}) or stops ({@code false}) the stub playing {@code service}; call from a test. */
    public static void switchStub(String service, boolean up) {
        String control = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue(CONTROL_URL_PROPERTY, String.class);
        io.restassured.RestAssured.given().when().post(control + "/" + service + (up ? "/up" : "/down"))
                .then().statusCode(204);
    }

    /** The request targets the stub playing {@code service} received since the last {@link #forgetSeen}. */
    public static java.util.List<String> seenBy(String service) {
        String control = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue(CONTROL_URL_PROPERTY, String.class);
        return io.restassured.RestAssured.given().when().get(control + "/" + service + "/seen")
                .then().statusCode(200).extract().jsonPath().getList("$", String.class);
    }

    /** Clears what every stub has seen so far. */
    public static void forgetSeen() {
        String control = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue(CONTROL_URL_PROPERTY, String.class);
        for (String service : new String[] { "exam", "certification", "competency", "membership" }) {
            io.restassured.RestAssured.given().when().delete(control + "/" + service + "/seen").then().statusCode(204);
        }
    }

    private static String publicKeyLocation() {
        return TestTokens.publicKeyLocation();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void stop() {
        stubs.values().forEach(StubService::stop);
        if (control != null) {
            control.close();
            control = null;
        }
        stubs.clear();
        if (vertx != null) {
            vertx.close();
            vertx = null;
        }
    }
}
