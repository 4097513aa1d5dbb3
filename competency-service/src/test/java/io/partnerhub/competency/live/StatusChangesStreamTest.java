package io.partnerhub.competency.live;

import static io.partnerhub.competency.EventsSupport.JSON;
import static io.partnerhub.competency.EventsSupport.organizationWithMembers;
import static io.partnerhub.competency.EventsSupport.awaitStatus;
import static io.partnerhub.competency.EventsSupport.certification;
import static io.partnerhub.competency.EventsSupport.defineCompetency;
import static io.partnerhub.competency.EventsSupport.earned;
import static io.partnerhub.competency.EventsSupport.employee;
import static io.partnerhub.competency.EventsSupport.membership;
import static io.partnerhub.competency.EventsSupport.organizationRegistered;
import static io.partnerhub.competency.EventsSupport.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * K5 live: the server-sent event stream of an organisation's status changes, over the real broker and database: a
 * progress-only change is told by the fingerprint check without {@code changes}; a level attained here is told with it.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class StatusChangesStreamTest {

    private static final Instant LASTING = Instant.now().plus(Duration.ofDays(1200));

    @TestHTTPResource("/")
    URI root;
    @Inject
    StatusWatch watch;

    @Test
    void partnerAdminHearsOfTheStatusChangeAnEarnedCertificationCausesWithinASecondOfIt() throws Exception {
        String cert = unique("cert-");
        String competency = defineCompetency(cert); // SILVER: 2 individuals holding cert
        String org = UUID.randomUUID().toString();
        String candidate = unique("cand-");
        String second = unique("cand-");
        organizationWithMembers(org, candidate, second);
        awaitStatus(org, competency);

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Void>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(root.resolve("/competency-status/" + org + "/changes"))
                        .header("Authorization", "Bearer " + TestTokens.partnerAdmin(org))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(new Lines(lines)));
        try {
            assertEquals("event:ready", awaitLine(lines, "event:", Duration.ofSeconds(10)).replace(" ", ""));
            await().atMost(Duration.ofSeconds(10)).until(() -> watch.watches(org)); // a change is news from now on
            long published = System.nanoTime();
            certification(earned(candidate, cert, LASTING));
            String event = awaitLine(lines, "event:status", Duration.ofSeconds(10));
            double seconds = (System.nanoTime() - published) / 1e9;
            assertTrue(event.replace(" ", "").startsWith("event:status"), event);
            System.out.printf("status event %.3f s after the certification.earned was published%n", seconds); // a figure, not a gate
            // progress only (1 of 2): no competency event, so the fingerprint check told it, without what changed
            JsonNode progress = data(awaitLine(lines, "data:", Duration.ofSeconds(10)));
            assertEquals(org, progress.path("organizationId").asText());
            assertFalse(progress.has("changes"), progress.toString());
            given().auth().oauth2(TestTokens.ops()).get("/competency-status/{o}/{c}", org, competency).then()
                    .body("requirements[0].have", equalTo(1));

            // the second holder: SILVER attained, told at once by the commit with the level, and again by the check that
            // reads the new fingerprint, without it (one change told twice, as documented: either may come first)
            certification(earned(second, cert, LASTING));
            List<JsonNode> told = awaitStatuses(lines, seen -> seen.stream().anyMatch(data -> data.has("changes"))
                    && seen.stream().anyMatch(data -> !data.has("changes")), Duration.ofSeconds(10));
            JsonNode attained = told.stream().filter(data -> data.has("changes")).findFirst().orElseThrow();
            JsonNode change = attained.path("changes").get(0);
            assertEquals(1, attained.path("changes").size(), attained.toString());
            assertEquals(competency, change.path("competencyId").asText());
            assertEquals("attained", change.path("event").asText());
            assertEquals("SILVER", change.path("level").asText());
            assertTrue(change.hasNonNull("validUntil"), change.toString());
            given().auth().oauth2(TestTokens.ops()).get("/competency-status/{o}/{c}", org, competency).then()
                    .body("level", equalTo("SILVER"))
                    .body("validUntil", equalTo(change.path("validUntil").asText()));
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    void anotherOrganisationsAdminGetsNotFound() {
        given().auth().oauth2(TestTokens.partnerAdmin(UUID.randomUUID().toString())).accept("text/event-stream")
                .get("/competency-status/{o}/changes", UUID.randomUUID().toString()).then().statusCode(404);
    }

    /** The data of the next {@code status} events, until {@code enough} accepts them, failing after {@code within}. */
    private static List<JsonNode> awaitStatuses(BlockingQueue<String> lines, Predicate<List<JsonNode>> enough,
            Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        List<JsonNode> seen = new ArrayList<>();
        while (!enough.test(seen)) {
            awaitLine(lines, "event:status", Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            seen.add(data(awaitLine(lines, "data:", Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))));
        }
        return seen;
    }

    private static JsonNode data(String line) throws Exception {
        return JSON.readTree(line.substring(line.indexOf(':') + 1));
    }

    /** The stream's lines, whole (a chunk may end within a line), into a queue; cancelled with the request. */
    private record Lines(BlockingQueue<String> lines) implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable error) {
        }

        @Override
        public void onComplete() {
        }
    }

    /** The next line starting with {@code prefix} (spaces ignored), failing after {@code within}. */
    private static String awaitLine(BlockingQueue<String> lines, String prefix, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.replace(" ", "").startsWith(prefix.replace(" ", ""))) {
                return line;
            }
        }
        throw new AssertionError("no line starting with " + prefix + " within " + within);
    }
}
