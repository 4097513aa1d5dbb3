package io.partnerhub.certification.badge;

import io.partnerhub.chassis.testing.ClockMovingTest;
import static io.partnerhub.certification.holding.TestSupport.defineCertification;
import static io.partnerhub.certification.holding.TestSupport.earn;
import static io.partnerhub.certification.holding.TestSupport.examCode;
import static io.partnerhub.certification.holding.TestSupport.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import io.partnerhub.certification.holding.TestSupport.Earned;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestKit;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** C8 over the real app: OB3 JSON, VC-JWT verified with jose4j against the published JWKS, live status, hostile input. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class BadgeTest extends ClockMovingTest {

    static final String PROBLEM = TestKit.PROBLEM_JSON;
    static final String VC_JWT = "application/vc+jwt";
    static final String ISSUER = "http://localhost:8080/api/badges/issuer";

    static String vcJwt(String holdingId) {
        return given().accept(VC_JWT).when().get("/badges/" + holdingId)
                .then().statusCode(200).contentType(startsWith(VC_JWT)).extract().asString();
    }

    static JwtConsumer consumerOfPublishedKeys() throws Exception {
        String jwks = given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        JsonWebKeySet keys = new JsonWebKeySet(jwks);
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.getJsonWebKeys()))
                .setExpectedIssuer(ISSUER)
                .setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256))
                .build();
    }

    static Response verify(String body, ContentType type) {
        return given().contentType(type).body(body).when().post("/badge-verifications");
    }

    @Test
    void servesAnOpenBadgeCredentialWithoutAToken() throws Exception {
        Earned earned = earn("ASSOCIATE");
        String expiresAt = given().auth().oauth2(TestTokens.ops()).when().get("/certification-holdings/" + earned.holdingId())
                .path("expiresAt");
        given().when().get("/badges/" + earned.holdingId()).then().statusCode(200).contentType(ContentType.JSON)
                .body("'@context'", contains("https://www.w3.org/ns/credentials/v2",
                        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
                .body("type", contains("VerifiableCredential", "OpenBadgeCredential"))
                .body("id", equalTo("http://localhost:8080/api/badges/" + earned.holdingId()))
                .body("name", equalTo("Test " + earned.certificationId()))
                .body("issuer.id", equalTo(ISSUER))
                .body("issuer.type", contains("Profile"))
                .body("issuer.name", notNullValue())
                .body("validFrom", notNullValue())
                .body("validUntil", equalTo(expiresAt))
                .body("credentialSubject.type", contains("AchievementSubject"))
                .body("credentialSubject.identifier[0].type", equalTo("IdentityObject"))
                .body("credentialSubject.identifier[0].hashed", equalTo(true))
                .body("credentialSubject.achievement.type", contains("Achievement"))
                .body("credentialSubject.achievement.achievementType", equalTo("Certification"))
                .body("credentialSubject.achievement.name", equalTo("Test " + earned.certificationId()))
                .body("credentialSubject.achievement.description", containsString("ASSOCIATE"))
                .body("credentialSubject.achievement.criteria.narrative", containsString(earned.examCode()))
                .body("credentialStatus.id", equalTo("http://localhost:8080/api/badges/" + earned.holdingId() + "/verification"))
                .body("credentialStatus.type", notNullValue());
        given().accept("application/ld+json").when().get("/badges/" + earned.holdingId())
                .then().statusCode(200).contentType(startsWith("application/ld+json")).body("id", endsWith(earned.holdingId()));
        given().when().get("/badges/issuer").then().statusCode(200).body("id", equalTo(ISSUER)).body("type", contains("Profile"));
    }

    @Test
    void theBadgesRecipientIsAHashedIdentityThatVerifiesWithTheIdentifierAndTheHoldersSalt() throws Exception {
        Earned earned = earn("ASSOCIATE");
        String holder = TestTokens.employee(earned.candidateId(), null);
        String salt = given().auth().oauth2(holder).when().get("/certification-holdings/" + earned.holdingId())
                .then().statusCode(200).body("badgeSalt", matchesPattern("[0-9a-f]{32}")).extract().path("badgeSalt");
        // the same salt wherever the holder and ops read the holding
        given().auth().oauth2(holder).queryParam("candidateId", earned.candidateId()).when().get("/certification-holdings")
                .then().statusCode(200).body("[0].badgeSalt", equalTo(salt));
        given().auth().oauth2(TestTokens.ops()).when().get("/transcripts/" + earned.candidateId())
                .then().statusCode(200).body("activeCertifications[0].badgeSalt", equalTo(salt));

        String badge = given().when().get("/badges/" + earned.holdingId()).then().statusCode(200)
                .body("credentialSubject.identifier", hasSize(1))
                .body("credentialSubject.identifier[0].type", equalTo("IdentityObject"))
                .body("credentialSubject.identifier[0].identityType", equalTo("identifier"))
                .body("credentialSubject.identifier[0].hashed", equalTo(true))
                .body("credentialSubject.identifier[0].identityHash", equalTo(sha256(earned.candidateId() + salt)))
                .body("credentialSubject", not(hasKey("id")))
                .extract().asString();
        assertFalse(badge.contains(earned.candidateId()), badge);
        assertFalse(badge.contains(salt), badge);
        String payload = new String(Base64.getUrlDecoder().decode(vcJwt(earned.holdingId()).split("\\.")[1]), StandardCharsets.UTF_8);
        assertFalse(payload.contains(earned.candidateId()), payload);
        assertFalse(payload.contains(salt), payload);
        JwtClaims claims = consumerOfPublishedKeys().processToClaims(vcJwt(earned.holdingId()));
        @SuppressWarnings("unchecked")
        Map<String, Object> identity = ((List<Map<String, Object>>) ((Map<String, Object>) claims.getClaimValue("credentialSubject"))
                .get("identifier")).get(0);
        assertEquals(Map.of("type", "IdentityObject", "identityHash", sha256(earned.candidateId() + salt),
                "identityType", "identifier", "hashed", true), identity);

        String verification = "/badges/" + earned.holdingId() + "/verification";
        given().queryParam("identifier", earned.candidateId()).queryParam("salt", salt).when().get(verification)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("recipientMatches", equalTo(true));
        String otherSalt = "0".repeat(32);
        given().queryParam("identifier", earned.candidateId()).queryParam("salt", otherSalt).when().get(verification)
                .then().statusCode(200).body("recipientMatches", equalTo(false));
        given().queryParam("identifier", unique("cand-")).queryParam("salt", salt).when().get(verification)
                .then().statusCode(200).body("recipientMatches", equalTo(false));
        given().queryParam("identifier", earned.candidateId()).when().get(verification)
                .then().statusCode(200).body("$", not(hasKey("recipientMatches")));
        given().when().get(verification).then().statusCode(200).body("$", not(hasKey("recipientMatches")));
        given().queryParam("identifier", earned.candidateId()).queryParam("salt", "s".repeat(101)).when().get(verification)
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void theBadgeSaltIsNeverOnASharedTranscriptNorShownToOthers() throws Exception {
        Earned earned = earn("ASSOCIATE");
        String code = given().auth().oauth2(TestTokens.employee(earned.candidateId(), null)).contentType(ContentType.JSON)
                .body("{}").when().post("/transcripts/" + earned.candidateId() + "/share-codes")
                .then().statusCode(201).extract().path("code");
        given().when().get("/shared-transcripts/" + code).then().statusCode(200)
                .body("activeCertifications", hasSize(1))
                .body("activeCertifications[0]", not(hasKey("badgeSalt")));
        given().auth().oauth2(TestTokens.examProvider()).when().get("/certification-holdings/" + earned.holdingId())
                .then().statusCode(404).body("$", not(hasKey("badgeSalt")));
        given().auth().oauth2(TestTokens.employee(unique("cand-"), null)).when().get("/certification-holdings/" + earned.holdingId())
                .then().statusCode(404).body("$", not(hasKey("badgeSalt")));
    }

    static String sha256(String text) throws Exception {
        return "sha256$" + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fundamentalsHaveNoValidUntilAndARetiredCertificationShowsItsSuccessor() throws Exception {
        Earned fundamentals = earn("FUNDAMENTALS");
        given().when().get("/badges/" + fundamentals.holdingId()).then().statusCode(200)
                .body("$", not(hasKey("validUntil")));
        given().when().get("/badges/" + fundamentals.holdingId() + "/verification").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("$", not(hasKey("validUntil")));

        Earned retiring = earn("ASSOCIATE");
        String successor = defineCertification("ASSOCIATE", "[[\"%s\"]]".formatted(examCode()), "[]");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"retiresOn\":\"%s\",\"successor\":\"%s\"}".formatted(LocalDate.now(ZoneOffset.UTC), successor))
                .when().post("/certifications/" + retiring.certificationId() + "/retirement").then().statusCode(200);
        given().when().get("/badges/" + retiring.holdingId()).then().statusCode(200)
                .body("credentialSubject.achievement.related[0].id", endsWith("/certifications/" + successor))
                .body("credentialSubject.achievement.description", containsString("Successor: " + successor));
        given().when().get("/badges/" + retiring.holdingId() + "/verification").then().statusCode(200)
                .body("status", equalTo("ACTIVE")); // C5: holdings of a retired certification stay active until they expire
    }

    @Test
    void aVcJwtVerifiesWithJose4jAgainstThePublishedJwksAndFailsAfterOneChangedByte() throws Exception {
        Earned earned = earn("ASSOCIATE");
        String jwt = vcJwt(earned.holdingId());

        JsonWebSignature header = new JsonWebSignature();
        header.setCompactSerialization(jwt);
        assertEquals("vc+jwt", header.getHeader("typ"));
        assertEquals(AlgorithmIdentifiers.RSA_USING_SHA256, header.getAlgorithmHeaderValue());
        String kid = header.getKeyIdHeaderValue();
        given().when().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", hasItem(kid)).body("keys[0]", not(hasKey("d")));

        JwtClaims claims = consumerOfPublishedKeys().processToClaims(jwt);
        assertEquals(List.of("VerifiableCredential", "OpenBadgeCredential"), claims.getStringListClaimValue("type"));
        assertEquals("http://localhost:8080/api/badges/" + earned.holdingId(), claims.getClaimValue("id"));
        assertEquals(claims.getClaimValue("id"), claims.getJwtId());
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) claims.getClaimValue("credentialSubject");
        @SuppressWarnings("unchecked")
        Map<String, Object> achievement = (Map<String, Object>) subject.get("achievement");
        assertEquals("Test " + earned.certificationId(), achievement.get("name"));
        assertNotEquals(null, claims.getClaimValue("validUntil"));

        String tampered = changeOneByte(jwt);
        assertThrows(InvalidJwtException.class, () -> consumerOfPublishedKeys().processToClaims(tampered));

        verify(jwt, ContentType.TEXT).then().statusCode(200)
                .body("signatureValid", equalTo(true)).body("status", equalTo("ACTIVE"))
                .body("holdingId", equalTo(earned.holdingId())).body("keyId", equalTo(kid));
        verify("{\"jwt\":\"" + jwt + "\"}", ContentType.JSON).then().statusCode(200)
                .body("signatureValid", equalTo(true)).body("holdingId", equalTo(earned.holdingId()));
        verify(tampered, ContentType.TEXT).then().statusCode(200)
                .body("signatureValid", equalTo(false)).body("$", not(hasKey("status"))).body("$", not(hasKey("holdingId")));
    }

    @Test
    void aForeignSignedTokenIsNotValidAndGarbageIsABadRequest() throws Exception {
        Earned earned = earn("ASSOCIATE");
        String jwt = vcJwt(earned.holdingId());
        JsonWebSignature original = new JsonWebSignature();
        original.setCompactSerialization(jwt);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        for (String kid : new String[] { original.getKeyIdHeaderValue(), "someone-else" }) {
            JsonWebSignature foreign = new JsonWebSignature();
            foreign.setPayload(original.getUnverifiedPayload());
            foreign.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            foreign.setKeyIdHeaderValue(kid);
            foreign.setHeader("typ", "vc+jwt");
            foreign.setKey(generator.generateKeyPair().getPrivate());
            verify(foreign.getCompactSerialization(), ContentType.TEXT).then().statusCode(200)
                    .body("signatureValid", equalTo(false)).body("detail", notNullValue());
        }
        String[] parts = jwt.split("\\.");
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        verify(unsigned, ContentType.TEXT).then().statusCode(200) // alg none: never accepted
                .body("signatureValid", equalTo(false)).body("$", not(hasKey("status")));

        for (String garbage : new String[] { "not a jwt", "a.b.c", "", "x".repeat(20_000), parts[0] + ".bm90IGpzb24." + parts[2] }) {
            verify(garbage, ContentType.TEXT).then().statusCode(400).contentType(PROBLEM)
                    .body("type", endsWith("/invalid-badge-token"));
        }
        verify("{\"jwt\":null}", ContentType.JSON).then().statusCode(400).contentType(PROBLEM);
        verify("{\"jwt\":", ContentType.JSON).then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void verificationFollowsRevocationAndExpiry() throws Exception {
        Earned revoked = earn("ASSOCIATE");
        Earned expiring = earn("ASSOCIATE");
        String jwt = vcJwt(revoked.holdingId());
        given().when().get("/badges/" + revoked.holdingId() + "/verification").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("holdingId", equalTo(revoked.holdingId()))
                .body("validFrom", notNullValue()).body("validUntil", notNullValue()).body("$", not(hasKey("revokedAt")));

        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"reason\":\"exam misconduct\"}")
                .when().post("/certification-holdings/" + revoked.holdingId() + "/revocation").then().statusCode(200);
        given().when().get("/badges/" + revoked.holdingId() + "/verification").then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revokedAt", notNullValue()).body("reason", equalTo("exam misconduct"));
        verify(jwt, ContentType.TEXT).then().statusCode(200)
                .body("signatureValid", equalTo(true)).body("status", equalTo("REVOKED"));

        String validUntil = given().when().get("/badges/" + expiring.holdingId() + "/verification").path("validUntil");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"offset\":\"P400D\"}")
                .when().put("/admin/clock").then().statusCode(200);
        given().when().get("/badges/" + expiring.holdingId() + "/verification").then().statusCode(200)
                .body("status", equalTo("EXPIRED")).body("validUntil", equalTo(validUntil)).body("$", not(hasKey("reason")));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"offset\":\"PT0S\"}")
                .when().put("/admin/clock").then().statusCode(200);
        given().when().get("/badges/" + expiring.holdingId() + "/verification").then().statusCode(200)
                .body("status", anyOfActiveOrExpired()); // the sweep may have expired it meanwhile: EXPIRED is final
    }

    @Test
    void unknownAndHostileHoldingIdsAnswer4xxProblems() {
        String unknown = java.util.UUID.randomUUID().toString();
        given().when().get("/badges/" + unknown).then().statusCode(404).contentType(PROBLEM).body("type", endsWith("/not-found"));
        given().accept(VC_JWT).when().get("/badges/" + unknown).then().statusCode(404);
        given().when().get("/badges/" + unknown + "/verification").then().statusCode(404).contentType(PROBLEM);
        for (String hostile : new String[] { "x".repeat(300), "..", "%2e%2e", "a..b", "%2E%2E%2Fadmin", "1%00" }) {
            int status = given().urlEncodingEnabled(false).when().get("/badges/" + hostile).then().extract().statusCode();
            assertTrue(status >= 400 && status < 500, hostile + " answered " + status);
            int verification = given().urlEncodingEnabled(false).when().get("/badges/" + hostile + "/verification")
                    .then().extract().statusCode();
            assertTrue(verification >= 400 && verification < 500, hostile + "/verification answered " + verification);
        }
    }

    private static org.hamcrest.Matcher<Object> anyOfActiveOrExpired() {
        return org.hamcrest.Matchers.anyOf(equalTo("ACTIVE"), equalTo("EXPIRED"));
    }

    /** Changes exactly one byte of the decoded payload (a letter of the certification name) and re-encodes it. */
    static String changeOneByte(String jwt) {
        String[] parts = jwt.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        String text = new String(payload, StandardCharsets.UTF_8);
        int at = text.indexOf("\"name\":\"Test ") + "\"name\":\"T".length();
        payload[at] = (byte) (payload[at] == 'e' ? 'a' : 'e');
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];
    }
}
