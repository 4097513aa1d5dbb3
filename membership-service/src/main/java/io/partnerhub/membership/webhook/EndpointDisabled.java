package io.partnerhub.membership.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * Fired (CDI, synchronously, inside the transaction that disables it) when a webhook endpoint that kept failing is
 * disabled; the notifications observe it and tell the endpoint's owner (the organisation's partner-admins, or ops for
 * an ops endpoint, organizationId null).
 */
public record EndpointDisabled(String organizationId, String endpointId, String url, String lastError, Instant at) {

    public EndpointDisabled {
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(at, "at");
    }
}
