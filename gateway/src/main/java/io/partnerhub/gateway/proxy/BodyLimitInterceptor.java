package io.partnerhub.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The body-size limit for bodies without a Content-Length (chunked): counted while they stream to the service; past
 * the limit the stream fails, the exchange toward the service is reset and {@link RouteInterceptor} answers 413.
 * A declared Content-Length over the limit never gets here (chassis-web's {@code ProblemRoutes} answers 413 first).
 */
final class BodyLimitInterceptor implements ProxyInterceptor {

    /** Set (to the limit in bytes) on the context when the body went past it. */
    static final String EXCEEDED = "partnerhub.body-limit-exceeded";

    /** A request that declares no body: neither chunked nor a Content-Length other than 0. */
    static boolean declaresNoBody(MultiMap headers) {
        String contentLength = headers.get(HttpHeaders.CONTENT_LENGTH);
        return !headers.contains(HttpHeaders.TRANSFER_ENCODING) && (contentLength == null || contentLength.equals("0"));
    }

    private final long maxBodyBytes;

    BodyLimitInterceptor(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        Body body = context.request().getBody();
        if (body != null && body.length() < 0) {
            context.request().setBody(Body.body(new Counting(body.stream(), context), -1));
        }
        return context.sendRequest();
    }

    private final class Counting implements ReadStream<Buffer> {
        private final ReadStream<Buffer> source;
        private final ProxyContext context;
        private long received;
        private boolean exceeded;
        private Handler<Throwable> exceptionHandler;

        Counting(ReadStream<Buffer> source, ProxyContext context) {
            this.source = source;
            this.context = context;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            this.exceptionHandler = handler;
            source.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            if (handler == null) {
                source.handler(null);
                return this;
            }
            source.handler(chunk -> {
                if (exceeded) {
                    return; // drained, not forwarded
                }
                received += chunk.length();
                if (received > maxBodyBytes) {
                    exceeded = true;
                    context.set(EXCEEDED, maxBodyBytes);
                    if (exceptionHandler != null) {
                        exceptionHandler.handle(new IllegalStateException("Request body over " + maxBodyBytes + " bytes"));
                    }
                    return;
                }
                handler.handle(chunk);
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            source.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            source.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            source.fetch(amount);
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            source.endHandler(endHandler == null ? null : v -> {
                if (!exceeded) {
                    endHandler.handle(v);
                }
            });
            return this;
        }
    }
}
