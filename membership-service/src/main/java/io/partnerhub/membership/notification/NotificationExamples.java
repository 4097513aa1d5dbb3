package io.partnerhub.membership.notification;

/** OpenAPI examples of the notification endpoints. */
final class NotificationExamples {

    private NotificationExamples() {
    }

    static final String PREFERENCES = """
            [{"kind":"INVITATION","description":"Invitation to join an organisation","enabled":true,"canTurnOff":false},
             {"kind":"COMPETENCY_AT_RISK","description":"A competency is at risk","enabled":false,"canTurnOff":true}]""";

    static final String PREFERENCE = """
            {"kind":"COMPETENCY_AT_RISK","description":"A competency is at risk","enabled":false,"canTurnOff":true}""";

    static final String CHOOSE = """
            {"enabled": false}""";

    static final String SECURITY_KIND = """
            {"type":"https://partnerhub.io/problems/notification-kind-required","title":"This kind cannot be turned off",
             "status":409,"detail":"INVITATION is a security notice: it is always sent"}""";

    static final String NO_ACCOUNT = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No user account of your organisation belongs to this token","resource":"user"}""";

    static final String DELIVERIES = """
            [{"id":"0b8f9c61-4e0a-4d5b-9a3c-2f1e0d9c8b7a","kind":"COMPETENCY_AT_RISK",
              "recipientUserId":"5b1d7c2e-8f3a-4e6b-9d0c-1a2b3c4d5e6f","recipientEmail":"ana@contoso.example",
              "subject":"The competency cloud-platform is at risk: it lapses unless this changes.","status":"RETRYING",
              "attempts":2,"lastError":"Connection refused: localhost/127.0.0.1:3025","createdAt":"2026-12-07T09:00:00Z",
              "nextAttemptAt":"2026-12-07T09:02:00Z","sentAt":null}]""";

    static final String UNSUBSCRIBED = """
            {"person":"5b1d7c2e-8f3a-4e6b-9d0c-1a2b3c4d5e6f","kind":"COMPETENCY_AT_RISK","enabled":false}""";

    static final String FORGED = """
            {"type":"https://partnerhub.io/problems/unsubscribe-link-invalid","title":"Unsubscribe link not valid",
             "status":403,"detail":"The link's signature does not match this person and kind"}""";
}
