package io.partnerhub.certification.events;

import static io.partnerhub.certification.holding.TestSupport.defineCertification;
import static io.partnerhub.certification.holding.TestSupport.examCode;
import static io.partnerhub.certification.holding.TestSupport.examPassed;
import static io.partnerhub.certification.holding.TestSupport.publish;
import static io.partnerhub.certification.holding.TestSupport.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.Database;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 20: certification's database closes its doors (as a failover or a maintenance window does, {@code ALTER
 * DATABASE … ALLOW_CONNECTIONS false}: every new connection is refused with SQLState 55000, the pooled ones are
 * terminated) while exam.passed events keep arriving. The consumer waits instead of dead-lettering: when the doors
 * open again every pass is applied once and every candidate earns exactly one holding.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ExamPassedWhileDatabaseRefusesConnectionsTest {

    private static final int BEFORE = 10;
    private static final int DURING = 20;
    /**
     * The doors open again once the consumer has waited this many times on one partition: about 20 s with the
     * default back-off (200 ms doubling) and Agroal's ~1 s per refused connection attempt.
     */
    private static final int RETRIES = 6;
    private static final Pattern RETRY = Pattern.compile("\\(retry (\\d+),");

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    private final AtomicBoolean refusing = new AtomicBoolean();
    private final AtomicInteger retriesSeen = new AtomicInteger();
    private final AtomicBoolean probeSaidNotAnswering = new AtomicBoolean();

    @AfterEach
    void openTheDoors() throws SQLException {
        if (refusing.getAndSet(false)) {
            allowConnections(true);
        }
    }

    @Test
    void passesArrivingWhileTheDatabaseRefusesConnectionsAreAppliedOnceEachAndNothingIsDeadLettered() throws Exception {
        String exam = examCode();
        String certification = defineCertification("ASSOCIATE", "[[\"%s\"]]".formatted(exam), "[]");
        List<String> candidates = IntStream.range(0, BEFORE + DURING).mapToObj(i -> unique("outage-" + i + "-")).toList();
        List<String> eventIds = new ArrayList<>();
        int published = 0;
        for (; published < BEFORE; published++) {
            eventIds.add(pass(candidates.get(published), exam));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> holdingsOf(certification) >= 3); // mid-stream

        allowConnections(false);
        refusing.set(true);
        // the rest of the stream arrives while the consumer waits: a slice, then the next once it has waited once more
        for (int retry = 1; retry <= RETRIES; retry++) {
            for (int until = BEFORE + DURING * retry / RETRIES; published < until; published++) {
                eventIds.add(pass(candidates.get(published), exam));
            }
            int reached = retry;
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> consumerRetries() >= reached);
        }
        assertTrue(probeSaidNotAnswering.get(), "the 55000 failures were waited out because the probe failed");
        allowConnections(true);
        refusing.set(false);

        await().atMost(Duration.ofSeconds(40)).ignoreExceptions()
                .until(() -> holdingsOf(certification) == BEFORE + DURING);
        assertEquals(0, deadLettersOf(candidates), "dead letters");
        assertEquals(BEFORE + DURING, inboxRowsOf(eventIds), "each event recorded in the inbox once");
        for (String candidate : candidates) {
            given().auth().oauth2(TestTokens.ops()).queryParam("candidateId", candidate)
                    .when().get("/certification-holdings").then().statusCode(200)
                    .body("$", hasSize(1)).body("[0].certificationId", equalTo(certification));
            given().auth().oauth2(TestTokens.ops()).when().get("/transcripts/" + candidate)
                    .then().statusCode(200).body("passedExams", hasSize(1));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    private static String pass(String candidate, String exam) throws Exception {
        var event = examPassed(candidate, exam);
        publish(event);
        return event.get("id").asText();
    }

    /** The highest retry count the exam-events consumer has reported on readiness so far. */
    private int consumerRetries() {
        String body = given().get("/q/health/ready").then().extract().asString();
        if (body.contains("database not answering")) {
            probeSaidNotAnswering.set(true);
        }
        Matcher retry = RETRY.matcher(body);
        while (retry.find()) {
            retriesSeen.accumulateAndGet(Integer.parseInt(retry.group(1)), Math::max);
        }
        return retriesSeen.get();
    }

    /**
     * Closes or opens the service's database, as PostgreSQL's superuser from the maintenance database. Closing also
     * ends the sessions the pool holds, which would otherwise go on working.
     */
    private void allowConnections(boolean allow) throws SQLException {
        String database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        try (Connection admin = DriverManager.getConnection(PartnerHubTestResource.jdbcUrl("postgres"), "postgres", "");
                Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allow);
            if (!allow) {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, Database.USER, Database.PASSWORD);
    }

    private int holdingsOf(String certification) throws SQLException {
        return count("SELECT count(*) FROM certification_holding WHERE certification_id = ?", certification);
    }

    private int deadLettersOf(List<String> candidates) throws SQLException {
        return count("SELECT count(*) FROM dead_letter WHERE record_key = ANY (?)", candidates);
    }

    private int inboxRowsOf(List<String> eventIds) throws SQLException {
        return count("SELECT count(*) FROM inbox_event WHERE event_id = ANY (?)", eventIds);
    }

    private int count(String query, Object parameter) throws SQLException {
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(query)) {
            if (parameter instanceof List<?> values) {
                Array array = connection.createArrayOf("text", values.toArray());
                select.setArray(1, array);
            } else {
                select.setObject(1, parameter);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
