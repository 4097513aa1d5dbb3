package io.partnerhub.membership.webhook;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the {@link TestReceiver} and allows its one loopback host:port past the SSRF guard (the test profile's exemption). */
public class TestReceiverResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("partnerhub.webhooks.allowed-targets", "127.0.0.1:" + TestReceiver.get().port());
    }

    @Override
    public void stop() {
        // the receiver lives as long as the test JVM
    }
}
