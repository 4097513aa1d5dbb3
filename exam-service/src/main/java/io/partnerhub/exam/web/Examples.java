package io.partnerhub.exam.web;

import io.partnerhub.chassis.problem.Problems;

/** OpenAPI examples, kept in one place so that they stay consistent with each other. */
public final class Examples {

    private Examples() {
    }

    public static final String PROBLEM = Problems.MEDIA_TYPE;

    public static final String CREATE_EXAM = """
            {"code":"AZ-104","title":"Microsoft Azure Administrator","passingScore":700,"beta":false,
             "deliveryModes":["TEST_CENTER","ONLINE_PROCTORED"],"providers":["PEARSON_VUE"],
             "skillsMeasured":[{"area":"Manage Azure identities and governance","weightMin":20,"weightMax":25},
                               {"area":"Implement and manage storage","weightMin":15,"weightMax":20}]}""";

    public static final String EXAM = """
            {"code":"AZ-104","title":"Microsoft Azure Administrator","passingScore":700,"beta":false,"liveOn":null,
             "scoreReleaseAt":null,"status":"ACTIVE","retiresOn":null,
             "deliveryModes":["TEST_CENTER","ONLINE_PROCTORED"],"providers":["PEARSON_VUE"],
             "skillsMeasured":[{"area":"Manage Azure identities and governance","weightMin":20,"weightMax":25},
                               {"area":"Implement and manage storage","weightMin":15,"weightMax":20}]}""";

    public static final String EXAM_RETIRING = """
            {"code":"AZ-104","title":"Microsoft Azure Administrator","passingScore":700,"beta":false,"liveOn":null,
             "scoreReleaseAt":null,"status":"RETIRING","retiresOn":"2027-01-31",
             "deliveryModes":["TEST_CENTER"],"providers":["PEARSON_VUE"],"skillsMeasured":[]}""";

    public static final String REGISTER = """
            {"candidateId":"cand-7f3a","examCode":"AZ-104","provider":"PEARSON_VUE","deliveryMode":"TEST_CENTER",
             "scheduledAt":"2026-12-01T09:00:00Z"}""";

    public static final String REGISTRATION = """
            {"id":"3b1f6a52-5d0e-4c1a-9f57-2f4f0b6a9e10","status":"SCHEDULED","candidateId":"cand-7f3a","examCode":"AZ-104",
             "provider":"PEARSON_VUE","deliveryMode":"TEST_CENTER","scheduledAt":"2026-12-01T09:00:00Z","voucherId":null,
             "systemCheckPassed":null,"createdAt":"2026-11-20T14:02:11Z"}""";

    public static final String REGISTRATION_ONLINE = """
            {"id":"3b1f6a52-5d0e-4c1a-9f57-2f4f0b6a9e10","status":"SCHEDULED","candidateId":"cand-7f3a","examCode":"AZ-104",
             "provider":"PEARSON_VUE","deliveryMode":"ONLINE_PROCTORED","scheduledAt":"2026-12-01T09:00:00Z","voucherId":null,
             "systemCheckPassed":true,"createdAt":"2026-11-20T14:02:11Z"}""";

    public static final String REGISTRATION_CANCELLED = """
            {"id":"3b1f6a52-5d0e-4c1a-9f57-2f4f0b6a9e10","status":"CANCELLED","candidateId":"cand-7f3a","examCode":"AZ-104",
             "provider":"PEARSON_VUE","deliveryMode":"TEST_CENTER","scheduledAt":"2026-12-01T09:00:00Z","voucherId":null,
             "systemCheckPassed":null,"createdAt":"2026-11-20T14:02:11Z"}""";

    public static final String POST_RESULT = """
            {"providerResultId":"PVUE-88812731","registrationId":"3b1f6a52-5d0e-4c1a-9f57-2f4f0b6a9e10","score":742,
             "takenAt":"2026-12-01T11:05:00Z"}""";

    public static final String RESULT = """
            {"attemptId":"9c2d1e77-0a4b-4f3e-8d61-5b7c9a0e1f23","candidateId":"cand-7f3a","examCode":"AZ-104",
             "registrationId":"3b1f6a52-5d0e-4c1a-9f57-2f4f0b6a9e10","providerResultId":"PVUE-88812731","score":742,
             "takenAt":"2026-12-01T11:05:00Z","status":"SCORED","passed":true}""";

    public static final String RESULT_WITHHELD = """
            {"attemptId":"9c2d1e77-0a4b-4f3e-8d61-5b7c9a0e1f23","candidateId":"cand-7f3a","examCode":"AZ-999",
             "registrationId":"3b1f6a52-5d0e-4c1a-9f57-2f4f0b6a9e10","providerResultId":"PVUE-88812731","score":742,
             "takenAt":"2026-12-01T11:05:00Z","status":"WITHHELD","passed":null}""";

    public static final String ATTEMPTS = """
            [{"attemptId":"9c2d1e77-0a4b-4f3e-8d61-5b7c9a0e1f23","examCode":"AZ-104","registrationId":"3b1f6a52-5d0e-4c1a-9f57-2f4f0b6a9e10",
              "takenAt":"2026-12-01T11:05:00Z","status":"SCORED","score":642,"passed":false,"releasedAt":"2026-12-01T11:20:00Z"}]""";

