package io.partnerhub.contracts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Is an OpenAPI document usable by a client generator? Valid against the OpenAPI 3.1 JSON Schema, and read by
 * swagger-parser (what openapi-generator reads documents with) without a message.
 */
public final class OpenApiValidity {

    private OpenApiValidity() {
    }

    public static List<Finding> check(String name, Path document) {
        List<Finding> findings = new ArrayList<>(DocumentSchema.OPENAPI_3_1.check(name, Trees.read(document)));
        findings.addAll(parserMessages(name, Trees.text(document)));
        return findings;
    }

    /** swagger-parser's messages name the place in their own words ("attribute paths.'/x'(get)..."). */
    static List<Finding> parserMessages(String name, String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        List<Finding> findings = new ArrayList<>();
        for (String message : messages) {
            findings.add(new Finding(name, "(swagger-parser)", message));
        }
        if (result.getOpenAPI() == null && findings.isEmpty()) {
            findings.add(new Finding(name, "$", "swagger-parser read no OpenAPI document"));
        }
        return findings;
    }
}
