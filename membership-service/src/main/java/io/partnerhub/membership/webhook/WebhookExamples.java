package io.partnerhub.membership.webhook;

/** OpenAPI examples of the webhook endpoints. */
final class WebhookExamples {

    private WebhookExamples() {
    }

    static final String REGISTER = """
            {"url":"https://crm.contoso.example/hooks/partnerhub","description":"CRM sync",
             "eventTypes":["io.partnerhub.competency.at-risk.v1","io.partnerhub.employee.joined.v1"]}""";

    static final String UPDATE = """
            {"url":"https://crm.contoso.example/hooks/partnerhub","description":"CRM sync","eventTypes":[],"enabled":true}""";

    static final String CREATED = """
            {"id":"7a4e1c2b-9d3f-4b8a-a1e5-2c6d8f0b3e71","organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d",
             "url":"https://crm.contoso.example/hooks/partnerhub","description":"CRM sync",
             "eventTypes":["io.partnerhub.competency.at-risk.v1","io.partnerhub.employee.joined.v1"],"status":"ACTIVE",
             "createdAt":"2026-12-07T09:00:00Z","updatedAt":"2026-12-07T09:00:00Z","lastSuccessAt":null,
             "disabledAt":null,"disabledReason":null,"previousSecretValidUntil":null,
             "secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""";

    static final String WEBHOOK = """
            {"id":"7a4e1c2b-9d3f-4b8a-a1e5-2c6d8f0b3e71","organizationId":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d",
             "url":"https://crm.contoso.example/hooks/partnerhub","description":"CRM sync","eventTypes":[],
             "status":"DISABLED","createdAt":"2026-12-07T09:00:00Z","updatedAt":"2026-12-08T09:00:05Z",
             "lastSuccessAt":"2026-12-07T09:01:00Z","disabledAt":"2026-12-08T09:00:05Z",
             "disabledReason":"every delivery failed for PT24H; last: HTTP 503","previousSecretValidUntil":null}""";

    static final String ROTATE = """
            {"overlap":"PT24H"}""";

    static final String ROTATED = """
            {"webhookId":"7a4e1c2b-9d3f-4b8a-a1e5-2c6d8f0b3e71","secret":"whsec_2bT0yJ7mXc1rV9kqLzP4sNw8GhD3fA6e",
             "previousSecretValidUntil":"2026-12-08T09:00:00Z"}""";

    static final String DELIVERY = """
            {"id":4711,"webhookId":"msg_5d2f7a1c9e3b4f60a8d1c2e3f4a5b6c7","eventId":"0b6f3c1e-2d4a-4e5f-9a8b-7c6d5e4f3a2b",
             "eventType":"io.partnerhub.competency.at-risk.v1","subject":"3f1c9d2e-5b7a-4e21-8c3f-6a9d0e1b2c4d",
             "kind":"EVENT","status":"PENDING","attempts":2,"createdAt":"2026-12-07T09:00:00Z",
             "lastAttemptAt":"2026-12-07T09:00:05Z","lastStatusCode":500,"lastError":"HTTP 500",
             "nextAttemptAt":"2026-12-07T09:00:15Z","finishedAt":null}""";

    static final String DELIVERIES = "[" + DELIVERY + "]";

    static final String URL_REFUSED = """
            {"type":"https://partnerhub.io/problems/webhook-url-refused","title":"Webhook URL refused","status":400,
             "detail":"the host hooks.internal.example resolves to a private address, which webhooks never call"}""";

    static final String DISABLED = """
            {"type":"https://partnerhub.io/problems/webhook-disabled","title":"Webhook disabled","status":409,
             "detail":"webhook 7a4e1c2b-9d3f-4b8a-a1e5-2c6d8f0b3e71 is disabled; enable it with PUT {\\"enabled\\": true}"}""";

    static final String NOT_FOUND = """
            {"type":"https://partnerhub.io/problems/not-found","title":"Resource not found","status":404,
             "detail":"No webhook with id 7a4e1c2b-9d3f-4b8a-a1e5-2c6d8f0b3e71","resource":"webhook",
             "id":"7a4e1c2b-9d3f-4b8a-a1e5-2c6d8f0b3e71"}""";
}
