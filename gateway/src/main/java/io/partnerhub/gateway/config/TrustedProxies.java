package io.partnerhub.gateway.config;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Behind a proxy (the ingress of deploy/k8s) the client address comes from {@code X-Forwarded-For}, resolved by Quarkus
 * itself ({@code quarkus.http.proxy.*}: the request's {@code remoteAddress()} is the forwarded one, so the rate limit
 * and the {@code X-Forwarded-For} the services get use it), but only for connections from
 * {@code quarkus.http.proxy.trusted-proxies}. Quarkus trusts EVERY address when forwarding is on and that list is
 * empty, which would let any client choose its rate-limit key: the gateway refuses to start so configured.
 */
@ApplicationScoped
public class TrustedProxies {

    private final boolean forwarding;
    private final Optional<List<String>> trusted;

    public TrustedProxies(@ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trusted) {
        this.forwarding = forwarding;
        this.trusted = trusted;
    }

    void check(@Observes StartupEvent started) {
        String problem = problem(forwarding, trusted.orElse(List.of()));
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        if (forwarding) {
            Log.infof("Client addresses from X-Forwarded-For of trusted proxies %s only", trusted.orElse(List.of()));
        }
    }

    /** What is wrong with these settings, or null. */
    static String problem(boolean forwarding, List<String> trusted) {
        if (forwarding && trusted.stream().allMatch(String::isBlank)) {
            return "quarkus.http.proxy.proxy-address-forwarding is on but quarkus.http.proxy.trusted-proxies is empty:"
                    + " every client could set its own address. Name the proxies (e.g. the ingress controller's CIDR),"
                    + " or turn forwarding off.";
        }
        return null;
    }
}
