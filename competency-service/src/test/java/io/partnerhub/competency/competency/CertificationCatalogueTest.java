package io.partnerhub.competency.competency;

import static io.partnerhub.competency.EventsSupport.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.competency.EventsSupport;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * K1c A requirement version may list only certifications and assessments this service knows from certification-service's
 * events (certification.defined.v1, assessment.defined.v1, or seen held), over the real broker.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class CertificationCatalogueTest {

    private static final String PROBLEM = TestKit.PROBLEM_JSON;

    @Inject
    EntityManager em;

    private static String competency() {
        String id = unique("catalogue-");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"Catalogue\"}").post("/competencies").then().statusCode(201);
        return id;
    }

    private static String version(String name, String... anyOf) {
        String listed = String.join("\",\"", anyOf);
        return """
                {"version":"%s","effectiveFrom":"%s",
                 "silver":{"paths":[{"requirements":[{"kind":"SKILL","individuals":1,"anyOf":["%s"]}]}]},
                 "gold":{"paths":[{"requirements":[{"kind":"SKILL","individuals":2,"anyOf":["%s"]}]}]}}"""
                .formatted(name, LocalDate.now(ZoneOffset.UTC), listed, listed);
    }

    private static io.restassured.response.ValidatableResponse post(String competency, String body) {
        return given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(body)
                .post("/competencies/{id}/requirement-versions", competency).then();
    }

    private Optional<String> name(String credential) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT coalesce(name, '') FROM known_credential WHERE credential = ?1")
                .setParameter(1, credential).getResultList().stream().findFirst().map(Object::toString));
    }

    @Test
    void anUnknownCertificationOrAssessmentIsRefusedWith400NamingEveryUnknownIdAndNothingIsStored() throws Exception {
        String competency = competency();
        String known = unique("cert-known-");
        String cert = unique("cert-unknown-");
        String assessment = unique("caf-unknown-");
        EventsSupport.catalogue(known);
        await().atMost(Duration.ofSeconds(30)).until(() -> name(known).isPresent());

        post(competency, version("v1", known, cert, "assessment:" + assessment)).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/unknown-credential"))
                .body("detail", equalTo("certification " + cert + " is not in the certification catalogue (yet); assessment "
                        + assessment + " is not in the certification catalogue (yet)"))
                .body("unknown", contains(cert, "assessment:" + assessment));
        given().auth().oauth2(TestTokens.ops()).get("/competencies/{id}/requirement-versions", competency).then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aCertificationIsAcceptedOnceItsDefinedEventArrivedAndAnAssessmentOnceItsOwnDid() throws Exception {
        String competency = competency();
        String cert = unique("cert-new-");
        String assessment = unique("caf-new-");
        post(competency, version("v1", cert, "assessment:" + assessment)).statusCode(400).body("unknown", hasSize(2));

        EventsSupport.certification(EventsSupport.certificationDefined(cert, "New certification"));
        await().atMost(Duration.ofSeconds(30)).until(() -> name(cert).isPresent());
        post(competency, version("v1", cert, "assessment:" + assessment)).statusCode(400)
                .body("unknown", contains("assessment:" + assessment));

        EventsSupport.certification(EventsSupport.assessmentDefined(assessment, "New assessment"));
        EventsSupport.defineVersion(competency, version("v1", cert, "assessment:" + assessment)).statusCode(201)
                .body("silver.paths[0].requirements[0].anyOf", contains(cert, "assessment:" + assessment));
        assertEquals(Optional.of("New assessment"), name("assessment:" + assessment));
    }

    @Test
    void aCertificationSeenEarnedOrAnAssessmentSeenPassedIsKnownDataOlderThanTheCatalogueEvents() throws Exception {
        String competency = competency();
        String cert = unique("cert-held-");
        String assessment = unique("caf-passed-");
        String candidate = unique("cand-");
        EventsSupport.certification(EventsSupport.earned(candidate, cert, Instant.now().plus(Duration.ofDays(300))));
        EventsSupport.certification(EventsSupport.assessmentPassed(candidate, assessment));
        EventsSupport.defineVersion(competency, version("v1", cert, "assessment:" + assessment)).statusCode(201);
    }

    @Test
    void aDuplicateOrOlderDefinedEventChangesNothingANewerOneRenames() throws Exception {
        String cert = unique("cert-dup-");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode defined = EventsSupport.certificationDefined(cert, "First name").put("time", at.toString());
        EventsSupport.certification(defined);
        await().atMost(Duration.ofSeconds(30)).until(() -> name(cert).isPresent());
        assertEquals(Optional.of("First name"), name(cert));

        // the same event again (same id) with another name: the inbox skips it
        ObjectNode duplicate = defined.deepCopy();
        ((ObjectNode) duplicate.get("data")).put("name", "Changed by a duplicate");
        EventsSupport.certification(duplicate);
        // an older definition arriving late: older than what is known
        ObjectNode older = EventsSupport.certificationDefined(cert, "Older name").put("time", at.minusSeconds(60).toString());
        EventsSupport.certification(older);
        // a marker on the same key (same partition, after both): once it is applied, so were they
        String marker = unique("cert-marker-");
        EventsSupport.certification(EventsSupport.earned(UUID.randomUUID().toString(), marker, at.plus(Duration.ofDays(300)))
                .put("subject", cert));
        await().atMost(Duration.ofSeconds(30)).until(() -> name(marker).isPresent());
        assertEquals(Optional.of("First name"), name(cert));

        ObjectNode newer = EventsSupport.certificationDefined(cert, "Renamed").put("time", at.plusSeconds(60).toString());
        EventsSupport.certification(newer);
        await().atMost(Duration.ofSeconds(30)).until(() -> name(cert).equals(Optional.of("Renamed")));
    }
}
