package io.partnerhub.membership.directory;

/** OpenAPI examples of the partner directory (issue 27). */
final class DirectoryExamples {

    private DirectoryExamples() {
    }

    static final String ENTRY = """
            {"id":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","name":"Contoso Ltd","country":"DE","level":"GOLD",
             "competencies":[{"competencyId":"cloud-platform","level":"GOLD"},{"competencyId":"data-analytics","level":"SILVER"}],
             "designations":[{"solutionAreaId":"infrastructure","name":"Infrastructure (Azure)"}]}""";

    static final String CHANGE_LISTING = """
            {"listed":true}""";

    static final String LISTING = """
            {"organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","listed":true,"changedAt":"2026-12-07T07:10:00Z",
             "preview":""" + ENTRY + "}";

    static final String NOT_LISTED = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No partner with id 3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","resource":"partner",
             "id":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d"}""";

    static final String INVALID_FILTER = """
            {"type":"https://partnerhub.io/problems/validation-failed","title":"Validation failed","status":400,
             "detail":"list.competency: must be 1 to 64 of A-Z a-z 0-9 . _ : -",
             "violations":[{"field":"list.competency","message":"must be 1 to 64 of A-Z a-z 0-9 . _ : -"}]}""";
}
