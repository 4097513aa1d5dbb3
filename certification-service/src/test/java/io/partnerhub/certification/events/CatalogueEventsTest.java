package io.partnerhub.certification.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.certification.holding.TestSupport;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The catalogue leaves through the outbox (subject = the certification / assessment id), so that competency-service
 * knows which ids a requirement version may list without calling this service.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class CatalogueEventsTest {

    @Test
    void definingACertificationPublishesCertificationDefinedAndAnnouncingItsRetirementPublishesItAgainButARetryDoesNot() {
        String id = TestSupport.defineCertification("ASSOCIATE", "[[\"" + TestSupport.examCode() + "\"]]", "[]");
        List<JsonNode> events = TestSupport.awaitEvents(id, 1);
        assertEquals(1, events.size(), events.toString());
        JsonNode defined = events.get(0);
        assertEquals(CertificationDefined.TYPE, defined.path("type").asText());
        assertEquals(id, defined.path("subject").asText());
        assertEquals(id, defined.at("/data/certificationId").asText());
        assertEquals("ASSOCIATE", defined.at("/data/level").asText());
        assertTrue(defined.at("/data/retiresOn").isNull(), defined.toString());

        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"retiresOn\":\"2099-06-30\"}")
                .when().post("/certifications/" + id + "/retirement").then().statusCode(200);
        events = TestSupport.awaitEvents(id, 2);
        assertEquals(2, events.size(), events.toString());
        assertEquals(CertificationDefined.TYPE, events.get(1).path("type").asText());
        assertEquals("2099-06-30", events.get(1).at("/data/retiresOn").asText());
        assertEquals(defined.at("/data/definedAt"), events.get(1).at("/data/definedAt"));

        // the same announcement again (a retry) changes nothing and publishes nothing
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"retiresOn\":\"2099-06-30\"}")
                .when().post("/certifications/" + id + "/retirement").then().statusCode(200).body("retiresOn", org.hamcrest.Matchers.equalTo("2099-06-30"));
        assertEquals(2, TestSupport.certificationEvents(id, java.time.Duration.ofSeconds(3), Integer.MAX_VALUE).size());
    }

    @Test
    void definingAnAssessmentPublishesAssessmentDefinedOnceARefusedDuplicatePublishesNothing() {
        String id = TestSupport.unique("assess-");
        String body = "{\"id\":\"" + id + "\",\"name\":\"Assessment " + id + "\"}";
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(body).when().post("/assessments").then()
                .statusCode(201);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(body).when().post("/assessments").then()
                .statusCode(409);
        List<JsonNode> events = TestSupport.awaitEvents(id, 1);
        assertEquals(1, events.size(), events.toString());
        assertEquals(AssessmentDefined.TYPE, events.get(0).path("type").asText());
        assertEquals(id, events.get(0).at("/data/assessmentId").asText());
        assertEquals("Assessment " + id, events.get(0).at("/data/name").asText());
    }
}
