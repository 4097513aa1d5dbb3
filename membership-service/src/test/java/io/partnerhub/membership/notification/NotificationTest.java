package io.partnerhub.membership.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.devstack.Database;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.partnerhub.devstack.test.Topics;
import io.partnerhub.membership.invitation.InvitationTest;
import io.partnerhub.membership.user.UserAccountsTest;
import io.partnerhub.membership.webhook.EndpointDisabled;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * #23 over the real broker and a real SMTP server (GreenMail, from the test resource): every kind of mail arrives
 * once, to the right person, although each cause's CloudEvent is published twice; SMTP down for 20 s delays mail and
 * loses none; the one-click unsubscribe works without a token and cannot be forged.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class NotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    @Inject
    Event<EndpointDisabled> endpointDisabled;

    @BeforeAll
    static void setUp() {
        producer = Topics.producer(PartnerHubTestResource.kafkaBootstrapServers());
    }

    @AfterAll
    static void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    /** An organisation with a partner-admin and an employee whose candidate id is associated. */
    record Org(String id, String adminId, String adminEmail, String employeeId, String employeeEmail, String candidate) {
        String adminToken() {
            return TestTokens.token("partner-admin", Map.of("org", id, "email", adminEmail));
        }

        String employeeToken() {
            return TestTokens.employee(candidate, id);
        }
    }

    static Org organization() {
        String org = UserAccountsTest.organization();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin-" + tag + "@mail.example";
        String admin = given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON)
                .body("{\"name\":\"Grace Admin\",\"email\":\"" + adminEmail + "\",\"role\":\"ADMIN\"}")
                .when().post("/organizations/" + org + "/users").then().statusCode(201).extract().path("id");
        String employeeEmail = "employee-" + tag + "@mail.example";
        String employee = UserAccountsTest.addUser(org, employeeEmail);
        String candidate = "cand-" + tag;
        given().auth().oauth2(TestTokens.employee(candidate, org)).contentType(ContentType.JSON).body("{}")
                .when().post("/organizations/" + org + "/users/" + employee + "/association").then().statusCode(200);
        return new Org(org, admin, adminEmail, employee, employeeEmail, candidate);
    }

    /** Publishes the same CloudEvent (same id) {@code times} times, keyed by its subject; returns its id. */
    static String publish(int times, String topic, String source, String type, String subject, Map<String, Object> data)
            throws Exception {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", source).put("type", type).put("subject", subject).put("time", Instant.now().toString())
                .put("datacontenttype", "application/json");
        event.set("data", JSON.valueToTree(data));
        for (int i = 0; i < times; i++) {
            producer.send(new ProducerRecord<>(topic, subject, JSON.writeValueAsString(event))).get();
        }
        return event.get("id").asText();
    }

    static Map<String, Object> competency(String org, String competency, String level) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organizationId", org);
        data.put("competencyId", competency);
        data.put("level", level);
        data.put("validUntil", "2027-11-30");
        data.put("reasons", List.of("cloud-architect: 1 of 2 individuals"));
        return data;
    }

    static Map<String, Object> designation(String org) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organizationId", org);
        data.put("solutionAreaId", "infrastructure");
        data.put("solutionAreaName", "Infrastructure (Azure)");
        data.put("track", "standard");
        data.put("score", 74);
        data.put("day", "2026-12-07");
        data.put("holdsUntil", "2027-12-31");
        return data;
    }

    static Map<String, Object> level(String... certifications) {
        return Map.of("paths", List.of(Map.of("requirements",
                List.of(Map.of("kind", "SKILL", "individuals", 2, "anyOf", List.of(certifications))))));
    }

    static Map<String, Object> renewal(String candidate, Integer daysLeft, boolean windowOpened) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("candidateId", candidate);
        data.put("certificationId", "azure-administrator-associate");
        data.put("holdingId", UUID.randomUUID().toString());
        data.put("expiresAt", "2027-01-06T10:00:00Z");
        data.put("daysLeft", daysLeft);
        data.put("windowOpened", windowOpened);
        return data;
    }

    @Test
    void everyKindOfMailArrivesOnceToItsRecipientAlthoughEachEventIsDeliveredTwice() throws Exception {
        Org org = organization();
        String c = "competency-events";
        publish(2, c, "/competency-service", "io.partnerhub.competency.attained.v1", org.id(), competency(org.id(), "cloud-platform", "GOLD"));
        publish(2, c, "/competency-service", "io.partnerhub.competency.at-risk.v1", org.id(), competency(org.id(), "cloud-platform", "GOLD"));
        publish(2, c, "/competency-service", "io.partnerhub.competency.lapsed.v1", org.id(), competency(org.id(), "cloud-platform", "NONE"));
        publish(2, c, "/competency-service", "io.partnerhub.designation.attained.v1", org.id(), designation(org.id()));
        publish(2, c, "/competency-service", "io.partnerhub.designation.at-risk.v1", org.id(), designation(org.id()));
        publish(2, c, "/competency-service", "io.partnerhub.designation.lost.v1", org.id(), designation(org.id()));
        // the organisation has a status for cloud-platform once membership applied the competency events
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.partnerAdmin(org.id()))
                .when().get("/organizations/" + org.id() + "/membership").then().extract().asString().contains("cloud-platform"));
        Map<String, Object> published = new LinkedHashMap<>();
        published.put("competencyId", "cloud-platform");
        published.put("version", "2027-05");
        published.put("effectiveFrom", "2027-05-01");
        published.put("previousVersion", "2026-11");
        published.put("silver", level("azure-administrator-associate", "azure-developer-associate"));
        published.put("gold", level("azure-solutions-architect-expert"));
        published.put("previousSilver", level("azure-administrator-associate"));
        published.put("previousGold", level("azure-solutions-architect-expert"));
        publish(2, c, "/competency-service", "io.partnerhub.competency.requirements-published.v1", "cloud-platform", published);

        String cert = "certification-events";
        publish(2, cert, "/certification-service", "io.partnerhub.certification.renewal-due.v1", org.candidate(), renewal(org.candidate(), 180, true));
        publish(2, cert, "/certification-service", "io.partnerhub.certification.renewal-due.v1", org.candidate(), renewal(org.candidate(), 30, false));
        publish(2, cert, "/certification-service", "io.partnerhub.certification.renewal-due.v1", org.candidate(), renewal(org.candidate(), 7, false));
        publish(2, cert, "/certification-service", "io.partnerhub.certification.expired.v1", org.candidate(),
                Map.of("candidateId", org.candidate(), "certificationId", "azure-administrator-associate",
                        "holdingId", UUID.randomUUID().toString(), "reason", "EXPIRED"));
        publish(2, "exam-events", "/exam-service", "io.partnerhub.exam.failed.v1", org.candidate(),
                Map.of("candidateId", org.candidate(), "examCode", "AZ-104", "attemptId", UUID.randomUUID().toString(),
                        "score", 642, "takenAt", "2026-12-01T11:05:00Z"));

        String invitee = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.example";
        String code = InvitationTest.invite(TestTokens.partnerAdmin(org.id()), org.id(), invitee).statusCode(201)
                .extract().path("code");
        Instant disabledAt = Instant.now();
        for (int i = 0; i < 2; i++) { // the same disabling observed twice: one mail
            QuarkusTransaction.requiringNew().run(() -> endpointDisabled.fire(new EndpointDisabled(org.id(),
                    "ep-1", "https://crm.contoso.example/hooks", "HTTP 500", disabledAt)));
        }

        List<String> adminSubjects = List.of("attained the competency cloud-platform", "cloud-platform is at risk",
                "lost the competency cloud-platform", "attained the Solutions Partner designation",
                "designation for Infrastructure (Azure) is at risk", "lost the Solutions Partner designation",
                "New requirements for cloud-platform", "A webhook endpoint was disabled");
        List<String> holderSubjects = List.of("You can now renew", "expires in 30 days", "expires in 7 days",
                "azure-administrator-associate expired", "score report for AZ-104");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertEquals(adminSubjects.size(), ReceivedMail.to(org.adminEmail()).size(), subjects(org.adminEmail()));
            assertEquals(holderSubjects.size(), ReceivedMail.to(org.employeeEmail()).size(), subjects(org.employeeEmail()));
            assertEquals(1, ReceivedMail.to(invitee).size());
        });
        // the mails of the last events came after their duplicates on the same partitions, and the delivery log
        // (the queue) holds exactly one mail per cause and recipient
        given().auth().oauth2(TestTokens.partnerAdmin(org.id())).queryParam("size", 100)
                .when().get("/organizations/" + org.id() + "/notification-deliveries").then().statusCode(200)
                .header("X-Total-Count", String.valueOf(adminSubjects.size() + holderSubjects.size() + 1))
                .body("status", everyItem(equalTo("SENT")));
        for (String subject : adminSubjects) {
            assertEquals(1, ReceivedMail.to(org.adminEmail()).stream().filter(m -> m.subject().contains(subject)).count(), subject);
        }
        for (String subject : holderSubjects) {
            assertEquals(1, ReceivedMail.to(org.employeeEmail()).stream().filter(m -> m.subject().contains(subject)).count(), subject);
        }

        ReceivedMail requirements = ReceivedMail.to(org.adminEmail()).stream()
                .filter(m -> m.subject().contains("New requirements")).findFirst().orElseThrow();
        assertTrue(requirements.text().contains("Silver: new path: 2 people holding any of azure-administrator-associate, "
                + "azure-developer-associate"), requirements.text());
        assertTrue(requirements.text().contains("Silver: path no longer counts: 2 people holding any of azure-administrator-associate"));
        assertFalse(requirements.text().contains("Gold:"), "gold did not change");
        assertTrue(requirements.html().contains("<li>Silver: new path"), "HTML part with the difference");

        ReceivedMail invitation = ReceivedMail.to(invitee).get(0);
        assertTrue(invitation.text().contains(code), "the code is in the mail");
        assertTrue(invitation.html().contains(code));
        assertTrue(invitation.text().contains("http://localhost:8080/#/me/join"), invitation.text());
        assertNull(invitation.listUnsubscribe(), "a security notice cannot be unsubscribed from");
        try (Connection db = DriverManager.getConnection(PartnerHubTestResource.jdbcUrl("membership"), Database.USER, Database.PASSWORD);
                PreparedStatement bodies = db.prepareStatement("SELECT count(*) FROM notification_mail WHERE "
                        + "recipient_email = ? AND text_body IS NULL AND html_body IS NULL AND status = 'SENT'")) {
            bodies.setString(1, invitee);
            try (ResultSet rs = bodies.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the rendered copy with the code is dropped once sent");
            }
        }

        ReceivedMail report = ReceivedMail.to(org.employeeEmail()).stream()
                .filter(m -> m.subject().contains("AZ-104")).findFirst().orElseThrow();
        assertTrue(report.text().contains("Score: 642"));
        assertTrue(report.listUnsubscribe().startsWith("<http://localhost:8080/api/notifications/unsubscribe?person=" + org.employeeId()));
        assertEquals("List-Unsubscribe=One-Click", report.listUnsubscribePost());
        assertTrue(report.html().contains("Stop these e-mails"));
    }

    @Test
    void smtpDownForTwentySecondsDelaysMailAndLosesNone() throws Exception {
        Org org = organization();
        PartnerHubTestResource.stopMail();
        Instant stopped = Instant.now();
        try {
            publish(1, "competency-events", "/competency-service", "io.partnerhub.competency.at-risk.v1", org.id(),
                    competency(org.id(), "data-analytics", "SILVER"));
            publish(1, "certification-events", "/certification-service", "io.partnerhub.certification.renewal-due.v1",
                    org.candidate(), renewal(org.candidate(), 30, false));
            publish(1, "exam-events", "/exam-service", "io.partnerhub.exam.passed.v1", org.candidate(),
                    Map.of("candidateId", org.candidate(), "examCode", "AZ-305", "attemptId", UUID.randomUUID().toString(),
                            "score", 812, "takenAt", "2026-12-01T11:05:00Z"));
            // the outage lasts 20 s; meanwhile the sender tries, fails and waits longer each time
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertTrue(Duration.between(stopped, Instant.now()).toSeconds() >= 20);
                given().auth().oauth2(TestTokens.ops()).queryParam("status", "RETRYING")
                        .when().get("/organizations/" + org.id() + "/notification-deliveries").then().statusCode(200)
                        .header("X-Total-Count", "3").body("attempts", everyItem(greaterThanOrEqualTo(2)))
                        .body("lastError", everyItem(notNullValue()));
            });
            assertEquals(0, ReceivedMail.to(org.adminEmail()).size() + ReceivedMail.to(org.employeeEmail()).size());
        } finally {
            PartnerHubTestResource.startMail();
        }
        // a send that began while the server restarted waits for its answer (GreenMail answers 421 once its old
        // instance is down, about 30 s): the mail is late, never lost
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertEquals(1, ReceivedMail.to(org.adminEmail()).size());
            assertEquals(2, ReceivedMail.to(org.employeeEmail()).size());
        });
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + org.id() + "/notification-deliveries")
                .then().statusCode(200).header("X-Total-Count", "3").body("status", everyItem(equalTo("SENT")))
                .body("lastError", everyItem(nullValue()));
        List<ReceivedMail> all = List.of(ReceivedMail.to(org.adminEmail()).get(0), ReceivedMail.to(org.employeeEmail()).get(0),
                ReceivedMail.to(org.employeeEmail()).get(1));
        assertEquals(3, all.stream().map(ReceivedMail::messageId).distinct().count(), "one Message-ID per mail");
        all.forEach(m -> assertTrue(m.messageId().endsWith("@notifications.partnerhub>"), m.messageId()));
    }

    @Test
    void theOneClickUnsubscribeWorksWithoutATokenAndCannotBeForged() throws Exception {
        Org org = organization();
        Org other = organization();
        publish(1, "exam-events", "/exam-service", "io.partnerhub.exam.passed.v1", org.candidate(),
                Map.of("candidateId", org.candidate(), "examCode", "AZ-900", "attemptId", UUID.randomUUID().toString(),
                        "score", 900, "takenAt", "2026-12-01T11:05:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> ReceivedMail.to(org.employeeEmail()).size() == 1);
        URI link = URI.create(ReceivedMail.to(org.employeeEmail()).get(0).unsubscribeUrl());
        Map<String, String> query = query(link);
        assertEquals(org.employeeId(), query.get("person"));
        assertEquals("EXAM_SCORE_REPORT", query.get("kind"));

        // forged: the signature of this person's link for another person, or for another kind, or made up
        unsubscribe(other.employeeId(), "EXAM_SCORE_REPORT", query.get("signature")).then().statusCode(403)
                .contentType(TestKit.PROBLEM_JSON).body("type", equalTo("https://partnerhub.io/problems/unsubscribe-link-invalid"));
        unsubscribe(org.employeeId(), "COMPETENCY_AT_RISK", query.get("signature")).then().statusCode(403);
        unsubscribe(org.employeeId(), "EXAM_SCORE_REPORT", "AAAA" + query.get("signature").substring(4)).then().statusCode(403);
        unsubscribe(org.employeeId(), "EXAM_SCORE_REPORT", "%00").then().statusCode(400);
        unsubscribe("not-a-person", "EXAM_SCORE_REPORT", query.get("signature")).then().statusCode(403);
        given().when().post("/notifications/unsubscribe").then().statusCode(403).contentType(TestKit.PROBLEM_JSON);
        unsubscribe(org.employeeId(), "INVITATION", query.get("signature")).then().statusCode(403);
        preference(other.employeeToken(), "EXAM_SCORE_REPORT", true);

        // the page of the link changes nothing (link scanners follow links); the one-click POST turns the kind off
        given().queryParams(query).when().get("/notifications/unsubscribe").then().statusCode(200)
                .contentType("text/html").body(containsString("<form method=\"post\""));
        preference(org.employeeToken(), "EXAM_SCORE_REPORT", true);
        given().queryParams(query).contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .when().post("/notifications/unsubscribe").then().statusCode(200)
                .body("person", equalTo(org.employeeId())).body("kind", equalTo("EXAM_SCORE_REPORT")).body("enabled", equalTo(false));
        given().queryParams(query).when().post("/notifications/unsubscribe").then().statusCode(200); // again: no change
        preference(org.employeeToken(), "EXAM_SCORE_REPORT", false);

        // no more score reports for this person; renewal mails still come (after the report, on the same partition)
        publish(1, "exam-events", "/exam-service", "io.partnerhub.exam.passed.v1", org.candidate(),
                Map.of("candidateId", org.candidate(), "examCode", "AZ-104", "attemptId", UUID.randomUUID().toString(),
                        "score", 800, "takenAt", "2026-12-02T11:05:00Z"));
        publish(1, "exam-events", "/exam-service", "io.partnerhub.exam.failed.v1", org.candidate(),
                Map.of("candidateId", org.candidate(), "examCode", "AZ-305", "attemptId", UUID.randomUUID().toString(),
                        "score", 500, "takenAt", "2026-12-03T11:05:00Z"));
        publish(1, "certification-events", "/certification-service", "io.partnerhub.certification.renewal-due.v1",
                org.candidate(), renewal(org.candidate(), 7, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> ReceivedMail.to(org.employeeEmail()).size() == 2);
        assertTrue(ReceivedMail.to(org.employeeEmail()).get(1).subject().contains("expires in 7 days"));
    }

    @Test
    void eachPersonReadsAndChangesOnlyTheirOwnPreferences() {
        Org org = organization();
        given().auth().oauth2(org.employeeToken()).when().get("/notifications/preferences/me").then().statusCode(200)
                .body("find { it.kind == 'INVITATION' }.canTurnOff", equalTo(false))
                .body("find { it.kind == 'COMPETENCY_AT_RISK' }.enabled", equalTo(true));
        choose(org.adminToken(), "competency-at-risk", false).statusCode(200).body("enabled", equalTo(false));
        preference(org.adminToken(), "COMPETENCY_AT_RISK", false);
        preference(org.employeeToken(), "COMPETENCY_AT_RISK", true);
        choose(org.adminToken(), "COMPETENCY_AT_RISK", true).statusCode(200).body("enabled", equalTo(true));
        choose(org.adminToken(), "INVITATION", false).statusCode(409).contentType(TestKit.PROBLEM_JSON)
                .body("type", equalTo("https://partnerhub.io/problems/notification-kind-required"));
        choose(org.adminToken(), "WEBHOOK_DISABLED", false).statusCode(409);
        choose(org.adminToken(), "NO_SUCH_KIND", false).statusCode(404).contentType(TestKit.PROBLEM_JSON);
        choose(org.adminToken(), "x".repeat(300), false).statusCode(400);
        given().auth().oauth2(org.adminToken()).contentType(ContentType.JSON).body("{}")
                .when().put("/notifications/preferences/me/COMPETENCY_AT_RISK").then().statusCode(400);
        // a token no account of its organisation belongs to; another organisation's person with this one's org claim
        given().auth().oauth2(TestTokens.partnerAdmin(org.id())).when().get("/notifications/preferences/me").then().statusCode(404);
        given().auth().oauth2(TestTokens.employee(org.candidate(), UserAccountsTest.organization()))
                .when().get("/notifications/preferences/me").then().statusCode(404);
        given().when().get("/notifications/preferences/me").then().statusCode(401);
    }

    @Test
    void theDeliveryLogIsTheOrganisationsAdminsAndOpsOnly() {
        Org org = organization();
        Org other = organization();
        String log = "/organizations/" + org.id() + "/notification-deliveries";
        given().auth().oauth2(TestTokens.partnerAdmin(org.id())).when().get(log).then().statusCode(200).header("X-Total-Count", "0");
        given().auth().oauth2(TestTokens.ops()).when().get(log).then().statusCode(200);
        given().auth().oauth2(TestTokens.partnerAdmin(other.id())).when().get(log).then().statusCode(404);
        given().auth().oauth2(org.employeeToken()).when().get(log).then().statusCode(404);
        given().auth().oauth2(TestTokens.ops()).queryParam("status", "LOST").when().get(log).then().statusCode(400)
                .contentType(TestKit.PROBLEM_JSON);
        given().auth().oauth2(TestTokens.ops()).queryParam("page", 21474837).when().get(log).then().statusCode(400);
        given().auth().oauth2(TestTokens.ops()).when().get("/organizations/" + "x".repeat(300) + "/notification-deliveries")
                .then().statusCode(400);
    }

    private static io.restassured.response.Response unsubscribe(String person, String kind, String signature) {
        return given().queryParam("person", person).queryParam("kind", kind).queryParam("signature", signature)
                .urlEncodingEnabled(!"%00".equals(signature)).when().post("/notifications/unsubscribe");
    }

    private static io.restassured.response.ValidatableResponse choose(String token, String kind, boolean enabled) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"enabled\":" + enabled + "}")
                .when().put("/notifications/preferences/me/" + kind).then();
    }

    private static void preference(String token, String kind, boolean enabled) {
        given().auth().oauth2(token).when().get("/notifications/preferences/me").then().statusCode(200)
                .body("find { it.kind == '" + kind + "' }.enabled", equalTo(enabled));
    }

    private static Map<String, String> query(URI link) {
        return java.util.Arrays.stream(link.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p[1], java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String subjects(String address) {
        return ReceivedMail.to(address).stream().map(ReceivedMail::subject).toList().toString();
    }
}
