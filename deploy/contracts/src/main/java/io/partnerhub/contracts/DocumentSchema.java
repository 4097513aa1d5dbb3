package io.partnerhub.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;

/**
 * A JSON Schema that whole documents (or parts of them) are validated against, with the findings named by the
 * JSON path of the offending node. The document schemas are kept in schemas/ (SOURCES.md says where from).
 */
public final class DocumentSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The OpenAPI Initiative's schema of OpenAPI 3.1 documents (draft 2020-12). */
    public static final DocumentSchema OPENAPI_3_1 = fromResource("schemas/openapi-3.1.json", VersionFlag.V202012);
    /** The AsyncAPI Initiative's schema of AsyncAPI 3.0.0 documents (draft 7). */
    public static final DocumentSchema ASYNCAPI_3_0 = fromResource("schemas/asyncapi-3.0.0.json", VersionFlag.V7);

    private final JsonSchema schema;

    private DocumentSchema(JsonSchema schema) {
        this.schema = schema;
    }

    public static DocumentSchema fromResource(String resource, VersionFlag defaultDialect) {
        try (InputStream in = DocumentSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            return of(JSON.readTree(in), defaultDialect);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema given as a tree; its $schema keyword, where present, wins over the default dialect. */
    public static DocumentSchema of(JsonNode schema, VersionFlag defaultDialect) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
        return new DocumentSchema(JsonSchemaFactory.getInstance(defaultDialect).getSchema(schema, config));
    }

    /**
     * What is wrong with the instance, one finding per offending node in document order, empty when it is valid. A
     * failing node also fails each node above it ("property ... is not evaluated"): only the deepest are reported,
     * with the reasons of one node joined.
     */
    public List<Finding> check(String document, JsonNode instance) {
        Map<String, Set<String>> reasons = new TreeMap<>();
        for (ValidationMessage message : schema.validate(instance)) {
            reasons.computeIfAbsent(message.getInstanceLocation().toString(), path -> new LinkedHashSet<>())
                    .add(message.getError());
        }
        return reasons.entrySet().stream()
                .filter(node -> reasons.keySet().stream().noneMatch(other -> isBelow(other, node.getKey())))
                .map(node -> new Finding(document, node.getKey(), String.join("; ", node.getValue())))
                .toList();
    }

    private static boolean isBelow(String path, String ancestor) {
        return path.length() > ancestor.length() && path.startsWith(ancestor)
                && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '[');
    }
}
