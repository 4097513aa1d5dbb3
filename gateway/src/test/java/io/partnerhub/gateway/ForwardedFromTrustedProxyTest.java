package io.partnerhub.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Behind a trusted proxy (here: loopback, as the ingress controller's addresses are in deploy/k8s) the client address
 * is the one the proxy puts in {@code X-Forwarded-For}: anonymous clients get a rate-limit bucket each, and the
 * services see the real address. Reads budget: 2 per minute.
 */
@QuarkusTest
@WithTestResource(value = ForwardedFromTrustedProxyTest.TrustingLoopback.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ForwardedFromTrustedProxyTest {

    public static class TrustingLoopback extends GatewayTestResource {
        @Override
        protected void budgets(Map<String, String> config) {
            twoReadsAMinute(config);
            config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
            config.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    static void twoReadsAMinute(Map<String, String> config) {
        config.put("partnerhub.gateway.rate-limits.reads.quota", "2");
        config.put("partnerhub.gateway.rate-limits.reads.window", "60s");
        config.put("partnerhub.gateway.rate-limits.writes.quota", "100");
        config.put("partnerhub.gateway.rate-limits.writes.window", "60s");
        config.put("partnerhub.gateway.rate-limits.results.quota", "100");
        config.put("partnerhub.gateway.rate-limits.results.window", "60s");
    }

    @Test
    void theForwardedAddressIsTheClientsRateLimitKeyAndWhatTheServiceSees() {
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").when().get("/api/certifications")
                    .then().statusCode(200).body("forwardedFor", equalTo("203.0.113.7"));
        }
        given().header("X-Forwarded-For", "203.0.113.7").when().get("/api/certifications").then().statusCode(429);
        // another client behind the same proxy has a bucket of its own
        given().header("X-Forwarded-For", "203.0.113.8").when().get("/api/certifications")
                .then().statusCode(200).body("forwardedFor", equalTo("203.0.113.8"));
        // the proxy's own requests (none forwarded) are keyed by its address
        given().when().get("/api/certifications").then().statusCode(200).body("forwardedFor", equalTo("127.0.0.1"));
    }
}
