package io.partnerhub.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The gateway refuses, before forwarding, every token a service would refuse (DESIGN §6: audience, lifetime). */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class TokenChecksTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("another audience", sign(c -> c.put("aud", "someone-else"))),
                Arguments.of("audience list without partnerhub", sign(c -> c.put("aud", List.of("billing", "crm")))),
                Arguments.of("no audience", sign(c -> c.remove("aud"))),
                Arguments.of("expired", sign(c -> times(c, Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(55)))),
                Arguments.of("issued 13 h ago, valid 1 h more", sign(c -> times(c, Instant.now().minus(Duration.ofHours(13)), Duration.ofHours(14)))),
                Arguments.of("issued 12 h 1 min ago, valid 30 days", sign(c -> times(c, Instant.now().minus(Duration.ofHours(12).plusMinutes(1)), Duration.ofDays(30)))),
                Arguments.of("no iat", sign(c -> c.remove("iat"))),
                Arguments.of("no exp", sign(c -> c.remove("exp"))),
                Arguments.of("another issuer", sign(c -> c.put("iss", "https://login.example.com"))),
                Arguments.of("signed by another key", TestTokens.signWithUntrustedKey(TestTokens.claims("ops"))));
    }

    @BeforeEach
    void forgetWhatTheStubsSaw() {
        GatewayTestResource.forgetSeen();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesTheTokenBeforeForwarding(String what, String token) {
        given().auth().oauth2(token)
                .when().get("/api/exams")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://partnerhub.io/problems/unauthorized"))
                .body("status", equalTo(401));
        MatcherAssert.assertThat(GatewayTestResource.seenBy("exam"), empty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusesTheTokenOnItsOwnClockEndpoint(String what, String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"offset\":\"P1D\"}")
                .when().put("/api/admin/clock")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/unauthorized"));
        MatcherAssert.assertThat(GatewayTestResource.seenBy("exam"), empty());
    }

    @Test
    void acceptsATokenForPartnerHubWithinItsLifetime() {
        String withinAge = sign(c -> times(c, Instant.now().minus(Duration.ofHours(11)), Duration.ofHours(12)));
        String longLivedButFresh = sign(c -> times(c, Instant.now().minusSeconds(5), Duration.ofDays(30)));
        for (String token : List.of(TestTokens.ops(), TestTokens.examProvider("PSI"), withinAge, longLivedButFresh,
                sign(c -> c.put("aud", List.of("crm", "partnerhub"))))) {
            given().auth().oauth2(token)
                    .when().get("/api/exams")
                    .then().statusCode(200)
                    .body("authenticated", equalTo("true"));
        }
    }

    private static String sign(Function<Map<String, Object>, Object> change) {
        Map<String, Object> claims = TestTokens.claims("ops");
        change.apply(claims);
        return TestTokens.sign(claims);
    }

    private static Object times(Map<String, Object> claims, Instant issuedAt, Duration lifetime) {
        claims.put("iat", issuedAt.getEpochSecond());
        return claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
    }
}
