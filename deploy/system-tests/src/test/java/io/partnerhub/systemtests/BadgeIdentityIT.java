package io.partnerhub.systemtests;

import static io.partnerhub.systemtests.Programme.anyone;
import static io.partnerhub.systemtests.Programme.awaitHolding;
import static io.partnerhub.systemtests.Programme.candidate;
import static io.partnerhub.systemtests.Programme.certification;
import static io.partnerhub.systemtests.Programme.exam;
import static io.partnerhub.systemtests.Programme.pass;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A public badge names its holder only by a salted hash (Open Badges 3.0 IdentityObject, issue #19): the plain
 * candidate id is nowhere in the badge, in either form; the salt is shown only to the holder (and ops); with the
 * candidate id and that salt anybody can check that the badge is theirs.
 */
@ExtendWith(RunningSuite.class)
class BadgeIdentityIT {

    @Test
    void aBadgeCarriesAHashedIdentityTheHolderCanProve() throws Exception {
        String exam = exam("BADGE");
        String certification = certification("badge", "ASSOCIATE", exam);
        String person = candidate("holder");
        pass(person, exam);
        String holding = (String) awaitHolding(person, certification, "ACTIVE").get("id");

        // the holder's own views show the salt
        JsonPath own = RunningSuite.api("employee", Map.of("candidate", person)).queryParam("candidateId", person)
                .get("/certification-holdings").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = own.getList("findAll { it.id == '" + holding + "' }");
        assertEquals(1, mine.size(), own.prettify());
        String salt = (String) mine.get(0).get("badgeSalt");
        assertNotNull(salt, "the holder sees the badge salt: " + own.prettify());
        RunningSuite.api("employee", Map.of("candidate", person)).get("/certification-holdings/{id}", holding)
                .then().statusCode(200).body("badgeSalt", equalTo(salt));
        // nobody else does: another employee and an exam-provider get 404
        RunningSuite.api("employee", Map.of("candidate", candidate("other"))).get("/certification-holdings/{id}", holding)
                .then().statusCode(404);
        Programme.provider().get("/certification-holdings/{id}", holding).then().statusCode(404);

        // the public badge: a hashed identity, no candidate id, no salt
        Response badge = anyone().get("/badges/{id}", holding);
        assertEquals(200, badge.statusCode(), badge.asString());
        JsonPath credential = badge.jsonPath();
        assertEquals(Boolean.TRUE, credential.get("credentialSubject.identifier[0].hashed"), credential.prettify());
        assertEquals("IdentityObject", credential.getString("credentialSubject.identifier[0].type"), credential.prettify());
        String expectedHash = "sha256$" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest((person + salt).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expectedHash, credential.getString("credentialSubject.identifier[0].identityHash"), credential.prettify());
        assertFalse(badge.asString().contains(person), "the badge names the candidate: " + badge.asString());
        assertFalse(badge.asString().contains(salt), "the badge shows the salt: " + badge.asString());

        // the signed form carries the same hashed identity and no candidate id
        Response signed = anyone().accept("application/vc+jwt").get("/badges/{id}", holding);
        assertEquals(200, signed.statusCode(), signed.asString());
        String payload = new String(Base64.getUrlDecoder().decode(signed.asString().trim().split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains(expectedHash.replace("$", "\\u0024")) || payload.contains(expectedHash), payload);
        assertFalse(payload.contains(person), "the VC-JWT names the candidate: " + payload);

        // anybody with the id and the salt can check the badge is the holder's
        anyone().queryParam("identifier", person).queryParam("salt", salt).get("/badges/{id}/verification", holding)
                .then().statusCode(200).body("recipientMatches", equalTo(true));
        anyone().queryParam("identifier", person).queryParam("salt", salt + "x").get("/badges/{id}/verification", holding)
                .then().statusCode(200).body("recipientMatches", equalTo(false));
        anyone().queryParam("identifier", "somebody-else").queryParam("salt", salt).get("/badges/{id}/verification", holding)
                .then().statusCode(200).body("recipientMatches", equalTo(false));
        JsonPath plain = anyone().get("/badges/{id}/verification", holding).then().statusCode(200).extract().jsonPath();
        assertFalse(plain.getMap("$").containsKey("recipientMatches"), "without both parameters no answer: " + plain.prettify());
    }
}
