package io.partnerhub.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The checks of deploy/contracts catch what they are for, shown on deliberately broken copies of real documents (the
 * snapshot of exam-service, exam-service's AsyncAPI document): a copy is written to a temporary folder, never to the
 * tree.
 */
class ChecksCatchDefectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PublishedDocuments DOCUMENTS = PublishedDocuments.ofThisBuild();
    private static final Path EXAM_SNAPSHOT = DOCUMENTS.root().resolve("deploy/contracts/snapshots/exam-service.openapi.json");

    @TempDir
    Path copies;

    @Test
    void aResponseHeaderWithoutSchemaIsReportedWithItsPath() throws IOException {
        ObjectNode document = (ObjectNode) Trees.read(EXAM_SNAPSHOT);
        ObjectNode header = (ObjectNode) document.at("/paths/~1exams/get/responses/200/headers/X-Total-Count");
        header.removeAll().put("description", "Exams in all");

        assertReportedAt("$.paths['/exams'].get.responses['200'].headers['X-Total-Count']",
                "required property 'schema' not found",
                OpenApiValidity.check("broken exam-service", write("openapi.json", document)));
    }

    @Test
    void aValidDocumentHasNoFinding() throws IOException {
        ObjectNode document = (ObjectNode) Trees.read(EXAM_SNAPSHOT);
        ((ObjectNode) document.at("/paths/~1exams/get/responses/200/headers/X-Total-Count"))
                .putObject("schema").put("type", "integer");

        assertEquals(List.of(), OpenApiValidity.check("exam-service", write("openapi.json", document)));
    }

    @Test
    void anExampleEventThatDoesNotMatchItsSchemaIsReportedWithItsPath() throws IOException {
        ObjectNode document = (ObjectNode) Trees.read(DOCUMENTS.asyncApi("exam-service"));
        ((ObjectNode) document.at("/components/messages/examPassed/examples/0/payload/data")).remove("score");

        assertReportedAt("$.components.messages.examPassed.examples[0].payload.data", "required property 'score'",
                AsyncApiValidity.check("broken exam-service", write("asyncapi.json", document)));
    }

    @Test
    void anAsyncApiDocumentAgainstItsSchemaIsReportedWithItsPath() throws IOException {
        ObjectNode document = (ObjectNode) Trees.read(DOCUMENTS.asyncApi("exam-service"));
        ((ObjectNode) document.at("/channels/examEvents")).remove("address");
        ((ObjectNode) document.at("/channels/examEvents")).put("adress", "exam-events");

        List<Finding> findings = AsyncApiValidity.check("broken exam-service", write("asyncapi.json", document));

        assertTrue(findings.stream().anyMatch(f -> f.path().startsWith("$.channels.examEvents")), findings::toString);
    }

    @Test
    void anEventTypeThePublisherHasButTheDocumentLacksIsReported() throws IOException {
        Path sources = Files.createDirectories(copies.resolve("src"));
        Files.writeString(sources.resolve("ExamBooked.java"), """
                record ExamBooked(String candidateId) implements DomainEvent {
                    public static final String TYPE = "io.partnerhub.exam.booked.v1";
                }
                """);

        List<Finding> findings = AsyncApiValidity.undescribedEvents("exam-service",
                Trees.read(DOCUMENTS.asyncApi("exam-service")), sources);

        assertEquals(List.of("no message named io.partnerhub.exam.booked.v1, which the service publishes"),
                findings.stream().map(Finding::reason).toList());
    }

    @Test
    void breakingChangesToACopyAreCaught() throws IOException {
        String snapshot = Trees.text(EXAM_SNAPSHOT);
        ObjectNode document = (ObjectNode) JSON.readTree(snapshot);
        ((ObjectNode) document.get("paths")).remove("/admin/clock");
        ((ArrayNode) document.at("/paths/~1exams/get/parameters")).addObject()
                .put("name", "region").put("in", "query").put("required", true)
                .putObject("schema").put("type", "string");
        ((ObjectNode) document.at("/components/schemas/ExamView/properties")).remove("title");
        ((ObjectNode) document.at("/components/schemas/ExamView/properties/passingScore")).put("type", "string");
        ((ObjectNode) document.at("/components/schemas/RegisterForExam/properties/candidateId")).put("type", "integer");

        List<String> changes = BreakingChanges.between(snapshot, JSON.writeValueAsString(document));

        assertTrue(changes.containsAll(List.of(
                "GET /admin/clock: operation removed",
                "PUT /admin/clock: operation removed",
                "GET /exams: new required parameter query region",
                "GET /exams/{code} response 200.title: removed",
                "GET /exams/{code} response 200.passingScore: type changed from [integer] to [string]",
                "POST /exam-registrations request body.candidateId: type narrowed from [string] to [integer]")),
                () -> String.join("\n", changes));
    }

    @Test
    void additionsAreNotBreaking() throws IOException {
        String snapshot = Trees.text(EXAM_SNAPSHOT);
        ObjectNode document = (ObjectNode) JSON.readTree(snapshot);
        ((ObjectNode) document.at("/components/schemas/ExamView/properties")).putObject("language").put("type", "string");
        ((ArrayNode) document.at("/paths/~1exams/get/parameters")).addObject()
                .put("name", "language").put("in", "query").putObject("schema").put("type", "string");
        ((ObjectNode) document.get("paths")).set("/exam-languages", document.at("/paths/~1exams").deepCopy());

        assertEquals(List.of(), BreakingChanges.between(snapshot, JSON.writeValueAsString(document)));
    }

    /** One finding only, at the path, for the reason. */
    private static void assertReportedAt(String path, String reason, List<Finding> findings) {
        assertEquals(List.of(path), findings.stream().map(Finding::path).toList(), findings::toString);
        assertTrue(findings.get(0).reason().contains(reason), findings::toString);
    }

    private Path write(String name, ObjectNode document) throws IOException {
        Path copy = copies.resolve(name);
        JSON.writerWithDefaultPrettyPrinter().writeValue(copy.toFile(), document);
        return copy;
    }
}
