package io.partnerhub.competency.credential;

import static io.partnerhub.competency.EventsSupport.awaitStatus;
import static io.partnerhub.competency.EventsSupport.certification;
import static io.partnerhub.competency.EventsSupport.clockOffset;
import static io.partnerhub.competency.EventsSupport.defineCompetency;
import static io.partnerhub.competency.EventsSupport.earned;
import static io.partnerhub.competency.EventsSupport.employee;
import static io.partnerhub.competency.EventsSupport.membership;
import static io.partnerhub.competency.EventsSupport.organizationWithMembers;
import static io.partnerhub.competency.EventsSupport.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwk.VerificationJwkSelector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.competency.EventsSupport;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Organisation credentials over the real broker: a level attained issues an OB3 credential (VC-JWT that verifies with
 * jose4j against the published JWKS, bit clear in the status list), a departure (at risk) keeps it, the lapse at
 * valid-until flips its bit; public endpoints refuse hostile input with 4xx.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class OrganizationCredentialsTest {

    private static final Instant LASTING = Instant.now().plus(Duration.ofDays(1200)).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clockOffset("PT0S");
    }

    @Test
    void anAttainedLevelIsACredentialThatVerifiesAndItsLapseFlipsTheStatusBit() throws Exception {
        String cert = unique("cert-");
        String competency = defineCompetency(cert);
        String org = UUID.randomUUID().toString();
        String c1 = unique("cand-");
        String c2 = unique("cand-");
        organizationWithMembers(org, c1, c2);
        certification(earned(c1, cert, LASTING));
        certification(earned(c2, cert, LASTING));
        awaitStatus(org, competency, "SILVER", false);

        given().queryParam("organizationId", org).get("/organization-credentials").then().statusCode(200)
                .body("mpnId", equalTo("4711001")).body("name", equalTo("Contoso Ltd"))
                .body("credentials", hasSize(1)).body("credentials[0].awardId", equalTo(competency))
                .body("credentials[0].level", equalTo("SILVER")).body("credentials[0].status", equalTo("ACTIVE"));
        String id = given().get("/organization-credentials/organizations/{o}", org).then().statusCode(200)
                .extract().path("credentials[0].id");

        String jwt = given().get("/organization-credentials/{id}", id).then().statusCode(200)
                .contentType(startsWith("application/vc+jwt")).extract().asString();
        assertEquals(jwt, given().get("/organization-credentials/{id}", id).asString(), "the same VC-JWT on every read");
        JsonNode credential = verifiedPayload(jwt);
        assertEquals("OpenBadgeCredential", credential.at("/type/1").asText());
        assertEquals("https://www.w3.org/ns/credentials/v2", credential.at("/@context/0").asText());
        assertEquals("4711001", credential.at("/credentialSubject/profile/otherIdentifier/0/identifier").asText());
        assertEquals("Contoso Ltd", credential.at("/credentialSubject/profile/name").asText());
        assertEquals("BitstringStatusListEntry", credential.at("/credentialStatus/type").asText());
        assertEquals("revocation", credential.at("/credentialStatus/statusPurpose").asText());
        String statusList = credential.at("/credentialStatus/statusListCredential").asText();
        int index = Integer.parseInt(credential.at("/credentialStatus/statusListIndex").asText());
        assertEquals(false, bit(statusList, index));
        assertEquals(slotInTheDatabase(id), new StatusSlot(Integer.parseInt(statusList.substring(statusList.lastIndexOf('/') + 1)), index));
        verification(jwt).body("signatureValid", equalTo(true)).body("revoked", equalTo(false))
                .body("subject.mpnId", equalTo("4711001"));

        // a departure: at risk, still held
        membership(employee("left", org, c2, "DEPARTED"));
        awaitStatus(org, competency, "SILVER", true);
        assertEquals(false, bit(statusList, index));

        // past valid-until the level lapses: the bit follows the status change (within a second on a quiet machine; the
        // wait allows a loaded one more, a timed assertion would only flake)
        clockOffset("P370D");
        awaitStatus(org, competency, status -> status.body("level", equalTo("NONE")));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> bit(statusList, index));
        verification(jwt).body("signatureValid", equalTo(true)).body("revoked", equalTo(true));
        given().queryParam("organizationId", org).get("/organization-credentials").then().statusCode(200)
                .body("credentials[0].status", equalTo("REVOKED"));
    }

    @Test
    void hostileInputIsAProblemNeverA500() {
        verificationBody("{\"credential\":\"not.a.jwt\"}").statusCode(400)
                .body("type", equalTo("https://partnerhub.io/problems/invalid-credential-token"));
        verificationBody("{\"credential\":\"a.b\"}").statusCode(400);
        verificationBody("{}").statusCode(400);
        verificationBody("{\"credential\":42}").statusCode(400);
        verificationBody("[").statusCode(400);
        given().contentType(ContentType.TEXT).body("x".repeat(20_000)).post("/organization-credentials/verifications")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"credential\":\"" + "x".repeat(1_100_000) + "\"}")
                .post("/organization-credentials/verifications").then().statusCode(413);
        // a well-formed JWS signed by someone else
        String forged = "eyJhbGciOiJSUzI1NiIsImtpZCI6Im1lIn0.eyJpZCI6IngifQ.c2lnbmF0dXJl";
        verificationBody("{\"credential\":\"" + forged + "\"}").statusCode(200).body("signatureValid", equalTo(false));

        given().get("/organization-credentials/{id}", UUID.randomUUID()).then().statusCode(404);
        given().get("/organization-credentials/{id}", "..").then().statusCode(404);
        given().urlEncodingEnabled(false).get("/organization-credentials/a%00b").then().statusCode(400);
        given().get("/organization-credentials/{id}", "x".repeat(300)).then().statusCode(404);
        given().get("/organization-credentials/organizations/{o}", UUID.randomUUID()).then().statusCode(404);
        given().get("/organization-credentials/organizations/{o}", "o".repeat(300)).then().statusCode(400);
        given().get("/organization-credentials").then().statusCode(400);
        given().queryParam("organizationId", "o".repeat(300)).get("/organization-credentials").then().statusCode(400);
        for (String list : new String[] { "0", "-1", "abc", "21474837", "99999999999" }) {
            given().get("/organization-credentials/status-lists/{l}", list).then().statusCode(404);
        }
        given().get("/organization-credentials/status-lists/1").then().statusCode(200);
        given().get("/organization-credentials/.well-known/jwks.json").then().statusCode(200).body("keys", hasSize(1));
        given().get("/organization-credentials/issuer").then().statusCode(200).body("type[0]", equalTo("Profile"));
    }

    /** The slot PostgreSQL generated from the credential's number is the one {@link StatusSlot} computes from it. */
    private StatusSlot slotInTheDatabase(String id) throws Exception {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "SELECT number, status_list, status_index FROM organization_credential WHERE id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (var row = query.executeQuery()) {
                assertTrue(row.next());
                StatusSlot stored = new StatusSlot(row.getInt(2), row.getInt(3));
                assertEquals(StatusSlot.of(row.getLong(1)), stored);
                return stored;
            }
        }
    }

    private static io.restassured.response.ValidatableResponse verification(String jwt) {
        return verificationBody("{\"credential\":\"" + jwt + "\"}").statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse verificationBody(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/organization-credentials/verifications").then();
    }

    /** The VC-JWT's payload after jose4j verified its signature with the key the JWKS publishes under its kid. */
    static JsonNode verifiedPayload(String jwt) throws Exception {
        JsonWebKeySet jwks = new JsonWebKeySet(given().get("/organization-credentials/.well-known/jwks.json").asString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(jwt);
        jws.setKey(new VerificationJwkSelector().select(jws, jwks.getJsonWebKeys()).getKey());
        assertTrue(jws.verifySignature(), "signature");
        assertEquals("vc+jwt", jws.getHeader("typ"));
        return EventsSupport.JSON.readTree(jws.getPayload());
    }

    /** The status list fetched as a VC-JWT, verified, its encodedList decoded and the bit read. */
    static boolean bit(String statusListUrl, int index) throws Exception {
        String path = statusListUrl.substring(statusListUrl.indexOf("/organization-credentials/"));
        String jwt = given().get(path).then().statusCode(200).extract().asString();
        JsonNode list = verifiedPayload(jwt);
        assertEquals("BitstringStatusListCredential", list.at("/type/1").asText());
        return Bitstring.decode(list.at("/credentialSubject/encodedList").asText()).get(index);
    }
}
