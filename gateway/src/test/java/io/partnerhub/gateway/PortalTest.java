package io.partnerhub.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The partner portal is served at / next to /api, with its one library from the jar and its Content-Security-Policy;
 * the browser tests are in system-tests.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class PortalTest {

    @Test
    void servesThePortalAndTheLibraryItsModulesImport() {
        String index = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/portal/app.js")).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(index.contains("<script>") || index.contains("importmap"),
                "no inline script: the Content-Security-Policy allows none");
        String preact = given().get("/portal/preact.js").then().statusCode(200).extract().asString();
        Matcher library = Pattern.compile("from '\\.\\.(/_static/htm/[^']+)'").matcher(preact);
        org.junit.jupiter.api.Assertions.assertTrue(library.find(), "preact.js re-exports the htm module by a relative path");
        given().get(library.group(1)).then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("useState"));
        for (String file : new String[] { "app.js", "api.js", "ui.js", "org-pages.js", "people-pages.js", "me-pages.js",
                "assess-pages.js", "profile-pages.js", "designation-pages.js", "webhook-pages.js", "notify-pages.js",
                "public-pages.js", "reason-views.js", "portal.css", "admin.css", "chart.js", "admin-util.js", "history-pages.js",
                "requirements-pages.js", "admin-pages.js", "catalogue-pages.js", "ops-pages.js" }) {
            given().get("/portal/" + file).then().statusCode(200);
        }
        // the demo mail inbox link: only deploy/run names an inbox (partnerhub.portal.dev-mail-url); here it is 404
        given().redirects().follow(false).get("/dev/mail").then().statusCode(404);
    }

    @Test
    void thePortalsPagesCarryAStrictContentSecurityPolicyAndTheConsoleNone() {
        for (String page : new String[] { "/", "/index.html", "/portal/app.js" }) {
            given().get(page).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("object-src 'none'"))
                    .header("Content-Security-Policy", containsString("base-uri 'none'"));
        }
        // the console's page has inline script and style of its own: not under the portal's policy
        given().get("/q/swagger-ui/").then().statusCode(200).header("Content-Security-Policy", nullValue());
        given().get("/_static/htm/3.1.1/preact/standalone.module.js").then().statusCode(200);
    }

    @Test
    void offersNoDemoPersonasUnlessTheDevstackConfiguredThem() {
        given().accept("application/json").get("/dev/personas").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }
}
