package io.partnerhub.certification.web;

import io.partnerhub.chassis.problem.Problems;

/** OpenAPI examples, kept in one place so that they stay consistent. */
public final class Examples {

    private Examples() {
    }

    public static final String PROBLEM = Problems.MEDIA_TYPE;

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

    /** The salt of the example holding's badge; BADGE's identityHash is sha256$hex(SHA-256("c-100042" + BADGE_SALT)). */
    public static final String BADGE_SALT = "9f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b";

    private static final String ACTIVE_HOLDING_FIELDS = """
            {"id":"3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b","candidateId":"c-100042",
             "certificationId":"azure-solutions-architect-expert","certificationName":"Microsoft Certified: Azure Solutions Architect Expert",
             "level":"EXPERT","status":"ACTIVE","examCodes":["AZ-305","AZ-104"],"earnedAt":"2026-12-01T11:20:04Z",
             "expiresAt":"2027-12-01T11:20:04Z","renewalOpensAt":"2027-06-04T11:20:04Z","endedAt":null,"endReason":null,
             "certificationStatus":"ACTIVE","successor":null""";

    private static final String REVOKED_HOLDING_FIELDS = """
            {"id":"3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b","candidateId":"c-100042",
             "certificationId":"azure-solutions-architect-expert","certificationName":"Microsoft Certified: Azure Solutions Architect Expert",
             "level":"EXPERT","status":"REVOKED","examCodes":["AZ-305","AZ-104"],"earnedAt":"2026-12-01T11:20:04Z",
             "expiresAt":"2027-12-01T11:20:04Z","renewalOpensAt":null,"endedAt":"2027-01-15T09:00:00Z","endReason":"exam misconduct",
             "certificationStatus":"ACTIVE","successor":null""";

    /** A holding as its holder and ops see it: with the badge salt. */
    public static final String HOLDING = ACTIVE_HOLDING_FIELDS + ",\"badgeSalt\":\"" + BADGE_SALT + "\"}";

    public static final String REVOKED_HOLDING = REVOKED_HOLDING_FIELDS + ",\"badgeSalt\":\"5d0e2b9c7a4f4e1b8c3d6a9f0e2b4c7d\"}";

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

    private static final String TRANSCRIPT_REST = """
            ],"passedExams":[
              {"examCode":"AZ-104","attemptId":"7b6f1c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b","score":812,"takenAt":"2026-11-20T09:30:00Z"}],
             "passedAssessments":[{"assessmentId":"cloud-adoption-framework","name":"Cloud Adoption Framework assessment",
              "passedAt":"2026-12-02T13:45:00Z"}]}""";

    /** The transcript as its candidate and ops see it (holdings with their badge salts). */
    public static final String TRANSCRIPT = "{\"candidateId\":\"c-100042\",\"activeCertifications\":[" + HOLDING
            + "],\"history\":[" + REVOKED_HOLDING + TRANSCRIPT_REST;

    /** The transcript a share code opens: the same, without badge salts. */
    public static final String SHARED_TRANSCRIPT = "{\"candidateId\":\"c-100042\",\"activeCertifications\":["
            + ACTIVE_HOLDING_FIELDS + "}],\"history\":[" + REVOKED_HOLDING_FIELDS + "}" + TRANSCRIPT_REST;

    public static final String INVALID = """
            {"type":"https://partnerhub.io/problems/validation-failed","title":"Validation failed","status":400,
             "detail":"requiredExams: must not be empty","violations":[{"field":"requiredExams","message":"must not be empty"}]}""";

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

    public static final String ISSUER = """
            {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id":"https://partnerhub.io/api/badges/issuer","type":["Profile"],"name":"PartnerHub Certification Programme"}""";

    public static final String BADGE = """
            {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id":"https://partnerhub.io/api/badges/3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b",
             "type":["VerifiableCredential","OpenBadgeCredential"],
             "name":"Microsoft Certified: Azure Solutions Architect Expert",
             "issuer":{"id":"https://partnerhub.io/api/badges/issuer","type":["Profile"],"name":"PartnerHub Certification Programme"},
             "validFrom":"2026-12-01T11:20:04Z","validUntil":"2027-12-01T11:20:04Z","awardedDate":"2026-12-01T11:20:04Z",
             "credentialSubject":{"type":["AchievementSubject"],
              "identifier":[{"type":"IdentityObject",
               "identityHash":"sha256$178ed51031d89fffe9d8a966fea5f76d6c79a851c3f2c2ddb047f3015a30fff3",
               "identityType":"identifier","hashed":true}],
              "achievement":{"id":"https://partnerhub.io/api/certifications/azure-solutions-architect-expert","type":["Achievement"],
               "achievementType":"Certification","name":"Microsoft Certified: Azure Solutions Architect Expert",
               "description":"EXPERT certification: Microsoft Certified: Azure Solutions Architect Expert. Retires on 2027-06-30. Successor: azure-solutions-architect-expert-2027.",
               "criteria":{"narrative":"Earned by passing the exams AZ-305, AZ-104. Requires AZ-305 and one of AZ-104/AZ-204."},
               "creator":{"id":"https://partnerhub.io/api/badges/issuer","type":["Profile"],"name":"PartnerHub Certification Programme"},
               "related":[{"id":"https://partnerhub.io/api/certifications/azure-solutions-architect-expert-2027","type":["Related"]}]}},
             "credentialStatus":{"id":"https://partnerhub.io/api/badges/3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b/verification",
              "type":"PartnerHubLiveStatus"},
             "credentialSchema":[{"id":"https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
              "type":"1EdTechJsonSchemaValidator2019"}]}""";

