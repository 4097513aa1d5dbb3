package io.partnerhub.competency.credential;

/** OpenAPI examples of the organisation-credential endpoints. */
final class CredentialExamples {

    private CredentialExamples() {
    }

    static final String ORGANIZATION = """
            {"organizationId":"5f0c6f1e-6a51-4c8e-9d2a-0b7f1a2c3d4e","mpnId":"4412345","name":"Contoso Cloud",
             "profileId":"https://partnerhub.io/api/organization-credentials/organizations/5f0c6f1e-6a51-4c8e-9d2a-0b7f1a2c3d4e",
             "credentials":[{"id":"0b3c9a52-3f1d-4a57-8f5e-8d1c1b2a3e4f",
              "url":"https://partnerhub.io/api/organization-credentials/0b3c9a52-3f1d-4a57-8f5e-8d1c1b2a3e4f",
              "kind":"COMPETENCY","awardId":"cloud-platform","level":"GOLD","name":"Cloud Platform (Gold)",
              "validFrom":"2026-11-23T07:00:00Z","status":"ACTIVE","revokedAt":null,
              "statusListCredential":"https://partnerhub.io/api/organization-credentials/status-lists/1","statusListIndex":7919},
             {"id":"9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
              "url":"https://partnerhub.io/api/organization-credentials/9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
              "kind":"COMPETENCY","awardId":"data-analytics","level":"SILVER","name":"Data Analytics (Silver)",
              "validFrom":"2025-10-01T00:00:00Z","status":"REVOKED","revokedAt":"2026-10-01T00:00:00Z",
              "statusListCredential":"https://partnerhub.io/api/organization-credentials/status-lists/1","statusListIndex":48422}]}""";

    static final String VC_JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImRldnN0YWNrLW9yZy1jcmVkZW50aWFsLTEiLCJ0eXAiOiJ2Yytqd3QiLCJjdHkiOiJ2YyJ9"
            + ".eyJAY29udGV4dCI6WyJodHRwczovL3d3dy53My5vcmcvbnMvY3JlZGVudGlhbHMvdjIiXSwidHlwZSI6WyJWZXJpZmlhYmxlQ3JlZGVudGlhbCIsIk9wZW5CYWRnZUNyZWRlbnRpYWwiXX0"
            + ".c2lnbmF0dXJlLW9mLXRoZS1jcmVkZW50aWFsLXdpdGgtdGhlLWtleS1pbi10aGUtandrcw";

    static final String CREDENTIAL = """
            {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id":"https://partnerhub.io/api/organization-credentials/0b3c9a52-3f1d-4a57-8f5e-8d1c1b2a3e4f",
             "type":["VerifiableCredential","OpenBadgeCredential"],"name":"Cloud Platform (Gold)",
             "issuer":{"id":"https://partnerhub.io/api/organization-credentials/issuer","type":["Profile"],
              "name":"PartnerHub Partner Programme","url":"https://partnerhub.io/partner-programme"},
             "validFrom":"2026-11-23T07:00:00Z","awardedDate":"2026-11-23T07:00:00Z",
             "credentialSubject":{"id":"https://partnerhub.io/api/organization-credentials/organizations/5f0c6f1e-6a51-4c8e-9d2a-0b7f1a2c3d4e",
              "type":["AchievementSubject"],
              "identifier":[{"type":"IdentityObject","identityHash":"4412345","identityType":"identifier","hashed":false}],
              "profile":{"id":"https://partnerhub.io/api/organization-credentials/organizations/5f0c6f1e-6a51-4c8e-9d2a-0b7f1a2c3d4e",
               "type":["Profile"],"name":"Contoso Cloud",
               "otherIdentifier":[{"type":"IdentifierEntry","identifier":"4412345","identifierType":"identifier"}]},
              "achievement":{"id":"urn:partnerhub:award:competency:cloud-platform:gold","type":["Achievement"],
               "achievementType":"Award","name":"Cloud Platform (Gold)","description":"Competency Cloud Platform at Gold level.",
               "criteria":{"narrative":"Held by the organisation under the programme's competency rules on the date of issue; the credential's status list shows whether it is still held."}}},
             "credentialStatus":{"id":"https://partnerhub.io/api/organization-credentials/status-lists/1#7919",
              "type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"7919",
              "statusListCredential":"https://partnerhub.io/api/organization-credentials/status-lists/1"},
             "credentialSchema":[{"id":"https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
              "type":"1EdTechJsonSchemaValidator2019"}]}""";

