package io.partnerhub.chassis.input;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.partnerhub.chassis.problem.InvalidCharacterInJson;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * U+0000 is refused in every JSON string the application's {@link ObjectMapper} reads: request bodies (records,
 * {@code List<String>}, map keys and values, {@code JsonNode} trees), and with them anything else read with that mapper
 * (an event, a JWT payload), since PostgreSQL cannot store it either. Other characters pass: free text keeps its line
 * breaks and tabs. Bodies that are not JSON (a CSV import read as a {@code String}) never reach Jackson.
 */
@Singleton
public class NulRefusingJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    /** The module on its own, for a mapper Quarkus does not build. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("partnerhub-nul-refusing");
        module.addDeserializer(String.class, new Strings());
        module.addKeyDeserializer(String.class, new Keys());
        module.addDeserializer(JsonNode.class, new Trees<>(JsonNode.class));
        module.addDeserializer(ObjectNode.class, new Trees<>(ObjectNode.class));
        module.addDeserializer(ArrayNode.class, new Trees<>(ArrayNode.class));
        return module;
    }

    private static String checked(String value, JsonParser parser, String what) throws InvalidCharacterInJson {
        if (ControlCharacters.indexOfNul(value) >= 0) {
            throw new InvalidCharacterInJson(parser, what);
        }
        return value;
    }

    /** Jackson's own String deserializer (coercions and all), then the check. */
    static final class Strings extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return checked(StringDeserializer.instance.deserialize(parser, context), parser, "A string");
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return checked(key, context.getParser(), "A field name");
        }
    }

    /** Jackson's own tree deserializer, then every text value and field name of the tree is checked. */
    static final class Trees<T extends JsonNode> extends StdDeserializer<T> {

        private static final long serialVersionUID = 1L;

        private final JsonDeserializer<? extends JsonNode> standard;

        Trees(Class<T> type) {
            super(type);
            this.standard = JsonNodeDeserializer.getDeserializer(type);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return refuseNul((T) standard.deserialize(parser, context), parser);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types)
                throws IOException {
            return refuseNul((T) standard.deserializeWithType(parser, context, types), parser);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getNullValue(DeserializationContext context) throws JsonMappingException {
            return (T) standard.getNullValue(context);
        }

        @Override
        public LogicalType logicalType() {
            return standard.logicalType();
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        private static <T extends JsonNode> T refuseNul(T tree, JsonParser parser) throws InvalidCharacterInJson {
            Deque<JsonNode> open = new ArrayDeque<>();
            if (tree != null) {
                open.push(tree);
            }
            while (!open.isEmpty()) {
                JsonNode node = open.pop();
                if (node.isTextual()) {
                    checked(node.textValue(), parser, "A string");
                } else if (node.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                        Map.Entry<String, JsonNode> field = fields.next();
                        checked(field.getKey(), parser, "A field name");
                        open.push(field.getValue());
                    }
                } else if (node.isArray()) {
                    node.forEach(open::push);
                }
            }
            return tree;
        }
    }
}
