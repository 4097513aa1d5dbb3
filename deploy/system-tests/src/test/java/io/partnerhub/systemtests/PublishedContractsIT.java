package io.partnerhub.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.contracts.AsyncApiValidity;
import io.partnerhub.contracts.Finding;
import io.partnerhub.contracts.PublishedDocuments;
import io.partnerhub.contracts.Trees;
import io.partnerhub.devstack.test.Topics;

/**
 * The contracts deploy/contracts checks at build time are the ones the running suite keeps: each service serves at
 * /q/openapi the document its build wrote to target/openapi (what the checks and the generated clients read), and every
 * event on the services' topics, as the journeys before this class left them, is described in its producer's AsyncAPI
 * document by a message whose payload schema it satisfies.
 */
@ExtendWith(RunningSuite.class)
@Order(4)
class PublishedContractsIT {

    private static final PublishedDocuments DOCUMENTS = PublishedDocuments.ofThisBuild();

    @Test
    void eachServiceServesTheOpenApiDocumentItsBuildWrote() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String module : PublishedDocuments.OPENAPI) {
            HttpResponse<String> served = http.send(HttpRequest.newBuilder(
                    URI.create(RunningSuite.service(module).baseUrl() + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, served.statusCode(), module + " /q/openapi");
            List<String> differences = new ArrayList<>();
            differences("$", Trees.read(DOCUMENTS.openApi(module)), Trees.parseJson(served.body()), differences);
            assertEquals(List.of(), differences, module + "/target/openapi/openapi.json differs from its /q/openapi");
        }
    }

    @Test
    void everyEventOnTheServicesTopicsMatchesItsProducersAsyncApiDocument() {
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String module : PublishedDocuments.ASYNCAPI) {
            JsonNode document = Trees.read(DOCUMENTS.asyncApi(module));
            String name = module + " asyncapi.yaml";
            for (JsonNode channel : document.path("channels")) {
                String topic = channel.path("address").asText();
                for (ConsumerRecord<String, String> record : Topics.toEnd(
                        RunningSuite.stack().kafkaBootstrapServers(), topic, Duration.ofSeconds(30))) {
                    JsonNode event = Trees.parseJson(record.value());
                    String type = event.path("type").asText();
                    String message = AsyncApiValidity.messageNamed(document, type);
                    if (message == null) {
                        findings.add(new Finding(name, "$.components.messages",
                                "no message named " + type + " (event " + event.path("id").asText() + " on " + topic + ")"));
                        continue;
                    }
                    seen.add(type);
                    AsyncApiValidity.payloadSchema(document, message).check(name, event).stream()
                            .map(f -> new Finding(name, message + ".payload",
                                    "event " + event.path("id").asText() + " on " + topic + " at " + f.path() + ": " + f.reason()))
                            .forEach(findings::add);
                }
            }
        }
        assertEquals(List.of(), findings, "events on the topics that their producer's AsyncAPI document does not describe");
        assertTrue(seen.containsAll(Set.of("io.partnerhub.exam.passed.v1", "io.partnerhub.certification.earned.v1",
                "io.partnerhub.competency.attained.v1", "io.partnerhub.organization.registered.v1")),
                "the journeys before this class published these; checked: " + seen);
    }

    /** Where two JSON trees differ, by JSON path (at most 20 places). */
    private static void differences(String path, JsonNode stored, JsonNode served, List<String> found) {
        if (found.size() >= 20 || stored.equals(served)) {
            return;
        }
        if (stored.isObject() && served.isObject()) {
            Set<String> names = new TreeSet<>();
            stored.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String field : names) {
                JsonNode a = stored.get(field);
                JsonNode b = served.get(field);
                if (a == null || b == null) {
                    found.add(path + "." + field + (a == null ? " only served" : " only stored"));
                } else {
                    differences(path + "." + field, a, b, found);
                }
            }
        } else if (stored.isArray() && served.isArray() && stored.size() == served.size()) {
            Iterator<JsonNode> a = stored.elements();
            Iterator<JsonNode> b = served.elements();
            for (int i = 0; a.hasNext(); i++) {
                differences(path + "[" + i + "]", a.next(), b.next(), found);
            }
        } else {
            found.add(path + ": stored " + stored + ", served " + served);
        }
    }
}
