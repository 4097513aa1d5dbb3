package io.partnerhub.competency.web;

/** OpenAPI examples, kept in one place so that they stay consistent. */
public final class Examples {

    private Examples() {
    }

    public static final String PROBLEM = "application/problem+json";

    public static final String DEFINE_COMPETENCY = """
            {"id":"cloud-platform","name":"Cloud Platform"}""";

    public static final String COMPETENCY = """
            {"id":"cloud-platform","name":"Cloud Platform","createdAt":"2026-11-23T07:00:00Z"}""";

    public static final String INVALID = """
            {"type":"https://partnerhub.io/problems/validation-failed","title":"Validation failed","status":400,
             "detail":"id: must be a lower-case id like cloud-platform","violations":[{"field":"id","message":"must be a lower-case id like cloud-platform"}]}""";

    public static final String NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No competency with id data-ai","resource":"competency","id":"data-ai"}""";

    public static final String COMPETENCY_EXISTS = """
            {"type":"https://partnerhub.io/problems/competency-exists","title":"Competency exists","status":409,
             "detail":"A competency with id cloud-platform exists"}""";
}
