package io.partnerhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

import io.partnerhub.devstack.ServiceProcess;

/**
 * The webhook kill -9 drill (issue #23): membership-service is SIGKILLed while the receiver holds a delivery open (it
 * received the request and has not answered), then started again: the receiver gets the same {@code webhook-id}
 * again, nothing is skipped. The suite's membership-service is replaced by an instance whose SSRF allowlist names
 * this test's receiver (a loopback port), and stays replaced by the restarted one for the classes after this one.
 */
@ExtendWith(RunningSuite.class)
class WebhookKillIT {

    private static final String SERVICE = "membership-service";

    @Test
    void aSenderKilledWhileTheReceiverHoldsADeliveryResendsTheSameWebhookIdAfterRestart() throws Exception {
        List<String> webhookIds = new CopyOnWriteArrayList<>();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            webhookIds.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            if (webhookIds.size() == 1) {
                held.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS); // hold the first delivery open until its sender is dead
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        // this receiver, and the local demo's (devstack) that PortalIT uses
        Map<String, String> allowReceiver = Map.of("PARTNERHUB_WEBHOOKS_ALLOWED_TARGETS",
                "localhost:18099,127.0.0.1:18099,127.0.0.1:" + receiver.getAddress().getPort());
        int port = RunningSuite.service(SERVICE).port();
        try {
            ServiceProcess sender = replace(RunningSuite.stack().process(SERVICE).orElseThrow(), port, allowReceiver);

            String organization = Programme.organization("Hooked");
            String webhook = Programme.admin(organization)
                    // filtered to a type a new organisation never sees: its own events (organization.registered, reaching
                    // membership-service's consumer after the endpoint exists) would be further deliveries (CI, stop 32)
                    .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/in", "description", "drill",
                            "eventTypes", List.of("io.partnerhub.designation.lost.v1")))
                    .post("/organizations/{id}/webhooks", organization).then().statusCode(201).extract().path("id");
            String webhookId = Programme.admin(organization)
                    .post("/organizations/{id}/webhooks/{webhook}/test-deliveries", organization, webhook)
                    .then().statusCode(202).extract().path("webhookId");

            assertThat(held.await(30, TimeUnit.SECONDS)).as("the receiver got the delivery").isTrue();
            long killedAt = System.nanoTime();
            replace(sender, port, allowReceiver); // kill -9 while the request is open, then start again
            release.countDown();

            await("the same webhook-id again").atMost(Duration.ofSeconds(30)).until(() -> webhookIds.size() >= 2);
            System.out.printf("[webhook-drill] SIGKILL while the receiver held %s; the restarted sender re-sent it %.1f s"
                    + " after the kill%n", webhookId, (System.nanoTime() - killedAt) / 1e9);
            assertThat(webhookIds).hasSize(2).containsOnly(webhookId);
            Programme.admin(organization).get("/organizations/{id}/webhooks/{webhook}/deliveries", organization, webhook)
                    .then().statusCode(200).body("[0].status", equalTo("DELIVERED")).body("[0].attempts", equalTo(1));
        } finally {
            release.countDown();
            receiver.stop(0);
        }
    }

    /** SIGKILLs {@code instance} and starts membership-service again on its port; returns once the new one is ready. */
    private static ServiceProcess replace(ServiceProcess instance, int port, Map<String, String> environment) {
        RunningSuite.stack().kill(instance);
        await("port " + port + " free").atMost(Duration.ofSeconds(20)).until(() -> free(port));
        return RunningSuite.stack().startInstance(SERVICE, port, environment);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
