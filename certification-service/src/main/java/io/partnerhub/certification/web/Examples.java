package io.partnerhub.certification.web;

/** OpenAPI examples, kept in one place so that they stay consistent. */
public final class Examples {

    private Examples() {
    }

    public static final String PROBLEM = "application/problem+json";

    public static final String DEFINE_CERTIFICATION = """
            {"id":"azure-solutions-architect-expert","name":"Microsoft Certified: Azure Solutions Architect Expert",
             "level":"EXPERT","requiredExams":[["AZ-305"],["AZ-104","AZ-204"]],"prerequisites":[]}""";

    public static final String CERTIFICATION = """
            {"id":"azure-solutions-architect-expert","name":"Microsoft Certified: Azure Solutions Architect Expert",
             "level":"EXPERT","requiredExams":[["AZ-305"],["AZ-104","AZ-204"]],"prerequisites":[],
             "status":"ACTIVE","createdAt":"2026-11-23T07:00:00Z"}""";

    public static final String TRANSCRIPT = """
            {"candidateId":"c-100042","passedExams":[
              {"examCode":"AZ-104","attemptId":"7b6f1c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b","score":812,"takenAt":"2026-11-20T09:30:00Z"}]}""";

    public static final String INVALID = """
            {"type":"https://partnerhub.io/problems/validation-failed","title":"Validation failed","status":400,
             "detail":"requiredExams: must not be empty","violations":[{"field":"requiredExams","message":"must not be empty"}]}""";

    public static final String NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No certification with id azure-unknown","resource":"certification","id":"azure-unknown"}""";

    public static final String CERTIFICATION_EXISTS = """
            {"type":"https://partnerhub.io/problems/certification-exists","title":"Certification exists","status":409,
             "detail":"A certification with id azure-solutions-architect-expert exists"}""";
}
