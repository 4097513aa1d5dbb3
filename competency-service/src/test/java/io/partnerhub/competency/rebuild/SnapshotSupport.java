package io.partnerhub.competency.rebuild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Snapshot events as the producers publish them: their asyncapi.yaml examples (a new id and time), filled in for a
 * rebuild's reference.
 */
final class SnapshotSupport {

    static final Path CERTIFICATION = Path.of("..", "certification-service", "src", "main", "resources", "asyncapi.yaml");
    static final Path MEMBERSHIP = Path.of("..", "membership-service", "src", "main", "resources", "asyncapi.yaml");

    private final JsonNode certification;
    private final JsonNode membership;
    private final String reference;
    private final String certificationSnapshot = UUID.randomUUID().toString();
    private final String membershipSnapshot = UUID.randomUUID().toString();
    private long certificationSequence;
    private long membershipSequence;

    SnapshotSupport(String reference) throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        this.certification = yaml.readTree(Files.readString(CERTIFICATION));
        this.membership = yaml.readTree(Files.readString(MEMBERSHIP));
        this.reference = reference;
    }

    private ObjectNode example(boolean fromCertification, String message, String subject) {
        JsonNode document = fromCertification ? certification : membership;
        ObjectNode event = (ObjectNode) document.at("/components/messages/" + message + "/examples/0/payload").deepCopy();
        event.put("id", UUID.randomUUID().toString());
        event.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        event.put("subject", subject);
        ((ObjectNode) event.get("data")).put("reference", reference)
                .put("snapshotId", fromCertification ? certificationSnapshot : membershipSnapshot)
                .put("sequence", fromCertification ? ++certificationSequence : ++membershipSequence);
        return event;
    }

    static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    ObjectNode organization(String organizationId) {
        ObjectNode event = example(false, "organizationSnapshot", organizationId);
        data(event).put("organizationId", organizationId);
        return event;
    }

    ObjectNode association(String candidateId, String organizationId, Instant since) {
        ObjectNode event = example(false, "associationSnapshot", candidateId);
        data(event).put("candidateId", candidateId).put("organizationId", organizationId)
                .put("userId", organizationId == null ? null : UUID.nameUUIDFromBytes(candidateId.getBytes()).toString())
                .put("since", since.toString());
        return event;
    }

    ObjectNode figure(String organizationId, String metric, long value, java.time.LocalDate periodEnd, Instant reportedAt) {
        ObjectNode event = example(false, "figureSnapshot", organizationId);
        data(event).put("organizationId", organizationId).put("metric", metric).put("value", value)
                .put("periodStart", periodEnd.minusMonths(1).plusDays(1).toString()).put("periodEnd", periodEnd.toString())
                .put("reportedAt", reportedAt.toString());
        return event;
    }

    ObjectNode holding(String candidateId, String certificationId, String holdingId, String status, Instant expiresAt) {
        ObjectNode event = example(true, "holdingSnapshot", candidateId);
        data(event).put("candidateId", candidateId).put("certificationId", certificationId).put("holdingId", holdingId)
                .put("status", status).put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        return event;
    }

    ObjectNode catalogueItem(String certificationId, String name, String level) {
        ObjectNode event = example(true, "catalogueItemSnapshot", certificationId);
        data(event).put("kind", "CERTIFICATION").put("id", certificationId).put("name", name).put("level", level);
        return event;
    }

    /** The completion event of the certification snapshot, with the events published so far. */
    ObjectNode certificationCompleted() {
        long total = certificationSequence;
        ObjectNode event = example(true, "certificationSnapshotCompleted", certificationSnapshot);
        data(event).put("total", total);
        return event;
    }

    ObjectNode membershipCompleted() {
        long total = membershipSequence;
        ObjectNode event = example(false, "membershipSnapshotCompleted", membershipSnapshot);
        data(event).put("total", total);
        return event;
    }
}
