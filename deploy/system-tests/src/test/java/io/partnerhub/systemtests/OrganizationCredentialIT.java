package io.partnerhub.systemtests;

import static io.partnerhub.systemtests.Programme.admin;
import static io.partnerhub.systemtests.Programme.anyone;
import static io.partnerhub.systemtests.Programme.awaitAppointments;
import static io.partnerhub.systemtests.Programme.awaitStatus;
import static io.partnerhub.systemtests.Programme.bookAt;
import static io.partnerhub.systemtests.Programme.candidate;
import static io.partnerhub.systemtests.Programme.clockTo;
import static io.partnerhub.systemtests.Programme.hire;
import static io.partnerhub.systemtests.Programme.level;
import static io.partnerhub.systemtests.Programme.levelAtRisk;
import static io.partnerhub.systemtests.Programme.organization;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;

/**
 * Issue 22 organisation credentials over the broker, through the gateway, as an outside verifier would check them: an
 * organisation attains Silver → an Open Badges 3.0 credential is listed publicly; its VC-JWT verifies with jose4j
 * against the JWKS competency-service publishes, and the status list (itself a VC-JWT, verified the same way) decoded
 * here (base64url, GZIP, bit order of the W3C Bitstring Status List) reads not revoked; after a departure and
 * valid-until (the clock moved, as {@link TimeTravelJourneysIT}) the level lapses and the bit reads revoked within a
 * second of the status change. Moves the suite's clock, so it runs after the time-travel journeys.
 */
