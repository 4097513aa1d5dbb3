package io.partnerhub.chassis.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/** One trace from the HTTP request that wrote an outbox row to the handler that consumed the event. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class TracePropagationTest {

    @Inject
    Effects effects;

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void handlerRunsInTheTraceOfTheRequestThatPublished() {
        String traceId = newTraceId();
        String subject = "trace-" + UUID.randomUUID();
        String requestTraceId = given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body("{\"widgetId\":\"" + subject + "\",\"name\":\"w\"}")
                .post("/test/widgets/events")
                .then().statusCode(200).extract().path("traceId");
        assertThat(requestTraceId).as("the request continues the caller's trace").isEqualTo(traceId);

        await().atMost(Duration.ofSeconds(15)).until(() -> effects.appliedFor(subject) == 1);
        List<ConsumerRecord<String, String>> records = TopicReader.readAll(WidgetHandler.TOPIC).stream()
                .filter(r -> subject.equals(r.key())).toList();
        assertThat(records).hasSize(1);
        String traceparent = new String(records.get(0).headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(effects.traceIds(subject)).as("the handler's current span is in the request's trace")
                .containsExactly(traceId);
    }

    @Test
    void internalErrorProblemCarriesTheRequestsTraceId() {
        String traceId = newTraceId();
        given().auth().oauth2(TestTokens.ops()).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/test/widgets/boom")
                .then().statusCode(500).body("traceId", equalTo(traceId));
    }
}
