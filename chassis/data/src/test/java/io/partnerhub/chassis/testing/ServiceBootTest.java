package io.partnerhub.chassis.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What every service checks once it boots on the chassis: ready with its database and Kafka, and its OpenAPI
 * document and console served. Shipped in chassis-data's test-jar (only this package); a service's test extends it:
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
 * class MembershipServiceBootTest extends ServiceBootTest {
 *     MembershipServiceBootTest() { super("PartnerHub membership service", List.of("/organizations/{id}")); }
 * }
 * </pre>
 */
public abstract class ServiceBootTest {

    private final String openApiTitle;
    private final List<String> documentedPaths;

    protected ServiceBootTest(String openApiTitle, List<String> documentedPaths) {
        this.openApiTitle = openApiTitle;
        this.documentedPaths = documentedPaths;
    }

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"))
                .body("checks.status", everyItem(equalTo("UP")));
    }

    @Test
    void publishesItsOpenApiDocumentAndConsole() {
        String document = given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("components.securitySchemes.jwt.scheme", equalTo("bearer"))
                .body("info.title", equalTo(openApiTitle))
                .extract().asString();
        for (String path : documentedPaths) {
            org.hamcrest.MatcherAssert.assertThat(document, containsString("\"" + path + "\""));
        }
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
