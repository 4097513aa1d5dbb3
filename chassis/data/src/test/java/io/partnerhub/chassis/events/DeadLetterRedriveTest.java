package io.partnerhub.chassis.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnerhub.chassis.testapp.Effects;
import io.partnerhub.chassis.testapp.TopicReader;
import io.partnerhub.chassis.testapp.WidgetHandler;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.partnerhub.devstack.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A poison event is dead-lettered; once the handler is fixed, ops redrive it and it is applied exactly once. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class DeadLetterRedriveTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Effects effects;

    @AfterEach
    void makeHandlerPoisonousAgain() {
        WidgetHandler.curePoison(false);
    }

    private static RequestSpecification asOps() {
        return given().auth().oauth2(TestTokens.ops());
    }

    private static void publish(String subject, boolean poison) {
        asOps().contentType(ContentType.JSON)
                .body("{\"widgetId\":\"" + subject + "\",\"name\":\"w\",\"poison\":" + poison + "}")
                .post("/test/widgets/events").then().statusCode(200);
    }

    @Test
    void poisonEventIsDeadLetteredListedAndAppliedOnceWhenRedrivenAfterTheFix() {
        String subject = "redrive-" + UUID.randomUUID();
        publish(subject, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> effects.openDeadLetters(subject) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> TopicReader.readAll(WidgetHandler.TOPIC + ".dlq").stream()
                .anyMatch(r -> subject.equals(r.key())));
        String id = effects.deadLetterId(subject);

        List<String> listed = asOps().queryParam("size", 100).get("/admin/dead-letters")
                .then().statusCode(200).header("X-Total-Count", org.hamcrest.Matchers.notNullValue())
                .extract().path("findAll { it.key == '" + subject + "' }.id");
        assertThat(listed).containsExactly(id);
        asOps().queryParam("size", 100).get("/admin/dead-letters").then()
                .body("find { it.id == '" + id + "' }.headers.dlq-error", equalTo("poison widget " + subject))
                .body("find { it.id == '" + id + "' }.headers.dlq-consumer", equalTo(WidgetHandler.class.getName()))
                .body("find { it.id == '" + id + "' }.headers.dlq-original-topic", equalTo(WidgetHandler.TOPIC))
                .body("find { it.id == '" + id + "' }.ceType", equalTo("io.partnerhub.test.widget-created.v1"))
                .body("find { it.id == '" + id + "' }.exception", equalTo(IllegalStateException.class.getName()));

        // still broken: the redrive fails, the dead letter stays listed
        asOps().post("/admin/dead-letters/" + id + "/redrive")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/redrive-failed"));
        assertThat(effects.openDeadLetters(subject)).isEqualTo(1);

        WidgetHandler.curePoison(true);
        asOps().post("/admin/dead-letters/" + id + "/redrive")
                .then().statusCode(200).body("id", equalTo(id)).body("outcome", equalTo("APPLIED"));
        assertThat(effects.appliedFor(subject)).isEqualTo(1);
        asOps().queryParam("size", 100).get("/admin/dead-letters").then().statusCode(200).body("id", not(hasItem(id)));

        asOps().post("/admin/dead-letters/" + id + "/redrive")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/dead-letter-redriven"));
        asOps().post("/admin/dead-letters/redrive").then().statusCode(200);
        assertThat(effects.appliedFor(subject)).as("applied exactly once").isEqualTo(1);
    }

    @Test
    void badIdsAreProblemsNeverServerErrors() {
        asOps().post("/admin/dead-letters/not-a-uuid/redrive").then().statusCode(400).contentType(PROBLEM);
        asOps().post("/admin/dead-letters/" + "x".repeat(300) + "/redrive").then().statusCode(400).contentType(PROBLEM);
        asOps().post("/admin/dead-letters/" + UUID.randomUUID() + "/redrive")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://partnerhub.io/problems/not-found"));
        asOps().queryParam("page", 21474837).get("/admin/dead-letters").then().statusCode(400).contentType(PROBLEM);
        asOps().queryParam("size", 0).get("/admin/dead-letters").then().statusCode(400).contentType(PROBLEM);
        asOps().queryParam("size", 1000).get("/admin/dead-letters").then().statusCode(200); // capped at 100, like every list
    }

    @Test
    void onlyOpsSeeOrRedriveDeadLetters() {
        given().get("/admin/dead-letters").then().statusCode(401);
        given().auth().oauth2(TestTokens.employee("cand-1", "org-1")).get("/admin/dead-letters")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.employee("cand-1", "org-1")).post("/admin/dead-letters/redrive")
                .then().statusCode(403);
    }
}