    /** Shortened: header {"alg":"RS256","kid":"…","typ":"vc+jwt","cty":"vc"}, payload = the credential + iss, jti, iat, nbf, exp. */
    public static final String BADGE_VC_JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6Ik5FOXZfTmo0Tk5sZ0RxTmx0bVpPOE9Xa2E1RUo3Sm1kQ1J0NzJPLWlGaXMiLCJ0eXAiOiJ2Yytqd3QiLCJjdHkiOiJ2YyJ9"
            + ".eyJAY29udGV4dCI6WyJodHRwczovL3d3dy53My5vcmcvbnMvY3JlZGVudGlhbHMvdjIiXSwiLi4uIjoiLi4uIn0"
            + ".c2lnbmF0dXJlLWJ5dGVzLWJhc2U2NHVybA";

    public static final String JWKS = """
            {"keys":[{"kty":"RSA","kid":"NE9v_Nj4NNlgDqNltmZO8OWka5EJ7JmdCRt72O-iFis","use":"sig","alg":"RS256",
              "n":"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDpre…",
              "e":"AQAB"}]}""";

    public static final String BADGE_STATUS_ACTIVE = """
            {"holdingId":"3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b","certificationId":"azure-solutions-architect-expert",
             "status":"ACTIVE","validFrom":"2026-12-01T11:20:04Z","validUntil":"2027-12-01T11:20:04Z","checkedAt":"2027-02-10T08:00:00Z"}""";

    public static final String BADGE_STATUS_RECIPIENT_MATCHES = """
            {"holdingId":"3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b","certificationId":"azure-solutions-architect-expert",
             "status":"ACTIVE","validFrom":"2026-12-01T11:20:04Z","validUntil":"2027-12-01T11:20:04Z","recipientMatches":true,
             "checkedAt":"2027-02-10T08:00:00Z"}""";

    public static final String BADGE_STATUS_REVOKED = """
            {"holdingId":"3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b","certificationId":"azure-solutions-architect-expert",
             "status":"REVOKED","validFrom":"2026-12-01T11:20:04Z","validUntil":"2027-12-01T11:20:04Z",
             "revokedAt":"2027-01-15T09:00:00Z","reason":"exam misconduct","checkedAt":"2027-02-10T08:00:00Z"}""";

    public static final String BADGE_VERIFICATION_VALID = """
            {"signatureValid":true,"keyId":"NE9v_Nj4NNlgDqNltmZO8OWka5EJ7JmdCRt72O-iFis",
             "holdingId":"3f9a7c1e-5b2d-4e8f-9a0b-1c2d3e4f5a6b","certificationId":"azure-solutions-architect-expert",
             "status":"ACTIVE","validFrom":"2026-12-01T11:20:04Z","validUntil":"2027-12-01T11:20:04Z","checkedAt":"2027-02-10T08:00:00Z"}""";

    public static final String BADGE_VERIFICATION_TAMPERED = """
            {"signatureValid":false,"keyId":"NE9v_Nj4NNlgDqNltmZO8OWka5EJ7JmdCRt72O-iFis",
             "detail":"The signature does not match the content","checkedAt":"2027-02-10T08:00:00Z"}""";

    public static final String BADGE_TOKEN_INVALID = """
            {"type":"https://partnerhub.io/problems/invalid-badge-token","title":"Invalid badge token","status":400,
             "detail":"Expected a VC-JWT: a JWS compact serialization (three base64url parts separated by dots) of at most 16384 characters"}""";

    public static final String BADGE_SIGNING_UNAVAILABLE = """
            {"type":"https://partnerhub.io/problems/badge-signing-unavailable","title":"Badge signing unavailable","status":503,
             "detail":"No badge signing key is configured (partnerhub.certification.badges.signing-key-location)"}""";

    public static final String CREATE_SHARE_CODE = """
            {"expiresAt":"2027-03-01T00:00:00Z"}""";

    public static final String SHARE_CODE = """
            {"code":"q3Jt8Vb0N2xWcY4kL9sP1A","candidateId":"c-100042","status":"ACTIVE","createdAt":"2026-12-02T14:00:00Z",
             "expiresAt":"2027-03-01T00:00:00Z","revokedAt":null,
             "url":"https://partnerhub.io/api/shared-transcripts/q3Jt8Vb0N2xWcY4kL9sP1A"}""";

    public static final String SHARE_CODE_NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No share code with id q3Jt8Vb0N2xWcY4kL9sP1A","resource":"share code","id":"q3Jt8Vb0N2xWcY4kL9sP1A"}""";

    public static final String TOO_MANY_SHARE_CODES = """
            {"type":"https://partnerhub.io/problems/too-many-share-codes","title":"Too many share codes","status":409,
             "detail":"At most 50 share codes can be usable at once; revoke one first.","limit":50}""";
}
