package io.partnerhub.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The partner portal is served at / next to /api, with its one library from the jar; the browser tests are in system-tests. */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestResource.class, restrictToAnnotatedClass = true)
class PortalTest {

    @Test
    void servesThePortalAndTheModuleItsImportMapNames() {
        String index = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/portal/app.js")).extract().asString();
        Matcher library = Pattern.compile("\"htm/preact\": \"([^\"]+)\"").matcher(index);
        org.junit.jupiter.api.Assertions.assertTrue(library.find(), "import map names htm/preact");
        given().get(library.group(1)).then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("useState"));
        for (String file : new String[] { "app.js", "api.js", "ui.js", "org-pages.js", "me-pages.js", "portal.css" }) {
            given().get("/portal/" + file).then().statusCode(200);
        }
    }

    @Test
    void offersNoDemoPersonasUnlessTheDevstackConfiguredThem() {
        given().accept("application/json").get("/dev/personas").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }
}
