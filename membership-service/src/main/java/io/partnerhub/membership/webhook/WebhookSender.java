package io.partnerhub.membership.webhook;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * One HTTP attempt of a delivery (Standard Webhooks): POST of the CloudEvent JSON (structured mode,
 * {@code application/cloudevents+json}) with {@code webhook-id}, {@code webhook-timestamp} (the real time in seconds,
 * which receivers compare with their own clock) and {@code webhook-signature}. The URL passes the {@link TargetGuard}
 * again at every attempt (the name may resolve elsewhere now) and the connection goes to the address it checked,
 * keeping the name for Host and TLS SNI; redirects are not followed. Any 2xx is success.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /** What one attempt got: an HTTP status (0 when none arrived) and, when it failed, why. */
    public record Attempt(int statusCode, String error) {

        public boolean succeeded() {
            return statusCode >= 200 && statusCode < 300;
        }
    }

    private final TargetGuard guard;
    private final WebhooksConfig config;
    private final HttpClient client;
    private final Clock realTime = Clock.systemUTC();

    public WebhookSender(Vertx vertx, TargetGuard guard, WebhooksConfig config) {
        this.guard = guard;
        this.config = config;
        long timeout = config.requestTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout))
                .setMaxPoolSize(4)
                .setKeepAlive(true)
                .setVerifyHost(true)
                .setForceSni(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public Attempt send(String url, String webhookId, String body, List<String> secrets) {
        TargetGuard.Target target;
        try {
            target = guard.check(url);
        } catch (TargetGuard.Refused refused) {
            return new Attempt(0, "refused: " + refused.getMessage());
        }
        long timestamp = realTime.instant().getEpochSecond();
        long timeout = config.requestTimeout().toMillis();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setTimeout(timeout)
                .putHeader("content-type", CONTENT_TYPE)
                .putHeader("user-agent", "PartnerHub-Webhooks/1")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.signatures(webhookId, timestamp, body, secrets));
        try {
            int status = client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body)))
                    // the status decides; the body is dropped as it arrives. Nothing may be asked of the response
                    // here: called from a plain thread, this runs as a task on the request's event loop, and an
                    // answer without a body may have ended by then (handler() or end() would throw, and a delivery
                    // the receiver accepted would count as failed and go again)
                    .map(HttpClientResponse::statusCode)
                    .toCompletionStage().toCompletableFuture()
                    .get(timeout + 2_000, TimeUnit.MILLISECONDS);
            return new Attempt(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Attempt(0, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (TimeoutException e) {
            return new Attempt(0, "no answer within " + config.requestTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(0, "interrupted");
        }
    }
}
