package io.partnerhub.membership.bench;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.chassis.testing.ProcessCpu;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.partnerhub.devstack.test.Topics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Issue #25/#26: membership-service's CPU per exam result of the propagation chain (prints figures; runs only with
 * {@code -Pbench}). In the chain, membership-service is not on a result's path but consumes what the result causes:
 * {@code exam.passed} (the score-report mail), {@code certification.earned} (no mail) and
 * {@code competency.attained} (the membership standing, the partner-admins' mail, webhooks), each in its own consumer
 * group and inbox transaction, then sends the mail. This publishes the same three CloudEvents per result, one result at
 * a time as PropagationReportIT posts them (paced: one result every {@code bench.pace-ms}, so that a result's events
 * are consumed before the next result's arrive, as in the chain), for organisations shaped like the report's (one
 * EMPLOYEE associated with the candidate, no partner-admin account, no webhook endpoint), waits until every standing
 * is stored and every mail SENT, and prints CPU ms per result of this JVM (the service; the test's producer and its
 * look-ups are in it too, alike before and after a change) and of its PostgreSQL, less the idle rate measured just before, and that idle rate.
 * <p>
 * {@code ./mvnw -B -ntp -pl membership-service -am test -Pbench -Dtest=ResultEventsBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.jvm=-XX:TieredStopAtLevel=1} (the devstack's JIT);
 * {@code -Dbench.results} (200), {@code -Dbench.warm-up} (100), {@code -Dbench.pace-ms} (100), {@code -Dbench.idle-seconds}
 * (6). Production settings
 * for the pollers as the devstack runs them (the test profile's are shorter), INFO logging as in the devstack.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
@TestProfile(ResultEventsBenchmark.Profile.class)
class ResultEventsBenchmark {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnerhub.webhooks.poll-interval", "1s", "partnerhub.notification.send-interval", "2s",
                    "quarkus.log.category.\"io.partnerhub\".level", "INFO"); // the test-jar's DEBUG costs CPU per event
        }
    }

    private static final int RESULTS = Integer.getInteger("bench.results", 200);
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 100);
    private static final int IDLE_SECONDS = Integer.getInteger("bench.idle-seconds", 6);
    private static final int PACE_MS = Integer.getInteger("bench.pace-ms", 100);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void cpuPerResult() throws Exception {
        List<String[]> people = new ArrayList<>(); // {organization, candidate}
        for (int i = 0; i < WARM_UP + RESULTS; i++) {
            String organization = io.partnerhub.membership.user.UserAccountsTest.organization();
            String user = io.partnerhub.membership.user.UserAccountsTest.addUser(organization,
                    "p" + UUID.randomUUID().toString().substring(0, 12) + "@mail.example");
            String candidate = "bench-" + UUID.randomUUID().toString().substring(0, 12);
            given().auth().oauth2(TestTokens.employee(candidate, organization)).contentType(ContentType.JSON).body("{}")
                    .when().post("/organizations/" + organization + "/users/" + user + "/association").then().statusCode(200);
            people.add(new String[] {organization, candidate});
        }
        long postmaster = ProcessCpu.postmaster(jdbcUrl);
        try (KafkaProducer<String, String> producer = Topics.producer(PartnerHubTestResource.kafkaBootstrapServers());
                Connection connection = dataSource.getConnection()) {
            publishPaced(producer, people.subList(0, WARM_UP));
            awaitStored(connection, people.get(WARM_UP - 1)[0], WARM_UP);
            awaitSent(connection);

            double[] idleStart = cpu(postmaster);
            long idleStarted = System.nanoTime();
            await().pollDelay(Duration.ofSeconds(IDLE_SECONDS)).atMost(Duration.ofSeconds(IDLE_SECONDS + 5)).until(() -> true);
            double idleSeconds = (System.nanoTime() - idleStarted) / 1e9;
            double[] before = cpu(postmaster);
            long started = System.nanoTime();
            publishPaced(producer, people.subList(WARM_UP, WARM_UP + RESULTS));
            long propagated = System.nanoTime();
            awaitStored(connection, people.get(WARM_UP + RESULTS - 1)[0], WARM_UP + RESULTS);
            awaitSent(connection);
            double seconds = (System.nanoTime() - started) / 1e9;
            double[] after = cpu(postmaster);

            String[] names = { "membership-service JVM", "its PostgreSQL" };
            System.out.printf(Locale.ROOT, "%n=== membership-service CPU per result (#25/#26): %d results one at a time, warm-up %d ===%n",
                    RESULTS, WARM_UP);
            System.out.printf(Locale.ROOT, "  one result every %d ms (%.1f s), all stored and mailed after %.1f s;"
                    + " load average %.1f; JVM %s%n", PACE_MS, (propagated - started) / 1e9,
                    seconds, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                            .filter(a -> a.startsWith("-XX:Tiered") || a.startsWith("-Xmx")).toList());
            for (int k = 0; k < names.length; k++) {
                double idleRate = (before[k] - idleStart[k]) / idleSeconds;
                double perResult = 1000 * (after[k] - before[k] - idleRate * seconds) / RESULTS;
                System.out.printf(Locale.ROOT, "  %-24s CPU %.2f ms per result, less idle (idle %.1f ms per s, %.0f ms per 3 s)%n",
                        names[k], perResult, 1000 * idleRate, 3000 * idleRate);
            }
        }
    }

    /**
     * Publishes each person's result, one every {@code bench.pace-ms} (a result's events are consumed before the next
     * result's arrive, as in the chain, where one result propagates at a time: no batches).
     */
    private static void publishPaced(KafkaProducer<String, String> producer, List<String[]> people) throws Exception {
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger next = new AtomicInteger();
            CompletableFuture<Void> done = new CompletableFuture<>();
            pacer.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= people.size()) {
                    done.complete(null);
                    return;
                }
                try {
                    result(producer, people.get(i));
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            }, 0, PACE_MS, TimeUnit.MILLISECONDS);
            done.get(10, TimeUnit.MINUTES);
        } finally {
            pacer.shutdownNow();
        }
    }

    /** One result's events, as the chain publishes them. */
    private static void result(KafkaProducer<String, String> producer, String[] person) throws Exception {
        String organization = person[0];
        String candidate = person[1];
        publish(producer, "exam-events", "/exam-service", "io.partnerhub.exam.passed.v1", candidate,
                Map.of("candidateId", candidate, "examCode", "AZ-104", "attemptId", UUID.randomUUID().toString(),
                        "score", 812, "takenAt", Instant.now().toString()));
        publish(producer, "certification-events", "/certification-service", "io.partnerhub.certification.earned.v1",
                candidate, Map.of("candidateId", candidate, "certificationId", "azure-administrator-associate",
                        "holdingId", UUID.randomUUID().toString(), "earnedAt", Instant.now().toString(),
                        "expiresAt", "2027-12-07T10:00:00Z"));
        Map<String, Object> competency = new LinkedHashMap<>();
        competency.put("organizationId", organization);
        competency.put("competencyId", "cloud-platform");
        competency.put("level", "SILVER");
        competency.put("validUntil", "2027-12-07T10:00:00Z");
        competency.put("reasons", List.of());
        publish(producer, "competency-events", "/competency-service", "io.partnerhub.competency.attained.v1", organization,
                competency);
    }

    /** Until the last organisation has its standing and {@code mails} score reports are queued (this run's only). */
    private static void awaitStored(Connection connection, String lastOrganization, int mails) {
        await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofMinutes(5)).until(() -> count(connection,
                "SELECT count(*) FROM competency_standing WHERE organization_id = ?::uuid", lastOrganization) == 1
                && count(connection, "SELECT count(*) FROM notification_mail WHERE kind = ?", "EXAM_SCORE_REPORT") >= mails);
    }

    private static void awaitSent(Connection connection) {
        await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(60)).until(() -> count(connection,
                "SELECT count(*) FROM notification_mail WHERE status IN ('PENDING', 'RETRYING') AND kind = ?",
                "EXAM_SCORE_REPORT") == 0);
    }

    private static String publish(KafkaProducer<String, String> producer, String topic, String source, String type,
            String subject, Map<String, Object> data) throws Exception {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", source).put("type", type).put("subject", subject).put("time", Instant.now().toString())
                .put("datacontenttype", "application/json");
        event.set("data", JSON.valueToTree(data));
        producer.send(new ProducerRecord<>(topic, subject, JSON.writeValueAsString(event))).get();
        return event.get("id").asText();
    }

    private static long count(Connection connection, String sql, String parameter) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static double[] cpu(long postmaster) {
        return new double[] { ProcessCpu.thisJvmSeconds(), ProcessCpu.postgresSeconds(postmaster) };
    }
}
