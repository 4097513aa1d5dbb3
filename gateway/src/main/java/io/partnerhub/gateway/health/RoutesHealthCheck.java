package io.partnerhub.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.partnerhub.gateway.config.GatewayConfig;
import io.partnerhub.gateway.domain.DownstreamService;

/**
 * Ready once the routing table is configured. A service being down does not make the gateway unready:
 * the gateway then answers 503 problems for that service only.
 */
@Readiness
@ApplicationScoped
public class RoutesHealthCheck implements HealthCheck {

    private final GatewayConfig config;

    public RoutesHealthCheck(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("gateway routes").up();
        for (DownstreamService service : DownstreamService.values()) {
            builder.withData(service.applicationName(), config.baseUri(service).toString());
        }
        return builder.build();
    }
}
