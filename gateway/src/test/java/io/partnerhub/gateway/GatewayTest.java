package io.partnerhub.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class GatewayTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    @Test
    void forwardsMethodPathQueryBodyAndStatusToTheOwningService() {
        given().contentType(ContentType.JSON).body("{\"candidateId\":\"c-1\",\"examCode\":\"AZ-104\"}")
                .header("X-Demo", "kept")
                .urlEncodingEnabled(false)
                .when().post("/api/exam-registrations/r-1/system-check?passed=true&note=a%20b&status=202")
                .then().statusCode(202)
                .header("X-Stub", "exam")
                .header("Keep-Alive", nullValue())
                .body("service", equalTo("exam"))
                .body("method", equalTo("POST"))
                .body("path", equalTo("/exam-registrations/r-1/system-check"))
                .body("query", equalTo("passed=true&note=a%20b&status=202"))
                .body("body", equalTo("{\"candidateId\":\"c-1\",\"examCode\":\"AZ-104\"}"))
                .body("demoHeader", equalTo("kept"))
                .body("forwardedPrefix", equalTo("/api"))
                .body("requestId", notNullValue());
    }

    @ParameterizedTest(name = "/api/{0} goes to {1}")
    @CsvSource({
            "exams/AZ-104, exam", "exam-results, exam", "exam-candidates/c-1/eligibility, exam",
            "certifications, certification", "assessments/a-1, certification", "assessment-results, certification",
            "certification-holdings, certification", "transcripts/c-1, certification",
            "shared-transcripts/abc, certification", "badges/h-1/verification, certification",
            "badge-verifications, certification", ".well-known/jwks.json, certification",
            "competencies/cloud-platform, competency", "competency-status/o-1/cloud-platform/history, competency",
            "competency-simulations, competency", "solution-areas/infra-azure, competency",
            "designation-status/o-1/infra-azure, competency", "programmes/o-1, competency",
            "programme-switch/simulations, competency",
            "competency-simulations, competency", "organization-credentials/.well-known/jwks.json, competency",
            "organization-credentials/status-lists/1, competency",
            "organizations/o-1/membership, membership" })
    void routesByTheFirstPathSegment(String path, String service) {
        given().when().get("/api/" + path)
                .then().statusCode(200)
                .body("service", equalTo(service))
                .body("path", equalTo("/" + path));
    }

    @Test
    void forwardsTheAuthorizationOfAValidTokenAndMarksTheRequestAuthenticated() {
        String token = TestTokens.ops();
        given().auth().oauth2(token)
                .when().get("/api/certifications")
                .then().statusCode(200)
                .body("authorization", equalTo("Bearer " + token))
                .body("authenticated", equalTo("true"));
    }

    @Test
    void passesRequestsWithoutTokenMarkedAnonymousWhateverTheClientClaims() {
        given().header("X-PartnerHub-Authenticated", "true")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .when().get("/api/badges/h-1")
                .then().statusCode(200)
                .body("authorization", nullValue())
                .body("authenticated", equalTo("false"))
                .body("proxyAuthorization", nullValue());
    }

    @Test
    void rejectsAnInvalidTokenWithAProblem() {
        given().header("Authorization", "Bearer not-a-jwt")
                .when().get("/api/exams")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://partnerhub.io/problems/unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void rejectsATokenWhoseSignatureDoesNotVerify() {
        String token = TestTokens.ops();
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        given().auth().oauth2(tampered)
                .when().get("/api/exams")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .body("type", endsWith("/unauthorized"));
    }

    @Test
    void rejectsANonBearerAuthorization() {
        given().header("Authorization", "Basic b3BzOm9wcw==")
                .when().get("/api/exams")
                .then().statusCode(401)
                .contentType(PROBLEM);
    }

    @Test
    void answersUnknownSegmentsWithNotFoundProblem() {
        given().when().get("/api/nothing-here/1")
                .then().statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/not-found"))
                .body("instance", equalTo("/api/nothing-here/1"));
        given().when().get("/api/admin/other")
                .then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void answersServiceUnavailableProblemWhenTheServiceIsDown() {
        GatewayTestResource.switchStub("membership", false);
        try {
            given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"mpnId\":\"1\"}")
                    .when().post("/api/organizations")
                    .then().statusCode(503)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://partnerhub.io/problems/service-unavailable"))
                    .body("detail", containsString("membership-service"));
        } finally {
            GatewayTestResource.switchStub("membership", true);
        }
        given().when().get("/api/organizations/o-1").then().statusCode(200).body("service", equalTo("membership"));
    }

    @Test
    void answersGatewayTimeoutProblemWhenTheServiceDoesNotAnswer() {
        given().when().get("/api/exams/slow")
                .then().statusCode(504)
                .contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/gateway-timeout"));
    }

    @Test
    void refusesBodiesOverTheLimitWithAProblem() {
        given().contentType(ContentType.JSON).body("\"" + "x".repeat(300 * 1024) + "\"")
                .when().post("/api/exam-results")
                .then().statusCode(413)
                .contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/payload-too-large"));
    }

    @Test
    void pointsLocationHeadersBackAtTheGateway() {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/certifications/created")
                .then().statusCode(201)
                .header("Location", endsWith("/api/certifications/new-id"))
                .header("Location", not(containsString(":" + "8082")));
    }

    @Test
    void movesEveryServiceClock() {
        String token = TestTokens.ops();
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"offset\":\"P30D\"}")
                .when().put("/api/admin/clock")
                .then().statusCode(200)
                .body("offset", equalTo("P30D"))
                .body("services", hasSize(4))
                .body("services.service", hasItems("exam-service", "certification-service", "competency-service", "membership-service"))
                .body("services.status", everyItemIs(200))
                .body("services.body.offset", hasItems("P30D", "P30D", "P30D", "P30D"))
                .body("services.body.authorization", hasItem("Bearer " + token));
        given().auth().oauth2(token)
                .when().get("/api/admin/clock")
                .then().statusCode(200)
                .body("services", hasSize(4));
    }

    @Test
    void reportsWhichServiceDidNotTakeTheClockChange() {
        GatewayTestResource.switchStub("competency", false);
        try {
            given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"offset\":\"P1D\"}")
                    .when().put("/api/admin/clock")
                    .then().statusCode(502)
                    .contentType(PROBLEM)
                    .body("type", endsWith("/clock-fan-out-incomplete"))
                    .body("services.find { it.service == 'competency-service' }.status", equalTo(503))
                    .body("services.find { it.service == 'exam-service' }.status", equalTo(200));
        } finally {
            GatewayTestResource.switchStub("competency", true);
        }
    }

    @Test
    void listsEveryServicesDeadLettersAndFailedOutboxRowsWithTheOpsTokenPassedOn() {
        String token = TestTokens.ops();
        for (String list : new String[] { "/api/admin/dead-letters", "/api/admin/outbox/failed" }) {
            String own = list.replace("/api", "");
            given().auth().oauth2(token).queryParam("page", 2).queryParam("size", 5).when().get(list)
                    .then().statusCode(200)
                    .body("services", hasSize(4))
                    .body("services.service", hasItems("exam-service", "certification-service", "competency-service",
                            "membership-service"))
                    .body("services.status", everyItemIs(200))
                    .body("services.items.path", org.hamcrest.Matchers.everyItem(equalTo(own)))
                    .body("services.items.query", org.hamcrest.Matchers.everyItem(equalTo("page=2&size=5")))
                    .body("services.items.authorization", org.hamcrest.Matchers.everyItem(equalTo("Bearer " + token)));
            given().auth().oauth2(token).queryParam("service", "competency").when().get(list)
                    .then().statusCode(200).body("services", hasSize(1))
                    .body("services[0].service", equalTo("competency-service"));
            given().auth().oauth2(token).queryParam("service", "nope").when().get(list)
                    .then().statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(token).queryParam("page", 21474837).when().get(list)
                    .then().statusCode(400).contentType(PROBLEM);
            given().auth().oauth2(TestTokens.partnerAdmin("o-1")).when().get(list).then().statusCode(403).contentType(PROBLEM);
            given().when().get(list).then().statusCode(401).contentType(PROBLEM);
        }
    }

    @Test
    void passesARedriveReleaseOrSkipOnToTheNamedServiceOnly() {
        String id = "5b0c7c1e-8f1a-4c55-9a7e-0d3f5c2b9e11";
        given().auth().oauth2(TestTokens.ops()).when().post("/api/admin/dead-letters/certification/" + id + "/redrive")
                .then().statusCode(200).body("service", equalTo("certification")) // the stub's name
                .body("path", equalTo("/admin/dead-letters/" + id + "/redrive")).body("method", equalTo("POST"));
        given().auth().oauth2(TestTokens.ops()).when().post("/api/admin/dead-letters/exam/redrive")
                .then().statusCode(200).body("service", equalTo("exam")).body("path", equalTo("/admin/dead-letters/redrive"));
        given().auth().oauth2(TestTokens.ops()).when().post("/api/admin/outbox/failed/membership/" + id + "/release")
                .then().statusCode(200).body("path", equalTo("/admin/outbox/failed/" + id + "/release"));
        given().auth().oauth2(TestTokens.ops()).when().post("/api/admin/outbox/failed/exam/" + id + "/skip")
                .then().statusCode(200).body("path", equalTo("/admin/outbox/failed/" + id + "/skip"));
        for (String bad : new String[] { "..%2F..%2Fq%2Fmetrics", "x".repeat(300), "%00" + id.substring(3) }) {
            given().auth().oauth2(TestTokens.ops()).urlEncodingEnabled(false).when()
                    .post("/api/admin/dead-letters/exam/" + bad + "/redrive").then().statusCode(org.hamcrest.Matchers.anyOf(
                            equalTo(400), equalTo(404))).contentType(PROBLEM);
        }
        given().auth().oauth2(TestTokens.ops()).when().post("/api/admin/dead-letters/nope/" + id + "/redrive")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.employee("c-1", "o-1")).when().post("/api/admin/dead-letters/exam/redrive")
                .then().statusCode(403).contentType(PROBLEM);
        GatewayTestResource.switchStub("competency", false);
        try {
            given().auth().oauth2(TestTokens.ops()).when().get("/api/admin/dead-letters").then().statusCode(200)
                    .body("services.find { it.service == 'competency-service' }.status", equalTo(503))
                    .body("services.find { it.service == 'exam-service' }.status", equalTo(200));
            given().auth().oauth2(TestTokens.ops()).when().post("/api/admin/dead-letters/competency/redrive")
                    .then().statusCode(503).contentType(PROBLEM).body("service", equalTo("competency-service"));
        } finally {
            GatewayTestResource.switchStub("competency", true);
        }
    }

    @Test
    void anOffsetNoServiceCouldReadIsTheCallers400AndMovesNoClock() {
        for (String offset : new String[] { "P300000Y", "soon", "PT99999999999999999999H", "x".repeat(300) }) {
            given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"offset\":\"" + offset + "\"}")
                    .when().put("/api/admin/clock")
                    .then().statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", endsWith("/malformed-request"))
                    .body("field", equalTo("offset"));
        }
    }

    @Test
    void letsOnlyOpsMoveTheClock() {
        given().contentType(ContentType.JSON).body("{\"offset\":\"P30D\"}")
                .when().put("/api/admin/clock")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.employee("c-1", "o-1")).contentType(ContentType.JSON).body("{\"offset\":\"P30D\"}")
                .when().put("/api/admin/clock")
                .then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", "Bearer not-a-jwt").contentType(ContentType.JSON).body("{\"offset\":\"P30D\"}")
                .when().put("/api/admin/clock")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void servesEachServiceOpenApiDocumentWithServersPointingAtTheGateway() {
        given().when().get("/openapi/exam")
                .then().statusCode(200)
                .body("info.title", equalTo("exam"))
                .body("servers", hasSize(1))
                .body("servers[0].url", equalTo("/api"));
        given().when().get("/openapi/nothing").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void servesItsOwnOpenApiAndTheConsoleListingEveryDocument() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/admin/clock"));
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200);
        String page = given().when().get("/q/swagger-ui/index.html").then().statusCode(200).extract().asString();
        for (String document : new String[] { "/openapi/exam", "/openapi/certification", "/openapi/competency",
                "/openapi/membership", "/q/openapi" }) {
            org.hamcrest.MatcherAssert.assertThat(page, containsString(document));
        }
    }

    @Test
    void reportsHealthAndMetrics() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("gateway routes"));
        given().when().get("/api/exams").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds"));
    }

    @Test
    void sendsASafeRequestAgainWhenItsConnectionBrokeOffButNeverAWrite() {
        // the stub closes the connection of the first such request without answering, as a restarting service does
        GatewayTestResource.forgetSeen();
        given().when().get("/api/exams/AZ-104/drop-once")
                .then().statusCode(200).body("path", equalTo("/exams/AZ-104/drop-once"));
        given().contentType("application/json").body("{}").when().post("/api/exams/AZ-104/drop-once")
                .then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("https://partnerhub.io/problems/bad-gateway"));
        assertEquals(3, GatewayTestResource.seenBy("exam").stream().filter(uri -> uri.endsWith("/drop-once")).count(),
                "the GET twice, the POST once: " + GatewayTestResource.seenBy("exam"));
    }

    @Test
    void labelsRequestMetricsWithTheRouteNotTheUrl() {
        given().when().get("/api/exams/AZ-900").then().statusCode(200);
        given().header("Origin", GatewayTestResource.PORTAL_ORIGIN).when().get("/api/exams/AZ-900").then().statusCode(200);
        given().when().get("/api/no-such-segment/x-42").then().statusCode(404);
        given().urlEncodingEnabled(false).when().get("/api/exams/%2e%2e/x-43").then().statusCode(400);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/api/exams/{path}\""), "routed requests by route");
        assertTrue(metrics.contains("uri=\"/api/{unrouted}\""), "unrouted requests under one label");
        assertTrue(metrics.contains("uri=\"/{invalid-path}\""), "refused paths under one label");
        assertFalse(metrics.contains("AZ-900") || metrics.contains("x-42") || metrics.contains("x-43") || metrics.contains("$1"),
                "no URL in a label");
    }

    private static org.hamcrest.Matcher<Iterable<? extends Integer>> everyItemIs(int value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
