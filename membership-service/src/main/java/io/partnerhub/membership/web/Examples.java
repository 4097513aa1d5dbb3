package io.partnerhub.membership.web;

import io.partnerhub.chassis.problem.Problems;

/** OpenAPI examples, kept in one place so that they stay consistent. */
public final class Examples {

    private Examples() {
    }

    public static final String PROBLEM = Problems.MEDIA_TYPE;

    public static final String REGISTER_ORGANIZATION = """
            {"mpnId":"4711001","name":"Contoso Ltd","country":"DE"}""";

    public static final String ORGANIZATION = """
            {"id":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","mpnId":"4711001","name":"Contoso Ltd","country":"DE",
             "createdAt":"2026-11-23T07:00:00Z"}""";

    public static final String INVALID = """
            {"type":"https://partnerhub.io/problems/validation-failed","title":"Validation failed","status":400,
             "detail":"mpnId: must be 1 to 20 digits","violations":[{"field":"mpnId","message":"must be 1 to 20 digits"}]}""";

    public static final String NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No organization with id 3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","resource":"organization",
             "id":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d"}""";

    public static final String MPN_ID_TAKEN = """
            {"type":"https://partnerhub.io/problems/mpn-id-taken","title":"MPN id taken","status":409,
             "detail":"An organization with MPN id 4711001 is already registered","mpnId":"4711001"}""";

    public static final String ADD_USER = """
            {"name":"Ada Lovelace","email":"ada@contoso.com","role":"EMPLOYEE"}""";

    public static final String CHANGE_USER = """
            {"name":"Ada Lovelace","email":"ada.lovelace@contoso.com","role":"ADMIN"}""";

    public static final String USER = """
            {"id":"9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d","organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d",
             "name":"Ada Lovelace","email":"ada@contoso.com","role":"EMPLOYEE","status":"ACTIVE","candidateId":"cand-4711",
             "createdAt":"2026-11-23T07:00:00Z","departedAt":null}""";

    public static final String DEPARTED_USER = """
            {"id":"9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d","organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d",
             "name":"Ada Lovelace","email":"ada@contoso.com","role":"EMPLOYEE","status":"DEPARTED","candidateId":null,
             "createdAt":"2026-11-23T07:00:00Z","departedAt":"2026-12-01T09:00:00Z"}""";

    public static final String INVALID_EMAIL = """
            {"type":"https://partnerhub.io/problems/invalid-request","title":"Invalid request","status":400,
             "detail":"email: must be an e-mail address like ada@contoso.com (at most 254 characters)"}""";

    public static final String EMAIL_TAKEN = """
            {"type":"https://partnerhub.io/problems/email-taken","title":"E-mail taken","status":409,
             "detail":"The organisation already has an account with e-mail ada@contoso.com",
             "userId":"9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d"}""";

    public static final String USER_DEPARTED = """
            {"type":"https://partnerhub.io/problems/user-departed","title":"User departed","status":409,
             "detail":"User 9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d has already departed"}""";

    public static final String ASSOCIATE = """
            {"candidateId":"cand-4711"}""";

    public static final String ASSOCIATE_SUPPORT = """
            {"candidateId":"cand-4711","reason":"Ticket SUP-2291: invitation e-mail never arrived, identity checked by phone"}""";

    public static final String FORBIDDEN_ADMIN_ASSOCIATION = """
            {"type":"https://partnerhub.io/problems/forbidden","title":"Forbidden","status":403,
             "detail":"A partner-admin invites; the person accepts the invitation with their own token"}""";

    public static final String USER_ASSOCIATED = """
            {"type":"https://partnerhub.io/problems/user-associated","title":"User associated","status":409,
             "detail":"User 9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d is already associated with a candidate id",
             "userId":"9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d"}""";

    public static final String INVITE = """
            {"name":"Ada Lovelace","email":"ada@contoso.com"}""";

    public static final String INVITATION_CREATED = """
            {"id":"2e4f6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b","userId":"9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d",
             "email":"ada@contoso.com","name":"Ada Lovelace","status":"PENDING","createdAt":"2026-12-01T09:00:00Z",
             "expiresAt":"2026-12-15T09:00:00Z","code":"q3Xv9yJ2mT5bR8wL1nK4pF7sD0hG6aZcE2uY9iO3tWx"}""";

    public static final String INVITATION = """
            {"id":"2e4f6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b","userId":"9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d",
             "email":"ada@contoso.com","name":"Ada Lovelace","status":"PENDING","createdAt":"2026-12-01T09:00:00Z",
             "expiresAt":"2026-12-15T09:00:00Z"}""";

    public static final String INVITATION_REVOKED = """
            {"id":"2e4f6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b","userId":"9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d",
             "email":"ada@contoso.com","name":"Ada Lovelace","status":"REVOKED","createdAt":"2026-12-01T09:00:00Z",
             "expiresAt":"2026-12-15T09:00:00Z"}""";

