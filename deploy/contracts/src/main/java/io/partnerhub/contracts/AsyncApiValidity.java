package io.partnerhub.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SpecVersion.VersionFlag;

/**
 * Is an AsyncAPI document a true description of the events a service publishes? Valid against the AsyncAPI 3.0.0
 * JSON Schema; every message's examples valid against its payload schema, and of the type the message names; and
 * every event type the service's code publishes (a DomainEvent's TYPE) described by a message.
 */
public final class AsyncApiValidity {

    private static final Pattern PUBLISHED_TYPE = Pattern.compile("String TYPE\\s*=\\s*\"([^\"]+)\"");

    private AsyncApiValidity() {
    }

    public static List<Finding> check(String name, Path document) {
        JsonNode tree = Trees.read(document);
        List<Finding> findings = new ArrayList<>(DocumentSchema.ASYNCAPI_3_0.check(name, tree));
        if (findings.isEmpty()) {
            findings.addAll(examples(name, tree));
        }
        return findings;
    }

    /** Each example's payload against the payload schema of its message; its CloudEvent type is the message name. */
    static List<Finding> examples(String name, JsonNode document) {
        List<Finding> findings = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("components").path("messages").properties().iterator();
                it.hasNext();) {
            Map.Entry<String, JsonNode> message = it.next();
            String messagePath = "$.components.messages." + message.getKey();
            DocumentSchema payload = payloadSchema(document, messagePath);
            JsonNode examples = message.getValue().path("examples");
            if (examples.isEmpty()) {
                findings.add(new Finding(name, messagePath + ".examples", "a message needs an example"));
            }
            for (int i = 0; i < examples.size(); i++) {
                String examplePath = messagePath + ".examples[" + i + "].payload";
                JsonNode example = examples.get(i).path("payload");
                payload.check(name, example).stream()
                        .map(f -> new Finding(name, examplePath + f.path().substring(1), f.reason()))
                        .forEach(findings::add);
                String type = example.path("type").asText();
                if (!type.equals(message.getValue().path("name").asText())) {
                    findings.add(new Finding(name, examplePath + ".type",
                            "example of type " + type + " under the message named "
                                    + message.getValue().path("name").asText()));
                }
            }
        }
        return findings;
    }

    /** What a published event of the given message must satisfy (the document's own components resolve refs). */
    public static DocumentSchema payloadSchema(JsonNode document, String messagePath) {
        ObjectNode schema = ((ObjectNode) document.deepCopy()).retain("components");
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("$ref", "#" + messagePath.substring(1).replace('.', '/') + "/payload");
        return DocumentSchema.of(schema, VersionFlag.V7);
    }

    /** The message of the document that names the given event type, by its JSON path; null when none does. */
    public static String messageNamed(JsonNode document, String type) {
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("components").path("messages").properties().iterator();
                it.hasNext();) {
            Map.Entry<String, JsonNode> message = it.next();
            if (type.equals(message.getValue().path("name").asText())) {
                return "$.components.messages." + message.getKey();
            }
        }
        return null;
    }

    /** Every published event type of the module's code without a message of that name in its document. */
    public static List<Finding> undescribedEvents(String name, JsonNode document, Path sources) {
        return publishedTypes(sources).stream()
                .filter(type -> messageNamed(document, type) == null)
                .map(type -> new Finding(name, "$.components.messages",
                        "no message named " + type + ", which the service publishes"))
                .toList();
    }

    /** The TYPE of every class of the sources that is a DomainEvent (what the outbox publishes). */
    static Set<String> publishedTypes(Path sources) {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher type = PUBLISHED_TYPE.matcher(source);
                if (source.contains("implements DomainEvent") && type.find()) {
                    types.add(type.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }
}
