package io.partnerhub.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** #26 /api/admin/projections/rebuild: starts competency-service's rebuild, then asks both producers for snapshots. */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ProjectionRebuildGatewayTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;
    private static final String CONFIRMED = "{\"confirm\":\"drop-projections\"}";

    @Test
    void startsTheRebuildThenAsksBothProducersForASnapshotWithItsId() {
        String token = TestTokens.ops();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(CONFIRMED).when().post("/api/admin/projections/rebuild")
                .then().statusCode(202)
                .body("rebuild.id", equalTo("3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10"))
                .body("snapshots", hasSize(2))
                .body("snapshots.service", hasItems("certification-service", "membership-service"))
                .body("snapshots.items.path", everyItem(equalTo("/admin/snapshots")))
                .body("snapshots.items.body", everyItem(containsString("\"reference\":\"3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10\"")))
                .body("snapshots.items.authorization", everyItem(equalTo("Bearer " + token)));
        given().auth().oauth2(token).when().get("/api/admin/projections/rebuild/3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10")
                .then().statusCode(200).body("service", equalTo("competency"))
                .body("path", equalTo("/admin/projections/rebuild/3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10"));
    }

    @Test
    void onlyOpsWithTheConfirmationStartsIt() {
        for (String body : new String[] { "{}", "{\"confirm\":\"yes\"}", "{\"confirm\":\"" + "x".repeat(300) + "\"}", "[]" }) {
            given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(body).when()
                    .post("/api/admin/projections/rebuild").then().statusCode(400).contentType(PROBLEM);
        }
        given().auth().oauth2(TestTokens.partnerAdmin("o-1")).contentType(ContentType.JSON).body(CONFIRMED).when()
                .post("/api/admin/projections/rebuild").then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(CONFIRMED).when().post("/api/admin/projections/rebuild")
                .then().statusCode(401).contentType(PROBLEM);
        for (String bad : new String[] { "..%2F..%2Fq%2Fmetrics", "x".repeat(300), "%00" }) {
            given().auth().oauth2(TestTokens.ops()).urlEncodingEnabled(false).when().get("/api/admin/projections/rebuild/" + bad)
                    .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404))).contentType(PROBLEM);
        }
        given().auth().oauth2(TestTokens.employee("c-1", "o-1")).when()
                .get("/api/admin/projections/rebuild/3f6c2a9e-1b7d-4e2a-9c51-7d0e8b4a2f10").then().statusCode(403);
    }
}
