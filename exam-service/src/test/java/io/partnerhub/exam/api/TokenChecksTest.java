package io.partnerhub.exam.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A service checks tokens itself, whatever the gateway did (DESIGN §6): audience {@code partnerhub}, issuer, key,
 * {@code iat}/{@code exp} and a maximum age of 12 h, from chassis-web's defaults.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class TokenChecksTest {

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("another audience", sign(c -> c.put("aud", "someone-else"))),
                Arguments.of("no audience", sign(c -> c.remove("aud"))),
                Arguments.of("expired", sign(c -> times(c, Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(55)))),
                Arguments.of("issued 13 h ago, valid 1 h more", sign(c -> times(c, Instant.now().minus(Duration.ofHours(13)), Duration.ofHours(14)))),
                Arguments.of("issued 12 h 1 min ago, valid 30 days", sign(c -> times(c, Instant.now().minus(Duration.ofHours(12).plusMinutes(1)), Duration.ofDays(30)))),
                Arguments.of("no iat", sign(c -> c.remove("iat"))),
                Arguments.of("another issuer", sign(c -> c.put("iss", "https://login.example.com"))),
                Arguments.of("signed by another key", TestTokens.signWithUntrustedKey(TestTokens.claims("ops"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesTheTokenWithAProblem(String what, String token) {
        given().auth().oauth2(token)
                .when().get("/exams")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://partnerhub.io/problems/unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void acceptsAPartnerHubTokenWithinItsLifetime() {
        for (String token : List.of(TestTokens.ops(), TestTokens.examProvider("PSI"),
                sign(c -> times(c, Instant.now().minus(Duration.ofHours(11)), Duration.ofHours(12))),
                sign(c -> times(c, Instant.now().minusSeconds(5), Duration.ofDays(30))),
                sign(c -> c.put("aud", List.of("crm", "partnerhub"))))) {
            given().auth().oauth2(token).when().get("/exams").then().statusCode(200);
        }
    }

    private static String sign(Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = TestTokens.claims("ops");
        change.accept(claims);
        return TestTokens.sign(claims);
    }

    private static void times(Map<String, Object> claims, Instant issuedAt, Duration lifetime) {
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
    }
}
