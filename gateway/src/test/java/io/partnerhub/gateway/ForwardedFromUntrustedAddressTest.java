package io.partnerhub.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Forwarding on, but the client (loopback) is not one of the trusted proxies (deploy/k8s' placeholder CIDR): its
 * {@code X-Forwarded-For} changes nothing, neither its rate-limit key nor what the services see. Reads: 2 per minute.
 */
@QuarkusTest
@WithTestResource(value = ForwardedFromUntrustedAddressTest.TrustingOthers.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ForwardedFromUntrustedAddressTest {

    public static class TrustingOthers extends GatewayTestResource {
        @Override
        protected void budgets(Map<String, String> config) {
            ForwardedFromTrustedProxyTest.twoReadsAMinute(config);
            config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
            config.put("quarkus.http.proxy.trusted-proxies", "10.244.0.0/16");
        }
    }

    @Test
    void aForwardedAddressFromAnUntrustedClientIsIgnored() {
        given().header("X-Forwarded-For", "203.0.113.7").when().get("/api/certifications")
                .then().statusCode(200).body("forwardedFor", equalTo("127.0.0.1"));
        given().header("X-Forwarded-For", "203.0.113.8").when().get("/api/certifications").then().statusCode(200);
        // a third address would be a third bucket if the header counted: it is the same client, whose reads are spent
        given().header("X-Forwarded-For", "203.0.113.9").when().get("/api/certifications")
                .then().statusCode(429).header("RateLimit-Policy", "\"reads\";q=2;w=60");
        given().header("Forwarded", "for=203.0.113.10").when().get("/api/certifications").then().statusCode(429);
    }
}
