package io.partnerhub.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Rate limits, the wait queue toward a service, with small budgets: reads 3, writes 2, results 2 per minute per client;
 * one connection and one waiting request per service.
 */
@QuarkusTest
@WithTestResource(value = LimitsTest.SmallBudgets.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class LimitsTest {

    public static class SmallBudgets extends GatewayTestResource {
        @Override
        protected void budgets(Map<String, String> config) {
            config.put("partnerhub.gateway.rate-limits.reads.quota", "3");
            config.put("partnerhub.gateway.rate-limits.reads.window", "60s");
            config.put("partnerhub.gateway.rate-limits.writes.quota", "2");
            config.put("partnerhub.gateway.rate-limits.writes.window", "60s");
            config.put("partnerhub.gateway.rate-limits.results.quota", "2");
            config.put("partnerhub.gateway.rate-limits.results.window", "60s");
            config.put("partnerhub.gateway.rate-limits.directory.quota", "2");
            config.put("partnerhub.gateway.rate-limits.directory.window", "60s");
            config.put("partnerhub.gateway.max-connections", "1");
            config.put("partnerhub.gateway.max-wait-queue", "1");
        }
    }

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    @Test
    void aClientPastItsReadBudgetGets429WithRetryAfterAndRateLimitHeaders() {
        String token = TestTokens.partnerAdmin("11111111-0000-4000-8000-000000000001");
        for (int i = 2; i >= 0; i--) {
            given().auth().oauth2(token).when().get("/api/exams/AZ-104")
                    .then().statusCode(200)
                    .header("RateLimit-Policy", "\"reads\";q=3;w=60")
                    .header("RateLimit", matchesPattern("\"reads\";r=" + i + ";t=\\d+"));
        }
        GatewayTestResource.forgetSeen();
        given().auth().oauth2(token).when().get("/api/exams/AZ-104")
                .then().statusCode(429)
                .contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/too-many-requests"))
                .body("policy", equalTo("reads"))
                .header("Retry-After", matchesPattern("[1-9]\\d*"))
                .header("RateLimit", matchesPattern("\"reads\";r=0;t=\\d+"))
                .header("RateLimit-Policy", "\"reads\";q=3;w=60");
        assertTrue(GatewayTestResource.seenBy("exam").isEmpty(), "a limited request must not reach the service");

        // writes and providers' results have budgets of their own
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").when().post("/api/exam-registrations")
                .then().statusCode(200).header("RateLimit-Policy", "\"writes\";q=2;w=60");
        // another subject has a bucket of its own
        given().auth().oauth2(TestTokens.partnerAdmin("11111111-0000-4000-8000-000000000002")).when().get("/api/exams/AZ-104")
                .then().statusCode(200);
    }

    @Test
    void providersResultsSpendTheirOwnBudget() {
        String provider = TestTokens.examProvider("PSI");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(provider).contentType(ContentType.JSON).body("{}").when().post("/api/exam-results")
                    .then().statusCode(200).header("RateLimit-Policy", "\"results\";q=2;w=60");
        }
        given().auth().oauth2(provider).contentType(ContentType.JSON).body("{}").when().post("/api/exam-results")
                .then().statusCode(429).header("RateLimit-Policy", "\"results\";q=2;w=60");
        given().auth().oauth2(provider).contentType(ContentType.JSON).body("{}").when().post("/api/exam-registrations")
                .then().statusCode(200).header("RateLimit-Policy", "\"writes\";q=2;w=60");
    }

    @Test
    void anonymousClientsAreLimitedByAddress() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(given().when().get("/api/certifications").statusCode());
        }
        // an earlier anonymous test may have spent some of the address's reads already
        assertTrue(statuses.contains(429) && statuses.get(statuses.size() - 1) == 429, statuses.toString());
    }

    @Test
    void thePublicDirectoryHasASmallBudgetOfItsOwnPerClient() {
        String token = TestTokens.partnerAdmin("11111111-0000-4000-8000-000000000009");
        for (int i = 1; i >= 0; i--) {
            given().auth().oauth2(token).queryParam("page", 1 - i).when().get("/api/partner-directory")
                    .then().statusCode(200).header("RateLimit-Policy", "\"directory\";q=2;w=60")
                    .header("RateLimit", matchesPattern("\"directory\";r=" + i + ";t=\\d+"));
        }
        given().auth().oauth2(token).when().get("/api/partner-directory/3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d")
                .then().statusCode(429).contentType(PROBLEM).body("policy", equalTo("directory"))
                .header("Retry-After", matchesPattern("[1-9]\\d*"));
        // the client's ordinary reads are untouched
        given().auth().oauth2(token).when().get("/api/exams/AZ-104").then().statusCode(200)
                .header("RateLimit-Policy", "\"reads\";q=3;w=60");
    }

    @Test
    void aFullWaitQueueTowardAServiceIsAnsweredAtOnce() {
        // one connection (held by a request the service never answers), one waiting: the third is refused at once
        ConcurrentLinkedQueue<long[]> answers = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String token = TestTokens.partnerAdmin("22222222-0000-4000-8000-00000000000" + i);
            calls.add(CompletableFuture.runAsync(() -> {
                long start = System.nanoTime();
                Response response = given().auth().oauth2(token).when().get("/api/badges/slow");
                answers.add(new long[] { response.statusCode(), (System.nanoTime() - start) / 1_000_000 });
            }));
        }
        calls.forEach(CompletableFuture::join);
        assertTrue(answers.stream().anyMatch(a -> a[0] == 503 && a[1] < 900), "no prompt 503: " + describe(answers));
        assertTrue(answers.stream().anyMatch(a -> a[0] == 504), "the held request should time out: " + describe(answers));
    }

    private static String describe(ConcurrentLinkedQueue<long[]> answers) {
        return answers.stream().map(a -> a[0] + " after " + a[1] + " ms").toList().toString();
    }
}
