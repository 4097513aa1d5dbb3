package io.partnerhub.membership.directory;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.partnerhub.devstack.test.Topics;
import io.partnerhub.membership.events.CompetencyEventExamples;
import io.partnerhub.membership.organization.OrganizationResourceTest;
import io.partnerhub.membership.user.UserAccountsTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Issue 27: the public partner directory lists only organisations that chose to appear, with public facts only. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class PartnerDirectoryTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void setUp() {
        producer = Topics.producer(PartnerHubTestResource.kafkaBootstrapServers());
    }

    @AfterAll
    static void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    static io.restassured.response.Response list(String org, boolean listed) {
        return given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON)
                .body("{\"listed\":" + listed + "}").when().put("/organizations/" + org + "/directory-listing");
    }

    private static void attained(String org, String competency, String level) throws Exception {
        ObjectNode event = CompetencyEventExamples.forOrganization("competencyAttained", org, competency);
        event.put("time", Instant.now().toString());
        ((ObjectNode) event.get("data")).put("level", level).put("validUntil",
                LocalDate.now(ZoneOffset.UTC).plusMonths(11).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
        producer.send(new ProducerRecord<>("competency-events", org, JSON.writeValueAsString(event))).get();
    }

    @Test
    void anOrganisationAppearsOnlyOnceItsPartnerAdminChoseItAndTheChangeIsLogged() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String org = OrganizationResourceTest.register(OrganizationResourceTest.uniqueMpnId(), "Listed " + tag, "NL");
        given().when().get("/partner-directory/" + org).then().statusCode(404).contentType(PROBLEM);
        given().queryParam("q", tag).when().get("/partner-directory").then().statusCode(200).header("X-Total-Count", "0");
        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().get("/organizations/" + org + "/directory-listing")
                .then().statusCode(200).body("listed", equalTo(false));

        list(org, true).then().statusCode(200).body("listed", equalTo(true)).body("organizationId", equalTo(org));
        list(org, true).then().statusCode(200); // the same again: nothing new in the log
        given().when().get("/partner-directory/" + org).then().statusCode(200)
                .body("name", equalTo("Listed " + tag)).body("country", equalTo("NL"))
                .body("level", equalTo("NETWORK_MEMBER")).body("$", not(hasKey("mpnId"))).body("$", not(hasKey("createdAt")));
        given().auth().oauth2(TestTokens.partnerAdmin(org)).when().get("/organizations/" + org + "/directory-listing")
                .then().statusCode(200).body("preview.name", equalTo("Listed " + tag)).body("preview.country", equalTo("NL"));
        given().queryParam("q", tag.toUpperCase()).when().get("/partner-directory").then().statusCode(200)
                .header("X-Total-Count", "1").body("[0].id", equalTo(org));
        given().auth().oauth2(TestTokens.partnerAdmin(org)).queryParam("kind", "DIRECTORY_LISTING_CHANGED")
                .when().get("/organizations/" + org + "/activity").then().statusCode(200).header("X-Total-Count", "1")
                .body("[0].details.listed", equalTo(true));

        list(org, false).then().statusCode(200).body("listed", equalTo(false));
        given().when().get("/partner-directory/" + org).then().statusCode(404);
    }

    @Test
    void searchesByCountryAndCompetencyAndPages() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String gold = OrganizationResourceTest.register(OrganizationResourceTest.uniqueMpnId(), "A Dir " + tag, "FR");
        String plain = OrganizationResourceTest.register(OrganizationResourceTest.uniqueMpnId(), "B Dir " + tag, "FR");
        String other = OrganizationResourceTest.register(OrganizationResourceTest.uniqueMpnId(), "C Dir " + tag, "IT");
        String hidden = OrganizationResourceTest.register(OrganizationResourceTest.uniqueMpnId(), "D Dir " + tag, "FR");
        for (String org : List.of(gold, plain, other)) {
            list(org, true).then().statusCode(200);
        }
        attained(gold, "cloud-platform", "GOLD");
        attained(hidden, "cloud-platform", "GOLD");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("q", tag)
                .queryParam("competency", "cloud-platform").when().get("/partner-directory").then().statusCode(200)
                .header("X-Total-Count", "1").body("[0].id", equalTo(gold))
                .body("[0].competencies[0].competencyId", equalTo("cloud-platform"))
                .body("[0].competencies[0].level", equalTo("GOLD")));
        given().queryParam("q", tag).queryParam("country", "fr").when().get("/partner-directory").then().statusCode(200)
                .header("X-Total-Count", "2").body("id", equalTo(List.of(gold, plain)));
        given().queryParam("q", tag).queryParam("size", 1).queryParam("page", 2).when().get("/partner-directory")
                .then().statusCode(200).header("X-Total-Count", "3").body("id", equalTo(List.of(other)));
        given().queryParam("q", tag).queryParam("designation", "business-applications").when().get("/partner-directory")
                .then().statusCode(200).header("X-Total-Count", "0");
        given().when().get("/partner-directory").then().statusCode(200).body("id", not(hasItem(hidden)));
    }

    @Test
    void onlyTheOrganisationsOwnPartnerAdminOrOpsMayChangeTheSetting() {
        String org = UserAccountsTest.organization();
        String foreign = UserAccountsTest.organization();
        given().auth().oauth2(TestTokens.partnerAdmin(foreign)).contentType(ContentType.JSON).body("{\"listed\":true}")
                .when().put("/organizations/" + org + "/directory-listing").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.employee("cand-dir-1", org)).contentType(ContentType.JSON).body("{\"listed\":true}")
                .when().put("/organizations/" + org + "/directory-listing").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"listed\":true}")
                .when().put("/organizations/" + org + "/directory-listing").then().statusCode(401);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"listed\":true}")
                .when().put("/organizations/" + org + "/directory-listing").then().statusCode(200);
        given().when().get("/partner-directory/" + org).then().statusCode(200);
    }

    @Test
    void hostileInputIsAClientProblemNeverA500() {
        String org = UserAccountsTest.organization();
        String longId = "x".repeat(300);
        given().queryParam("page", 21474837).when().get("/partner-directory").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("size", 0).when().get("/partner-directory").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("q", "y".repeat(201)).when().get("/partner-directory").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("country", "DEU").when().get("/partner-directory").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("competency", "../etc").when().get("/partner-directory").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("designation", longId).when().get("/partner-directory").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("q", "%_\\'").when().get("/partner-directory").then().statusCode(200).header("X-Total-Count", "0");
        // a control character anywhere is refused by the chassis before the search
        given().urlEncodingEnabled(false).queryParam("q", "%00").when().get("/partner-directory").then().statusCode(400)
                .contentType(PROBLEM);
        given().when().get("/partner-directory/" + longId).then().statusCode(400).contentType(PROBLEM);
        given().when().get("/partner-directory/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        given().when().get("/partner-directory/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON).body("{}")
                .when().put("/organizations/" + org + "/directory-listing").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON).body("{\"listed\":\"maybe\"}")
                .when().put("/organizations/" + org + "/directory-listing").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partnerAdmin(org)).contentType(ContentType.JSON).body("{\"listed\":true}")
                .when().put("/organizations/" + longId + "/directory-listing").then().statusCode(400).contentType(PROBLEM);
    }
}
