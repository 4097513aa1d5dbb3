package io.partnerhub.contracts;

import java.nio.file.Path;
import java.util.ArrayList;
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
    void asyncApiDocumentIsValidAndDescribesEveryEventTheServicePublishes(String module) {
        Path document = DOCUMENTS.asyncApi(module);
        List<Finding> findings = new ArrayList<>(AsyncApiValidity.check(relative(document), document));
        findings.addAll(AsyncApiValidity.undescribedEvents(relative(document), Trees.read(document),
                DOCUMENTS.sources(module)));
        Reports.assertNone(relative(document) + " is not a valid AsyncAPI 3.0 document describing every event "
                + module + " publishes", findings);
    }

    private static String relative(Path document) {
        return DOCUMENTS.root().relativize(document).toString();
    }
}
