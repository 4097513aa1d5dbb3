package io.partnerhub.gateway.config;

import java.net.URI;
import java.time.Duration;

import io.partnerhub.gateway.domain.DownstreamService;
import io.partnerhub.gateway.domain.RequestClass;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "partnerhub.gateway")
public interface GatewayConfig {

    Services services();

    /**
     * How long the gateway waits for a service's response headers (from the moment it has a connection) before it
     * answers 504. Once the headers are in, the body streams for as long as it takes (server-sent events).
     */
    @WithDefault("30s")
    Duration timeout();

    /**
     * How long the gateway waits for a connection to a service, pool wait included, before it answers 503.
     */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Connections kept open to each service. */
    @WithDefault("50")
    int maxConnections();

    /** Requests that may wait for a free connection to one service; one more is answered 503 at once. */
    @WithDefault("200")
    int maxWaitQueue();

    /** The connection budget of streams (server-sent events), apart from ordinary requests'. */
    Streams streams();

    RateLimits rateLimits();

    /**
     * Streams ({@link io.partnerhub.gateway.domain.Lane#STREAM}: K5's {@code /api/competency-status/{org}/changes} and
     * any request accepting {@code text/event-stream}) hold a connection for as long as they last: toward each service
     * they have a pool of their own, so that ordinary requests never wait behind them.
     */
    interface Streams {
        /** Connections streams may hold open to each service (the competency-service caps streams per token too). */
        @WithDefault("200")
        int maxConnections();

        /** Streams that may wait for a connection to one service (within {@code connect-timeout}); one more: 503. */
        @WithDefault("50")
        int maxWaitQueue();
    }

    interface Services {
        @WithDefault("http://localhost:8081")
        URI exam();

        @WithDefault("http://localhost:8082")
        URI certification();

        @WithDefault("http://localhost:8083")
        URI competency();

        @WithDefault("http://localhost:8084")
        URI membership();
    }

    /**
     * Per client (the token's subject, or the client address when there is no token), one token bucket per budget:
     * {@code quota} requests per {@code window}, refilled continuously (RateLimit-Policy {@code q} and {@code w}).
     */
    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /** GET, HEAD, OPTIONS. */
        Budget reads();

        /** POST, PUT, PATCH, DELETE, except providers' results. */
        Budget writes();

        /** {@code POST /api/exam-results}: exam providers post results in batches. */
        Budget results();

        /** Reads of {@code /api/partner-directory/**} (issue 27): public, so a smaller budget against scraping. */
        Budget directory();

        /** How many clients' buckets are kept (least recently used go first). */
        @WithDefault("100000")
        long maxClients();
    }

    interface Budget {
        int quota();

        Duration window();
    }

    default Budget budget(RequestClass requestClass) {
        return switch (requestClass) {
            case READ -> rateLimits().reads();
            case WRITE -> rateLimits().writes();
            case RESULT -> rateLimits().results();
            case DIRECTORY -> rateLimits().directory();
        };
    }

    default URI baseUri(DownstreamService service) {
        return switch (service) {
            case EXAM -> services().exam();
            case CERTIFICATION -> services().certification();
            case COMPETENCY -> services().competency();
            case MEMBERSHIP -> services().membership();
        };
    }
}
