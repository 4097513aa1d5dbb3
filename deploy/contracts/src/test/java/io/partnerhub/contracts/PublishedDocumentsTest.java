package io.partnerhub.contracts;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every document the suite publishes is one a client generator and an event consumer can rely on. */
class PublishedDocumentsTest {

    static final List<String> OPENAPI = PublishedDocuments.OPENAPI;
    static final List<String> ASYNCAPI = PublishedDocuments.ASYNCAPI;

    private static final PublishedDocuments DOCUMENTS = PublishedDocuments.ofThisBuild();

    @ParameterizedTest
    @FieldSource("OPENAPI")
    void openApiDocumentIsValidOpenApi31(String module) {
        Path document = DOCUMENTS.openApi(module);
        Reports.assertNone(relative(document) + " is not a valid OpenAPI 3.1 document",
                OpenApiValidity.check(relative(document), document));
    }

    @ParameterizedTest
    @FieldSource("ASYNCAPI")
    void asyncApiDocumentIsValidWithExamplesMatchingTheirSchemas(String module) {
        Path document = DOCUMENTS.asyncApi(module);
        Reports.assertNone(relative(document) + " is not a valid AsyncAPI 3.0 document",
                AsyncApiValidity.check(relative(document), document));
    }

    @ParameterizedTest
    @FieldSource("ASYNCAPI")
    void everyEventTheServicePublishesIsDescribed(String module) {
        Path document = DOCUMENTS.asyncApi(module);
        Reports.assertNone(relative(document) + " does not describe every event " + module + " publishes",
                AsyncApiValidity.undescribedEvents(relative(document), Trees.read(document), DOCUMENTS.sources(module)));
    }

    private static String relative(Path document) {
        return DOCUMENTS.root().relativize(document).toString();
    }
}
