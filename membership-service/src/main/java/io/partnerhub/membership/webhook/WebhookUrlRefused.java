package io.partnerhub.membership.webhook;

import io.partnerhub.chassis.problem.DomainException;

/** 400 {@code /webhook-url-refused}: not https, does not resolve, or resolves to an address webhooks never call. */
public class WebhookUrlRefused extends DomainException {

    public WebhookUrlRefused(String detail) {
        super(400, "webhook-url-refused", "Webhook URL refused", detail);
    }
}