    public static final String INVITATION_BAD_STATUS = """
            {"type":"https://partnerhub.io/problems/invalid-request","title":"Invalid request","status":400,
             "detail":"status must be one of PENDING, ACCEPTED, REVOKED, EXPIRED"}""";

    public static final String INVITATION_CLOSED = """
            {"type":"https://partnerhub.io/problems/invitation-closed","title":"Invitation closed","status":409,
             "detail":"Invitation 2e4f6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b was accepted; remove or depart the user account instead"}""";

    public static final String ACCEPT = """
            {"code":"q3Xv9yJ2mT5bR8wL1nK4pF7sD0hG6aZcE2uY9iO3tWx"}""";

    public static final String ACCEPTANCE = """
            {"userId":"9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d","organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d",
             "candidateId":"cand-4711","associatedAt":"2026-12-02T08:30:00Z"}""";

    public static final String INVITATION_NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No pending invitation of this organisation has this code","resource":"invitation"}""";

    public static final String FORBIDDEN_NO_CANDIDATE = """
            {"type":"https://partnerhub.io/problems/forbidden","title":"Forbidden","status":403,
             "detail":"An employee token without a candidate claim accepts no invitation"}""";

    public static final String TOO_MANY_ATTEMPTS = """
            {"type":"https://partnerhub.io/problems/too-many-attempts","title":"Too many attempts","status":429,
             "detail":"At most 5 invitation codes may be tried per minute; try again in 42 s","retryAfterSeconds":42}""";

    public static final String ACTIVITY = """
            [{"id":"6c8e0a2c-4e6a-4c8e-9a2c-4e6a8c0e2a4c","kind":"PERSON_JOINED","at":"2026-12-02T08:30:00Z",
              "actor":{"subject":"candidate-cand-4711@partnerhub.local","role":"employee"},
              "summary":"Candidate cand-4711 joined as user 9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d",
              "details":{"userId":"9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d","candidateId":"cand-4711"}},
             {"id":"1a3c5e7a-9c1e-4a3c-8e5a-7c9e1a3c5e7a","kind":"INVITATION_CREATED","at":"2026-12-01T09:00:00Z",
              "actor":{"subject":"carla@contoso.example","role":"partner-admin"},
              "summary":"Invited user 9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d",
              "details":{"invitationId":"2e4f6a8c-0b1d-4e3f-9a5b-7c9d1e3f5a7b","userId":"9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d",
                "expiresAt":"2026-12-15T09:00:00Z"}}]""";

    public static final String ACTIVITY_BAD_KIND = """
            {"type":"https://partnerhub.io/problems/invalid-request","title":"Invalid request","status":400,
             "detail":"kind must be one of [USER_ADDED, USER_CHANGED, USER_REMOVED, USERS_IMPORTED, USER_DEPARTED, INVITATION_CREATED, INVITATION_REVOKED, INVITATION_ACCEPTED, PERSON_JOINED, PERSON_LEFT, SUPPORT_ASSOCIATION, PERFORMANCE_REPORTED, PERFORMANCE_CORRECTED, MEMBERSHIP_PURCHASED, MEMBERSHIP_RENEWED]"}""";

    public static final String ASSOCIATION = """
            {"userId":"9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d","organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d",
             "candidateId":"cand-4711","associatedAt":"2026-12-01T09:00:00Z",
             "severedOrganizationId":"5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d"}""";

    public static final String FORBIDDEN_CANDIDATE = """
            {"type":"https://partnerhub.io/problems/forbidden","title":"Forbidden","status":403,
             "detail":"An employee associates only their own candidate id (the token's candidate claim)"}""";

    public static final String CANDIDATE_ASSOCIATED = """
            {"type":"https://partnerhub.io/problems/candidate-associated","title":"Candidate associated","status":409,
             "detail":"Candidate cand-4711 was associated concurrently; try again","candidateId":"cand-4711"}""";

    public static final String IMPORT_JSON = """
            [{"name":"Ada Lovelace","email":"ada@contoso.com","role":"EMPLOYEE"},
             {"name":"","email":"not-an-email","role":"BOSS"}]""";

    public static final String IMPORT_CSV = """
            name,email,role
            Ada Lovelace,ada@contoso.com,EMPLOYEE
            "Hopper, Grace",grace@contoso.com,ADMIN
            """;

    public static final String IMPORT_REPORT = """
            {"rows":[{"row":1,"status":"CREATED","id":"9b2f6c1e-3d4a-4f5b-8c6d-7e8f9a0b1c2d","problem":null},
                     {"row":2,"status":"INVALID","id":null,"problem":"name: must not be blank"},
                     {"row":3,"status":"EXISTS","id":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","problem":null}]}""";

    public static final String IMPORT_NOT_ARRAY = """
            {"type":"https://partnerhub.io/problems/invalid-request","title":"Invalid request","status":400,
             "detail":"A JSON import is an array of {name, email, role} objects"}""";

