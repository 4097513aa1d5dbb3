package io.partnerhub.certification.web;

/** OpenAPI examples, kept in one place so that they stay consistent. */
public final class Examples {

    private Examples() {
    }

    public static final String PROBLEM = "application/problem+json";

    /** List endpoints refuse a page beyond this (400), so that page * size never overflows. */
    public static final int MAX_PAGE = 100_000;

    public static final String DEFINE_CERTIFICATION = """
            {"id":"azure-solutions-architect-expert","name":"Microsoft Certified: Azure Solutions Architect Expert",
             "level":"EXPERT","requiredExams":[["AZ-305"],["AZ-104","AZ-204"]],"prerequisites":[]}""";

    public static final String CERTIFICATION = """
            {"id":"azure-solutions-architect-expert","name":"Microsoft Certified: Azure Solutions Architect Expert",
             "level":"EXPERT","requiredExams":[["AZ-305"],["AZ-104","AZ-204"]],"prerequisites":[],
             "status":"ACTIVE","retiresOn":null,"successor":null,"createdAt":"2026-11-23T07:00:00Z"}""";

    public static final String ANNOUNCE_RETIREMENT = """
            {"retiresOn":"2027-06-30","successor":"azure-solutions-architect-expert-2027"}""";

    public static final String RETIRING_CERTIFICATION = """
            {"id":"azure-solutions-architect-expert","name":"Microsoft Certified: Azure Solutions Architect Expert",
             "level":"EXPERT","requiredExams":[["AZ-305"],["AZ-104","AZ-204"]],"prerequisites":[],
             "status":"RETIRING","retiresOn":"2027-06-30","successor":"azure-solutions-architect-expert-2027",
             "createdAt":"2026-11-23T07:00:00Z"}""";

    public static final String CERTIFICATION_RETIRED = """
            {"type":"https://partnerhub.io/problems/certification-retired","title":"Certification retired","status":409,
             "detail":"Certification azure-solutions-architect-expert retired on 2027-06-30.","retiresOn":"2027-06-30"}""";

    public static final String HOLDING = """
            {"id":"3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b","candidateId":"c-100042",
             "certificationId":"azure-solutions-architect-expert","certificationName":"Microsoft Certified: Azure Solutions Architect Expert",
             "level":"EXPERT","status":"ACTIVE","examCodes":["AZ-305","AZ-104"],"earnedAt":"2026-12-01T11:20:04Z",
             "expiresAt":"2027-12-01T11:20:04Z","renewalOpensAt":"2027-06-04T11:20:04Z","endedAt":null,"endReason":null,
             "certificationStatus":"ACTIVE","successor":null}""";

    public static final String REVOKED_HOLDING = """
            {"id":"3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b","candidateId":"c-100042",
             "certificationId":"azure-solutions-architect-expert","certificationName":"Microsoft Certified: Azure Solutions Architect Expert",
             "level":"EXPERT","status":"REVOKED","examCodes":["AZ-305","AZ-104"],"earnedAt":"2026-12-01T11:20:04Z",
             "expiresAt":"2027-12-01T11:20:04Z","renewalOpensAt":null,"endedAt":"2027-01-15T09:00:00Z","endReason":"exam misconduct",
             "certificationStatus":"ACTIVE","successor":null}""";

    public static final String RENEWAL_ATTEMPT = """
            {"id":"8b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e","holdingId":"3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b","passed":true,
             "attemptedAt":"2027-07-01T10:00:00Z","expiresAt":"2028-12-01T11:20:04Z","renewalOpensAt":"2028-06-04T11:20:04Z",
             "attemptsInWindow":0,"nextAttemptAt":"2028-06-04T11:20:04Z"}""";

    public static final String RENEWAL_WINDOW_CLOSED = """
            {"type":"https://partnerhub.io/problems/renewal-window-closed","title":"Renewal window closed","status":409,
             "detail":"Renewal opens 180 days before the expiry, on 2027-06-04T11:20:04Z.",
             "renewalOpensAt":"2027-06-04T11:20:04Z","expiresAt":"2027-12-01T11:20:04Z"}""";

    public static final String RENEWAL_WAIT = """
            {"type":"https://partnerhub.io/problems/renewal-wait","title":"Wait before the next renewal attempt","status":409,
             "detail":"After the second attempt, each renewal attempt waits 24 hours after the previous one.",
             "nextAttemptAt":"2027-07-02T10:00:00Z"}""";

    public static final String HOLDING_NOT_ACTIVE = """
            {"type":"https://partnerhub.io/problems/holding-not-active","title":"Holding not active","status":409,
             "detail":"The holding is REVOKED.","holdingStatus":"REVOKED"}""";

    public static final String TRANSCRIPT = """
            {"candidateId":"c-100042","activeCertifications":[""" + HOLDING + """
            ],"history":[""" + REVOKED_HOLDING + """
            ],"passedExams":[
              {"examCode":"AZ-104","attemptId":"7b6f1c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b","score":812,"takenAt":"2026-11-20T09:30:00Z"}],
             "passedAssessments":[{"assessmentId":"cloud-adoption-framework","name":"Cloud Adoption Framework assessment",
              "passedAt":"2026-12-02T13:45:00Z"}]}""";

    public static final String INVALID = """
            {"type":"https://partnerhub.io/problems/validation-failed","title":"Validation failed","status":400,
             "detail":"requiredExams: must not be empty","violations":[{"field":"requiredExams","message":"must not be empty"}]}""";

    public static final String NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No certification with id azure-unknown","resource":"certification","id":"azure-unknown"}""";

    public static final String HOLDING_NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No certification holding with id 3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b","resource":"certification holding",
             "id":"3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b"}""";

    public static final String CANDIDATE_NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No candidate with id c-100043","resource":"candidate","id":"c-100043"}""";

    public static final String CERTIFICATION_EXISTS = """
            {"type":"https://partnerhub.io/problems/certification-exists","title":"Certification exists","status":409,
             "detail":"A certification with id azure-solutions-architect-expert exists"}""";

    public static final String DEFINE_ASSESSMENT = """
            {"id":"cloud-adoption-framework","name":"Cloud Adoption Framework assessment"}""";

    public static final String ASSESSMENT = """
            {"id":"cloud-adoption-framework","name":"Cloud Adoption Framework assessment","createdAt":"2026-11-23T07:00:00Z"}""";

    public static final String ASSESSMENT_EXISTS = """
            {"type":"https://partnerhub.io/problems/assessment-exists","title":"Assessment exists","status":409,
             "detail":"An assessment with id cloud-adoption-framework exists"}""";

    public static final String ASSESSMENT_NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No assessment with id unknown-assessment","resource":"assessment","id":"unknown-assessment"}""";

    public static final String RECORD_ASSESSMENT_RESULT = """
            {"candidateId":"c-100042","assessmentId":"cloud-adoption-framework","passed":true,"takenAt":"2026-12-02T13:45:00Z"}""";

    public static final String ASSESSMENT_RESULT = """
            {"id":"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b","candidateId":"c-100042","assessmentId":"cloud-adoption-framework",
             "passed":true,"takenAt":"2026-12-02T13:45:00Z","recordedAt":"2026-12-02T14:00:00.512Z"}""";
}
