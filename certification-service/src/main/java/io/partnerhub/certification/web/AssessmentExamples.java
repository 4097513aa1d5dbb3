package io.partnerhub.certification.web;

/** OpenAPI examples of question banks, blueprints, attempts and score reports (issue 21), kept consistent in one place. */
public final class AssessmentExamples {

    private AssessmentExamples() {
    }

    public static final String BLUEPRINT = """
            {"questionCount":10,"timeLimitMinutes":20,"passMarkPercent":60,
             "skillAreas":[{"id":"design-identity","name":"Design identity, governance and monitoring","share":50},
                           {"id":"design-infrastructure","name":"Design infrastructure solutions","share":50}]}""";

    public static final String BANK_TOO_SMALL = """
            {"type":"https://partnerhub.io/problems/bank-too-small","title":"Question bank too small","status":409,
             "detail":"Skill area design-identity has 12 active questions; the blueprint needs 15 (3 x its draw).",
             "skillArea":"design-identity","have":12,"need":15,
             "shortages":[{"skillArea":"design-identity","have":12,"need":15}]}""";

    public static final String QUESTION_BODY = """
            {"skillArea":"design-identity","kind":"SINGLE","text":"Which service stores secrets for an app?",
             "options":[{"text":"Azure Key Vault","correct":true},{"text":"Azure Monitor","correct":false},
                        {"text":"Azure DNS","correct":false}],
             "explanation":"Key Vault keeps secrets, keys and certificates."}""";

    public static final String QUESTION = """
            {"id":"7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d","revision":1,"skillArea":"design-identity","kind":"SINGLE",
             "text":"Which service stores secrets for an app?",
             "options":[{"id":"3fa85f64","text":"Azure Key Vault","correct":true},{"id":"9b1deb4d","text":"Azure Monitor","correct":false},
                        {"id":"1b9d6bcd","text":"Azure DNS","correct":false}],
             "explanation":"Key Vault keeps secrets, keys and certificates.","active":true}""";

    public static final String IMPORT_REPORT = """
            [{"row":1,"status":"created","id":"7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d","problems":[]},
             {"row":2,"status":"invalid","id":null,"problems":["a SINGLE question has exactly one correct option, not 2"]}]""";

    public static final String START_EXTERNAL = """
            {"deliveredBy":"lms-contoso"}""";

    public static final String ATTEMPT = """
            {"id":"5b2d4e8f-9a0b-4c1d-8e3f-4a5b6c7d8e9f","kind":"RENEWAL","holdingId":"3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b",
             "status":"IN_PROGRESS","startedAt":"2027-05-10T09:00:00Z","deadline":"2027-05-10T09:20:00Z",
             "questions":[{"number":1,"skillArea":"design-identity","kind":"SINGLE","text":"Which service stores secrets for an app?",
                           "options":[{"id":"9b1deb4d","text":"Azure Monitor"},{"id":"3fa85f64","text":"Azure Key Vault"},
                                      {"id":"1b9d6bcd","text":"Azure DNS"}],
                           "answer":[]}]}""";

    public static final String ANSWER = """
            {"optionIds":["3fa85f64"]}""";

    public static final String SUBMISSION = """
            {"answers":[{"number":1,"optionIds":["3fa85f64"]}]}""";

    public static final String SCORE_REPORT = """
            {"attemptId":"5b2d4e8f-9a0b-4c1d-8e3f-4a5b6c7d8e9f","percentage":70.0,"passMarkPercent":60,"passed":true,
             "skillAreas":[{"skillArea":"design-identity","name":"Design identity, governance and monitoring","correct":4,"total":5,
                            "percentage":80.0,"rating":"STRONG"},
                           {"skillArea":"design-infrastructure","name":"Design infrastructure solutions","correct":3,"total":5,
                            "percentage":60.0,"rating":"STRONG"}],
             "wrongAnswers":[{"number":2,"skillArea":"design-identity"},{"number":6,"skillArea":"design-infrastructure"},
                             {"number":9,"skillArea":"design-infrastructure"}],
             "renewed":true,"expiresAt":"2028-06-30T12:00:00Z"}""";

    public static final String EXTERNAL_RESULT = """
            {"resultId":"lms-contoso-88121","percentage":82.5,"passed":true}""";

    public static final String ATTEMPT_OPEN = """
            {"type":"https://partnerhub.io/problems/attempt-open","title":"Attempt open","status":409,
             "detail":"Attempt 5b2d4e8f-9a0b-4c1d-8e3f-4a5b6c7d8e9f is still open; finish it first.",
             "attemptId":"5b2d4e8f-9a0b-4c1d-8e3f-4a5b6c7d8e9f"}""";

    public static final String NO_BLUEPRINT = """
            {"type":"https://partnerhub.io/problems/no-blueprint","title":"No assessment yet",
             "status":409,"detail":"certification:azure-solutions-architect-expert has no blueprint yet."}""";

    public static final String ATTEMPT_CLOSED = """
            {"type":"https://partnerhub.io/problems/attempt-closed","title":"Attempt closed","status":409,
             "detail":"The attempt was scored or its time is up.","attemptStatus":"SCORED"}""";

    public static final String RENEW_BY_ASSESSMENT = """
            {"type":"https://partnerhub.io/problems/forbidden","title":"Forbidden","status":403,
             "detail":"A renewal is earned by passing the renewal assessment: POST /certification-holdings/3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b/renewal-assessments.",
             "renewalAssessments":"/certification-holdings/3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b/renewal-assessments"}""";
}
