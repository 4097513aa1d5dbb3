package io.partnerhub.membership.user;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.partnerhub.membership.events.MembershipEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class AssociationTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    /** With a reason, which ops need for a support association and others' requests ignore. */
    static Response associate(String token, String org, String user, String candidateId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"candidateId\":\"" + candidateId + "\",\"reason\":\"test support case\"}")
                .when().post("/organizations/" + org + "/users/" + user + "/association");
    }

    @Test
    void theAssociationMovesWithLeftThenJoinedInOrder() throws Exception {
        String candidate = "cand-" + UUID.randomUUID();
        String oldOrg = UserAccountsTest.organization();
        String oldUser = UserAccountsTest.addUser(oldOrg, "ada@old.example");
        String newOrg = UserAccountsTest.organization();
        String newUser = UserAccountsTest.addUser(newOrg, "ada@new.example");

        associate(TestTokens.employee(candidate, oldOrg), oldOrg, oldUser, candidate)
                .then().statusCode(200).body("severedOrganizationId", nullValue());
        associate(TestTokens.employee(candidate, newOrg), newOrg, newUser, candidate)
                .then().statusCode(200).body("organizationId", equalTo(newOrg))
                .body("severedOrganizationId", nullValue()); // the employee is not told where they were

        List<ConsumerRecord<String, String>> records = MembershipEvents.keyed(candidate, r -> r.size() >= 3,
                Duration.ofSeconds(30));
        assertEquals(3, records.size(), "joined (old), left (old), joined (new)");
        assertEquals(records.get(1).partition(), records.get(2).partition());
        JsonNode joinedOld = JSON.readTree(records.get(0).value());
        JsonNode left = JSON.readTree(records.get(1).value());
        JsonNode joinedNew = JSON.readTree(records.get(2).value());
        assertEquals("io.partnerhub.employee.joined.v1", joinedOld.get("type").asText());
        assertEquals("io.partnerhub.employee.left.v1", left.get("type").asText());
        assertEquals(oldOrg, left.at("/data/organizationId").asText());
        assertEquals(oldUser, left.at("/data/userId").asText());
        assertEquals("ASSOCIATED_ELSEWHERE", left.at("/data/reason").asText());
        assertEquals(candidate, left.get("subject").asText());
        assertEquals("io.partnerhub.employee.joined.v1", joinedNew.get("type").asText());
        assertEquals(newOrg, joinedNew.at("/data/organizationId").asText());
        assertEquals(newUser, joinedNew.at("/data/userId").asText());
        assertEquals(candidate, joinedNew.at("/data/candidateId").asText());

        given().auth().oauth2(TestTokens.partnerAdmin(oldOrg)).when().get("/organizations/" + oldOrg + "/users/" + oldUser)
                .then().statusCode(200).body("candidateId", nullValue()).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(TestTokens.partnerAdmin(newOrg)).when().get("/organizations/" + newOrg + "/users/" + newUser)
                .then().statusCode(200).body("candidateId", equalTo(candidate));
        // the same association again changes nothing
        associate(TestTokens.employee(candidate, newOrg), newOrg, newUser, candidate).then().statusCode(200);
    }

    /**
     * Deterministic race: another association of the candidate id is written (by a second connection, uncommitted)
     * while this request runs; this request's insert waits on the unique index of active associations and, when the
     * other commits, loses with a 409 problem. Exactly one association stays active.
     */
    @Test
    void theLoserOfTwoOverlappingAssociationsGetsAConflict() throws Exception {
        String candidate = "cand-" + UUID.randomUUID();
        String winnerOrg = UserAccountsTest.organization();
        String winnerUser = UserAccountsTest.addUser(winnerOrg, "winner@example.com");
        String loserOrg = UserAccountsTest.organization();
        String loserUser = UserAccountsTest.addUser(loserOrg, "loser@example.com");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("INSERT INTO association (id, candidate_id, "
                    + "organization_id, user_id, associated_at) VALUES (?, ?, ?, ?, now())")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, candidate);
                insert.setObject(3, UUID.fromString(winnerOrg));
                insert.setObject(4, UUID.fromString(winnerUser));
                insert.executeUpdate();
            }
            Future<Response> loser = pool.submit(() -> associate(TestTokens.ops(), loserOrg, loserUser, candidate));
            // the request read no active association and waits on the unique index
            await().atMost(Duration.ofSeconds(30)).until(this::anAssociationInsertWaitsOnALock);
            other.commit();
            Response response = loser.get();
            assertEquals(409, response.statusCode(), response.asString());
            assertEquals(PROBLEM, response.contentType().split(";")[0]);
            assertEquals("https://partnerhub.io/problems/candidate-associated", response.path("type"));
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + loserOrg + "/users/" + loserUser)
                .then().statusCode(200).body("candidateId", nullValue());
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + winnerOrg + "/users/" + winnerUser)
                .then().statusCode(200).body("candidateId", equalTo(candidate));
    }

    /** Whether a session of this database is blocked on a lock while writing an association. */
    private boolean anAssociationInsertWaitsOnALock() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"
                        + " AND query ILIKE '%association%'");
                ResultSet rows = query.executeQuery()) {
            return rows.next() && rows.getLong(1) > 0;
        }
    }

    /**
     * Free-running race of four organisations for one candidate id: requests that overlap lose with 409, requests that
     * run after a winner committed move the association (severing it); at the end exactly one organisation holds it and
     * the published joined/left events add up to that one holder.
     */
    @Test
    void concurrentAssociationsOfOneCandidateIdLeaveExactlyOneHolder() throws Exception {
        String candidate = "cand-" + UUID.randomUUID();
        int contenders = 4;
        List<String[]> targets = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            String org = UserAccountsTest.organization();
            targets.add(new String[] { org, UserAccountsTest.addUser(org, "race" + i + "@example.com") });
        }
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> results = new ArrayList<>();
        for (String[] target : targets) {
            results.add(pool.submit(() -> {
                start.await();
                return associate(TestTokens.ops(), target[0], target[1], candidate);
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Response> result : results) {
            Response response = result.get();
            if (response.statusCode() == 200) {
                winners++;
            } else {
                assertEquals(409, response.statusCode(), response.asString());
                assertEquals(PROBLEM, response.contentType().split(";")[0]);
            }
        }
        pool.shutdown();
        int held = 0;
        for (String[] target : targets) {
            String candidateId = given().auth().oauth2(TestTokens.ops())
                    .when().get("/organizations/" + target[0] + "/users/" + target[1])
                    .then().statusCode(200).extract().path("candidateId");
            held += candidate.equals(candidateId) ? 1 : 0;
        }
        assertEquals(1, held, "exactly one organisation holds the candidate id");
        int expectedEvents = winners + (winners - 1); // every winner joined; every later winner severed the previous
        List<ConsumerRecord<String, String>> records = MembershipEvents.keyed(candidate, r -> r.size() >= expectedEvents,
                Duration.ofSeconds(30));
        long joined = records.stream().filter(r -> r.value().contains("employee.joined.v1")).count();
        long left = records.stream().filter(r -> r.value().contains("employee.left.v1")).count();
        assertEquals(winners, joined);
        assertEquals(1, joined - left);
    }

    @Test
    void aDepartureKeepsTheAccountAndPublishesLeftDeparted() throws Exception {
        String candidate = "cand-" + UUID.randomUUID();
        String org = UserAccountsTest.organization();
        String user = UserAccountsTest.addUser(org, "ada@contoso.com");
        associate(TestTokens.employee(candidate, org), org, user, candidate).then().statusCode(200);
        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().post("/organizations/" + org + "/users/" + user + "/departure")
                .then().statusCode(200).body("status", equalTo("DEPARTED")).body("departedAt", notNullValue());
        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().post("/organizations/" + org + "/users/" + user + "/departure")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("https://partnerhub.io/problems/user-departed"));
        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().get("/organizations/" + org + "/users/" + user)
                .then().statusCode(200).body("status", equalTo("DEPARTED"));
        associate(TestTokens.employee(candidate, org), org, user, candidate)
                .then().statusCode(409).body("type", equalTo("https://partnerhub.io/problems/user-departed"));

        List<ConsumerRecord<String, String>> records = MembershipEvents.keyed(candidate, r -> r.size() >= 2,
                Duration.ofSeconds(30));
        JsonNode left = JSON.readTree(records.get(1).value());
        assertEquals("io.partnerhub.employee.left.v1", left.get("type").asText());
        assertEquals("DEPARTED", left.at("/data/reason").asText());
        assertEquals(org, left.at("/data/organizationId").asText());
    }

    @Test
    void onlyTheEmployeeThemselfOrOpsAssociate() {
        String org = UserAccountsTest.organization();
        String user = UserAccountsTest.addUser(org, "ada@contoso.com");
        String other = UserAccountsTest.organization();
        associate(TestTokens.employee("cand-someone-else", org), org, user, "cand-" + UUID.randomUUID())
                .then().statusCode(403).contentType(PROBLEM);
        associate(TestTokens.partnerAdmin(other), org, user, "cand-" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        associate(TestTokens.partnerAdmin(other), other, user, "cand-" + UUID.randomUUID()) // a partner-admin never associates
                .then().statusCode(403).contentType(PROBLEM);
        associate(TestTokens.ops(), other, user, "cand-" + UUID.randomUUID()) // the user is not of that organisation
                .then().statusCode(404).contentType(PROBLEM);
        associate(TestTokens.reporter(), org, user, "cand-" + UUID.randomUUID()).then().statusCode(403);
        associate(TestTokens.ops(), org, user, "x".repeat(300)).then().statusCode(400).contentType(PROBLEM);
        associate(TestTokens.ops(), org, user, "bad id with spaces").then().statusCode(400).contentType(PROBLEM);
        String candidate = "cand-" + UUID.randomUUID();
        // the employee's candidate id comes from the token: the body may leave it out
        given().auth().oauth2(TestTokens.employee(candidate, org)).contentType(ContentType.JSON).body("{}")
                .when().post("/organizations/" + org + "/users/" + user + "/association")
                .then().statusCode(200).body("candidateId", equalTo(candidate)).body("severedOrganizationId", nullValue());
        String colleague = UserAccountsTest.addUser(org, "grace@contoso.com");
        associate(TestTokens.employee(candidate, org), org, colleague, candidate)
                .then().statusCode(409).body("type", equalTo("https://partnerhub.io/problems/candidate-associated"));
        associate(TestTokens.ops(), org, user, "cand-" + UUID.randomUUID())
                .then().statusCode(409).body("type", equalTo("https://partnerhub.io/problems/user-associated"));
    }

    @Test
    void aPartnerAdminMayNotAssociateAndNothingChanges() throws Exception {
        String candidate = "cand-" + UUID.randomUUID();
        String org = UserAccountsTest.organization();
        String user = UserAccountsTest.addUser(org, "ada@contoso.com");
        associate(TestTokens.partnerAdmin(org), org, user, candidate)
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("https://partnerhub.io/problems/forbidden"))
                .body("detail", containsString("invites"));
        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().get("/organizations/" + org + "/users/" + user)
                .then().statusCode(200).body("candidateId", nullValue());
        given().auth().oauth2(TestTokens.ops()).queryParam("kind", "PERSON_JOINED")
                .when().get("/organizations/" + org + "/activity").then().statusCode(200).body("size()", is(0));
        assertEquals(List.of(), MembershipEvents.keyed(candidate, r -> false, Duration.ofSeconds(3)),
                "nothing published for the refused association");
    }

    @Test
    void opsAssociateAsSupportWithAReasonThatIsLogged() {
        String candidate = "cand-" + UUID.randomUUID();
        String oldOrg = UserAccountsTest.organization();
        String oldUser = UserAccountsTest.addUser(oldOrg, "ada@old.example");
        String org = UserAccountsTest.organization();
        String user = UserAccountsTest.addUser(org, "ada@contoso.com");
        associate(TestTokens.employee(candidate, oldOrg), oldOrg, oldUser, candidate).then().statusCode(200);
        String path = "/organizations/" + org + "/users/" + user + "/association";
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"candidateId\":\"" + candidate + "\"}")
                .when().post(path).then().statusCode(400).contentType(PROBLEM).body("detail", containsString("reason"));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"reason\":\"ticket 1\"}")
                .when().post(path).then().statusCode(400).contentType(PROBLEM).body("detail", containsString("candidateId"));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"candidateId\":\"" + candidate + "\",\"reason\":\"ticket SUP-1: e-mail never arrived\"}")
                .when().post(path).then().statusCode(200).body("severedOrganizationId", equalTo(oldOrg));
        given().auth().oauth2(TestTokens.partnerAdmin(org)).queryParam("kind", "SUPPORT_ASSOCIATION")
                .when().get("/organizations/" + org + "/activity").then().statusCode(200).body("size()", is(1))
                .body("[0].actor.role", equalTo("ops")).body("[0].details.reason", equalTo("ticket SUP-1: e-mail never arrived"))
                .body("[0].details.candidateId", equalTo(candidate));
        // the organisation the person left learns only that they left, never where to
        given().auth().oauth2(TestTokens.partnerAdmin(oldOrg)).queryParam("kind", "PERSON_LEFT")
                .when().get("/organizations/" + oldOrg + "/activity").then().statusCode(200).body("size()", is(1))
                .body("[0].details.userId", equalTo(oldUser)).body("[0].details.reason", equalTo("ASSOCIATED_ELSEWHERE"))
                .body("[0].details.size()", is(2)).body("[0].summary", not(containsString(org)));
    }
}
