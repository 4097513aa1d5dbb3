package io.partnerhub.chassis.time;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class AdminClockResourceTest {

    @Inject
    Clock clock;

    @Inject
    AdjustableClock adjustable;

    @AfterEach
    void reset() {
        adjustable.reset();
    }

    @Test
    void opsMovesTheApplicationClock() {
        Instant before = clock.instant();
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"offset\":\"P400D\"}")
                .put("/admin/clock")
                .then().statusCode(200).body("offset", equalTo("PT9600H"));
        assertThat(Duration.between(before, clock.instant())).isBetween(Duration.ofDays(400), Duration.ofDays(400).plusMinutes(1));

        Instant served = Instant.parse(given().auth().oauth2(TestTokens.ops()).get("/test/widgets/now")
                .then().statusCode(200).extract().path("now"));
        assertThat(served).isAfter(before.plus(Duration.ofDays(399)));

        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"offset\":\"-PT36H\"}")
                .put("/admin/clock").then().statusCode(200).body("offset", equalTo("PT-36H"));
        given().auth().oauth2(TestTokens.ops()).get("/admin/clock").then().statusCode(200).body("offset", equalTo("PT-36H"));
        assertThat(clock.instant()).isBefore(Instant.now().minus(Duration.ofHours(35)));
    }

    @Test
    void nonOpsCannotTouchTheClock() {
        given().auth().oauth2(TestTokens.employee("cand-1", "org-1")).contentType(ContentType.JSON)
                .body("{\"offset\":\"P1D\"}").put("/admin/clock")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/admin/clock").then().statusCode(401);
        assertThat(adjustable.offset()).isZero();
    }

    @Test
    void notADurationIsA400Problem() {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"offset\":\"P1Y\"}")
                .put("/admin/clock")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{}")
                .put("/admin/clock")
                .then().statusCode(400).body("type", equalTo("https://partnerhub.io/problems/validation-failed"));
    }
}