@ExtendWith(RunningSuite.class)
@Order(11)
class OrganizationCredentialIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void realTime() {
        Programme.resetClock();
    }

    @Test
    void anAttainedLevelIsACredentialThatVerifiesWithAStandardJoseLibraryAndItsLapseSetsTheStatusBit() throws Exception {
        Programme.Track track = Programme.track("oc", 2, 4);
        String competency = track.competency();
        String organization = organization("Northwind Traders");
        String ann = candidate("ann");
        String bob = candidate("bob");
        hire(organization, ann);
        String bobsAccount = hire(organization, bob);
        // booked a few seconds ahead (not sit()'s 0.9 s): on a loaded machine the first booking can take longer than that
        Instant at = Programme.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        List<Programme.Sitting> sittings = List.of(bookAt(ann, track.exam(), 790, at), bookAt(bob, track.exam(), 812, at));
        awaitAppointments(sittings);
        sittings.forEach(sitting -> Programme.post(sitting).then().statusCode(201));
        JsonPath silver = awaitStatus(organization, competency, levelAtRisk("SILVER", false), "SILVER");
        Instant validUntil = Instant.parse(silver.getString("validUntil"));

        // listed publicly (no token), live
        JsonPath listed = await().atMost(Programme.AWAIT).pollInterval(Duration.ofMillis(200)).until(
                () -> anyone().queryParam("organizationId", organization).get("/organization-credentials").then()
                        .statusCode(200).extract().jsonPath(),
                list -> list.getList("credentials").size() == 1);
        assertEquals("SILVER", listed.getString("credentials[0].level"));
        assertEquals("ACTIVE", listed.getString("credentials[0].status"));
        assertTrue(listed.getString("name").startsWith("Northwind Traders"), listed.prettify());
        String id = listed.getString("credentials[0].id");

        // the VC-JWT verifies with jose4j against the published JWKS (competency-service's key, not the badge key)
        String jwt = anyone().accept("application/vc+jwt").get("/organization-credentials/{id}", id).then().statusCode(200)
                .contentType(startsWith("application/vc+jwt")).extract().asString();
        JsonNode credential = verified(jwt);
        assertEquals("OpenBadgeCredential", credential.at("/type/1").asText());
        assertEquals(listed.getString("mpnId"), credential.at("/credentialSubject/profile/otherIdentifier/0/identifier").asText());
        assertEquals(listed.getString("name"), credential.at("/credentialSubject/profile/name").asText());
        assertEquals("Profile", credential.at("/issuer/type/0").asText());
        JsonNode status = credential.get("credentialStatus");
        assertEquals("BitstringStatusListEntry", status.get("type").asText());
        assertEquals("revocation", status.get("statusPurpose").asText());
        String statusList = status.get("statusListCredential").asText();
        int index = Integer.parseInt(status.get("statusListIndex").asText());
        assertFalse(revoked(statusList, index), "a held level's bit is clear");
        verification(jwt).body("signatureValid", equalTo(true)).body("revoked", equalTo(false))
                .body("subject.mpnId", equalTo(listed.getString("mpnId")));

        // a departure puts it at risk: still held, bit clear
        admin(organization).post("/organizations/{id}/users/{user}/departure", organization, bobsAccount).then().statusCode(200);
        awaitStatus(organization, competency, levelAtRisk("SILVER", true), "SILVER at risk");
        assertFalse(revoked(statusList, index), "at risk is still held");

        // at valid-until it lapses: the bit reads revoked within a second of the status change
        clockTo(validUntil.plus(Duration.ofDays(1)));
        awaitStatus(organization, competency, level("NONE"), "lapsed at valid-until");
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(100)).until(() -> revoked(statusList, index));
        verification(jwt).body("signatureValid", equalTo(true)).body("revoked", equalTo(true));
        anyone().get("/organization-credentials/organizations/{o}", organization).then().statusCode(200)
                .body("credentials[0].status", equalTo("REVOKED"));

        // hostile input through the gateway: problems, never a 500
        anyone().contentType("application/json").body(Map.of("credential", "garbage")).post("/organization-credentials/verifications")
                .then().statusCode(400);
        anyone().contentType("application/json").body("{\"credential\":\"" + "x".repeat(1_100_000) + "\"}")
                .post("/organization-credentials/verifications").then().statusCode(413);
        anyone().get("/organization-credentials/{id}", java.util.UUID.randomUUID()).then().statusCode(404);
        anyone().urlEncodingEnabled(false).get("/organization-credentials/a%00b").then().statusCode(400);
    }

    private static io.restassured.response.ValidatableResponse verification(String jwt) {
        return anyone().contentType("application/json").body(Map.of("credential", jwt))
                .post("/organization-credentials/verifications").then().statusCode(200);
    }

    /** jose4j: the key the JWKS publishes under the token's kid verifies the signature; the payload as JSON. */
    static JsonNode verified(String compact) throws Exception {
        String jwks = anyone().get("/organization-credentials/.well-known/jwks.json").then().statusCode(200).extract().asString();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(compact);
        JsonWebKey key = new VerificationJwkSelector().select(jws, new JsonWebKeySet(jwks).getJsonWebKeys());
        assertTrue(key != null && jws.getKeyIdHeaderValue() != null, "a published key for kid " + jws.getKeyIdHeaderValue());
        jws.setKey(key.getKey());
        assertTrue(jws.verifySignature(), "signature verifies");
        assertEquals("RS256", jws.getAlgorithmHeaderValue());
        return JSON.readTree(jws.getPayload());
    }

    /** Independent W3C Bitstring Status List check: fetch the list credential, verify it, decode, read the bit. */
    static boolean revoked(String statusListUrl, int index) throws Exception {
        String path = statusListUrl.substring(statusListUrl.indexOf("/organization-credentials/"));
        String jwt = anyone().accept("application/vc+jwt").get(path).then().statusCode(200).extract().asString();
        JsonNode list = verified(jwt);
        assertEquals("BitstringStatusListCredential", list.at("/type/1").asText());
        assertEquals("revocation", list.at("/credentialSubject/statusPurpose").asText());
        String encoded = list.at("/credentialSubject/encodedList").asText();
        assertEquals('u', encoded.charAt(0), "multibase base64url");
        byte[] bits;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            bits = in.readAllBytes();
        }
        assertTrue(bits.length * 8 >= 131_072, "at least 131,072 bits");
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }
}