    public static final String IMPORT_BAD_CSV = """
            {"type":"https://partnerhub.io/problems/invalid-request","title":"Invalid request","status":400,
             "detail":"CSV line 3: a quoted field is never closed"}""";

    public static final String TOO_MANY_ROWS = """
            {"type":"https://partnerhub.io/problems/too-many-rows","title":"Too many rows","status":413,
             "detail":"An import holds at most 1000 rows, this one 1001","maxRows":1000}""";

    public static final String REPORT_PERFORMANCE = """
            {"metric":"REVENUE","value":125000.50,"periodStart":"2026-10-01","periodEnd":"2026-12-31"}""";

    public static final String PERFORMANCE = """
            {"id":"7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a","organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d",
             "metric":"REVENUE","value":125000.50,"periodStart":"2026-10-01","periodEnd":"2026-12-31",
             "source":"demo-crm","reportedBy":"reporter@partnerhub.local","reportedAt":"2027-01-05T08:00:00Z",
             "corrected":false}""";

    public static final String PERFORMANCE_FIGURES = """
            [{"metric":"REVENUE","value":126000.00,"periodStart":"2026-10-01","periodEnd":"2026-12-31",
              "source":"demo-crm","reportedBy":"reporter@partnerhub.local","reportedAt":"2027-01-09T08:00:00Z",
              "corrections":1}]""";

    public static final String PERFORMANCE_HISTORY = """
            [{"metric":"REVENUE","value":126000.00,"periodStart":"2026-10-01","periodEnd":"2026-12-31",
              "source":"demo-crm","reportedBy":"reporter@partnerhub.local","reportedAt":"2027-01-09T08:00:00Z",
              "supersededAt":null},
             {"metric":"REVENUE","value":125000.50,"periodStart":"2026-10-01","periodEnd":"2026-12-31",
              "source":"demo-crm","reportedBy":"reporter@partnerhub.local","reportedAt":"2027-01-05T08:00:00Z",
              "supersededAt":"2027-01-09T08:00:00Z"}]""";

    public static final String METRIC_INVALID = """
            {"type":"https://partnerhub.io/problems/invalid-request","title":"Invalid request","status":400,
             "detail":"metric must be one of [REVENUE, ACTIVE_USAGE, DEPLOYED_SEATS, NEW_CUSTOMERS]"}""";

    public static final String FORBIDDEN_NO_SOURCE = """
            {"type":"https://partnerhub.io/problems/forbidden","title":"Forbidden","status":403,
             "detail":"A reporter token must name its reporting system in claim 'source'."}""";

    public static final String PERIOD_INVALID = """
            {"type":"https://partnerhub.io/problems/invalid-request","title":"Invalid request","status":400,
             "detail":"periodEnd 2026-09-30 is before periodStart 2026-10-01"}""";

    public static final String PURCHASE = """
            {"level":"SILVER"}""";

    public static final String MEMBERSHIP = """
            {"organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","level":"SILVER",
             "subscription":{"level":"SILVER","startsOn":"2026-12-01","endsOn":"2027-12-01"},"renewal":null,
             "renewalAtRisk":true,
             "alerts":[{"competencyId":"cloud-platform","level":"SILVER",
               "message":"A recent change to your competency achievement has put your membership renewal eligibility at risk: competency cloud-platform (SILVER) — employee cand-4711 left",
               "reasons":["employee cand-4711 left"],"raisedAt":"2027-03-02T10:00:00Z"}],
             "benefits":["Partner network listing","Partner community and learning resources","Silver partner badge",
               "Internal-use software licences","Technical presales and deployment support"],
             "competencies":[{"competencyId":"cloud-platform","level":"SILVER","validUntil":"2027-11-30","atRisk":true,
               "reasons":["employee cand-4711 left"]}],
             "designations":[{"solutionAreaId":"business-applications","name":"Business Applications","held":true,
               "atRisk":false,"track":null,"score":74.5,"holdsUntil":"2027-05-31","atRiskSince":null}]}""";

    public static final String LEVEL_NOT_EARNED = """
            {"type":"https://partnerhub.io/problems/level-not-earned","title":"Level not earned","status":409,
             "detail":"Buying the GOLD benefit pack needs at least one competency attained at GOLD"}""";

    public static final String RENEWAL_NOT_MET = """
            {"type":"https://partnerhub.io/problems/renewal-requirements-not-met","title":"Renewal requirements not met",
             "status":409,"detail":"Renewing SILVER needs at least one competency attained at SILVER and not at risk"}""";

    public static final String PROFILE = """
            {"id":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d","name":"Contoso Ltd","country":"DE","level":"GOLD",
             "silverCompetencies":["data-analytics"],"goldCompetencies":["cloud-platform"],"designations":[]}""";
}