    public static final String ELIGIBILITY_WAIT = """
            {"eligible":false,"nextEligibleAt":"2026-12-02T11:05:00Z","reason":"FIRST_FAILURE_WAIT","attemptsInWindow":1,
             "candidateId":"cand-7f3a","examCode":"AZ-104"}""";

    public static final String ELIGIBILITY_OK = """
            {"eligible":true,"nextEligibleAt":"2026-12-03T08:00:00Z","reason":null,"attemptsInWindow":1,
             "candidateId":"cand-7f3a","examCode":"AZ-104"}""";

    public static final String VOUCHER = """
            {"id":"0f8e2d41-7c55-4a8e-b1c9-6e3a2d7f9b04","candidateId":"cand-7f3a","examCode":"AZ-104","expiresOn":"2026-12-31",
             "status":"AVAILABLE","registrationId":null,"createdAt":"2026-11-20T14:00:00Z"}""";

    public static final String INVALID = """
            {"type":"https://partnerhub.io/problems/invalid-request","title":"Invalid request","status":400,
             "detail":"scheduledAt must be in the future"}""";

    public static final String VALIDATION_FAILED = """
            {"type":"https://partnerhub.io/problems/validation-failed","title":"Validation failed","status":400,
             "detail":"scheduledAt: must be between 1900-01-01T00:00:00Z and 9999-12-31T23:59:59Z",
             "violations":[{"field":"scheduledAt","message":"must be between 1900-01-01T00:00:00Z and 9999-12-31T23:59:59Z"}]}""";

    public static final String PROVIDER_CLAIM_MISSING = """
            {"type":"https://partnerhub.io/problems/forbidden","title":"Forbidden","status":403,
             "detail":"An exam-provider token must name its provider in claim 'provider' (one of [PEARSON_VUE, PSI])."}""";

    public static final String PROVIDER_MISMATCH = """
            {"type":"https://partnerhub.io/problems/forbidden","title":"Forbidden","status":403,
             "detail":"A PSI token books PSI registrations only, not PEARSON_VUE ones."}""";

    public static final String PROVIDER_RESULT_CONFLICT = """
            {"type":"https://partnerhub.io/problems/provider-result-conflict","title":"Provider result id already used","status":409,
             "detail":"PEARSON_VUE result PVUE-000123 was recorded for another registration.",
             "provider":"PEARSON_VUE","providerResultId":"PVUE-000123"}""";

    public static final String RETAKE_NOT_ALLOWED_LATER = """
            {"type":"https://partnerhub.io/problems/retake-not-allowed","title":"Retake not allowed","status":409,
             "detail":"A failure of AZ-104 taken at 2026-12-01T09:00:00Z would put the attempt taken at 2026-12-01T15:00:00Z in breach of FIRST_FAILURE_WAIT",
             "nextEligibleAt":null,"reason":"FIRST_FAILURE_WAIT","attemptsInWindow":2,"laterAttemptTakenAt":"2026-12-01T15:00:00Z"}""";

    public static final String NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Not found","status":404,
             "detail":"exam AZ-999 not found"}""";

    public static final String EXAM_EXISTS = """
            {"type":"https://partnerhub.io/problems/exam-exists","title":"Exam exists","status":409,
             "detail":"An exam with code AZ-104 already exists."}""";

    public static final String EXAM_RETIRED = """
            {"type":"https://partnerhub.io/problems/exam-retired","title":"Exam retired","status":409,
             "detail":"AZ-104 is retired on 2027-01-31, by the appointment date."}""";

    public static final String RETAKE_NOT_ALLOWED = """
            {"type":"https://partnerhub.io/problems/retake-not-allowed","title":"Retake not allowed","status":409,
             "detail":"Candidate cand-7f3a may not take AZ-104 at 2026-12-02T09:00:00Z: FIRST_FAILURE_WAIT; next eligible at 2026-12-02T11:05:00Z",
             "nextEligibleAt":"2026-12-02T11:05:00Z","reason":"FIRST_FAILURE_WAIT","attemptsInWindow":1}""";

    public static final String SYSTEM_CHECK_NOT_APPLICABLE = """
            {"type":"https://partnerhub.io/problems/system-check-not-applicable","title":"No system check","status":409,
             "detail":"Only ONLINE_PROCTORED registrations have a system check."}""";

    public static final String NOT_CANCELLABLE = """
            {"type":"https://partnerhub.io/problems/registration-not-cancellable","title":"Registration cannot be cancelled","status":409,
             "detail":"Registration 3b1f6a52-5d0e-4c1a-9f57-2f4f0b6a9e10 is COMPLETED with its appointment at 2026-12-01T09:00:00Z."}""";

    public static final String REGISTRATION_CANCELLED_PROBLEM = """
            {"type":"https://partnerhub.io/problems/registration-cancelled","title":"Registration cancelled","status":409,
             "detail":"Registration 3b1f6a52-5d0e-4c1a-9f57-2f4f0b6a9e10 was cancelled; it cannot have a result."}""";
}
