package io.partnerhub.gateway.config;

import java.net.URI;
import java.time.Duration;

import io.partnerhub.gateway.domain.DownstreamService;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "partnerhub.gateway")
public interface GatewayConfig {

    Services services();

    /** How long the gateway waits for a service to answer (idle time on the response) before it answers 504. */
    @WithDefault("30s")
    Duration timeout();

    /** How long the gateway waits for a TCP connection to a service before it answers 503. */
    @WithDefault("2s")
    Duration connectTimeout();

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

    default URI baseUri(DownstreamService service) {
        return switch (service) {
            case EXAM -> services().exam();
            case CERTIFICATION -> services().certification();
            case COMPETENCY -> services().competency();
            case MEMBERSHIP -> services().membership();
        };
    }
}