    static final String STATUS_LIST = """
            {"@context":["https://www.w3.org/ns/credentials/v2"],
             "id":"https://partnerhub.io/api/organization-credentials/status-lists/1",
             "type":["VerifiableCredential","BitstringStatusListCredential"],
             "issuer":"https://partnerhub.io/api/organization-credentials/issuer","validFrom":"2026-11-23T07:00:00Z",
             "credentialSubject":{"id":"https://partnerhub.io/api/organization-credentials/status-lists/1#list",
              "type":"BitstringStatusList","statusPurpose":"revocation",
              "encodedList":"uH4sIAAAAAAAA_-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA","ttl":500}}""";

    static final String ISSUER = """
            {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id":"https://partnerhub.io/api/organization-credentials/issuer","type":["Profile"],
             "name":"PartnerHub Partner Programme","url":"https://partnerhub.io/partner-programme"}""";

    static final String JWKS = """
            {"keys":[{"kty":"RSA","kid":"devstack-org-credential-1","use":"sig","alg":"RS256",
             "n":"sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw",
             "e":"AQAB"}]}""";

    static final String VERIFY_REQUEST = "{\"credential\":\"" + VC_JWT + "\"}";

    static final String VERIFICATION_ACTIVE = """
            {"signatureValid":true,"keyId":"devstack-org-credential-1","reason":null,
             "credentialId":"https://partnerhub.io/api/organization-credentials/0b3c9a52-3f1d-4a57-8f5e-8d1c1b2a3e4f",
             "issuer":"https://partnerhub.io/api/organization-credentials/issuer",
             "subject":{"id":"https://partnerhub.io/api/organization-credentials/organizations/5f0c6f1e-6a51-4c8e-9d2a-0b7f1a2c3d4e",
              "mpnId":"4412345","name":"Contoso Cloud"},
             "achievement":"Cloud Platform (Gold)","validFrom":"2026-11-23T07:00:00Z",
             "statusListCredential":"https://partnerhub.io/api/organization-credentials/status-lists/1","statusListIndex":7919,
             "revoked":false,"checkedAt":"2026-12-07T09:00:00Z"}""";

    static final String VERIFICATION_REVOKED = """
            {"signatureValid":true,"keyId":"devstack-org-credential-1","reason":"Revoked: the organisation no longer holds the award",
             "credentialId":"https://partnerhub.io/api/organization-credentials/9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
             "issuer":"https://partnerhub.io/api/organization-credentials/issuer",
             "subject":{"id":"https://partnerhub.io/api/organization-credentials/organizations/5f0c6f1e-6a51-4c8e-9d2a-0b7f1a2c3d4e",
              "mpnId":"4412345","name":"Contoso Cloud"},
             "achievement":"Data Analytics (Silver)","validFrom":"2025-10-01T00:00:00Z",
             "statusListCredential":"https://partnerhub.io/api/organization-credentials/status-lists/1","statusListIndex":48422,
             "revoked":true,"checkedAt":"2026-12-07T09:00:00Z"}""";

    static final String VERIFICATION_TAMPERED = """
            {"signatureValid":false,"keyId":"devstack-org-credential-1","reason":"The signature does not match the content",
             "credentialId":null,"issuer":null,"subject":null,"achievement":null,"validFrom":null,
             "statusListCredential":null,"statusListIndex":null,"revoked":null,"checkedAt":"2026-12-07T09:00:00Z"}""";

    static final String TOKEN_INVALID = """
            {"type":"https://partnerhub.io/problems/invalid-credential-token","title":"Invalid credential token","status":400,
             "detail":"Expected a VC-JWT: a JWS compact serialization (three base64url parts separated by dots) of at most 16384 characters"}""";

    static final String NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No organization credential with id 0b3c9a52-3f1d-4a57-8f5e-8d1c1b2a3e4f","resource":"organization credential",
             "id":"0b3c9a52-3f1d-4a57-8f5e-8d1c1b2a3e4f"}""";

    static final String SIGNING_UNAVAILABLE = """
            {"type":"https://partnerhub.io/problems/credential-signing-unavailable","title":"Credential signing unavailable",
             "status":503,"detail":"No organisation credential signing key is configured (partnerhub.competency.credentials.signing-key-location)"}""";
}
