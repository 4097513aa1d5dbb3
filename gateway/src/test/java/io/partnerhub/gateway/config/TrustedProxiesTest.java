package io.partnerhub.gateway.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void forwardingWithoutTrustedProxiesIsRefusedBecauseQuarkusWouldTrustEveryAddress() {
        assertNotNull(TrustedProxies.problem(true, List.of()));
        assertNotNull(TrustedProxies.problem(true, List.of(" ")));
    }

    @Test
    void forwardingFromNamedProxiesOrNoForwardingAtAllIsFine() {
        assertNull(TrustedProxies.problem(true, List.of("10.244.0.0/16")));
        assertNull(TrustedProxies.problem(false, List.of()));
    }
}
