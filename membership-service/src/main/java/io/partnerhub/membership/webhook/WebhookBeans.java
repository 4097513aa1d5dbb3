package io.partnerhub.membership.webhook;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;

/** The plain-Java parts of webhooks, configured. */
@jakarta.enterprise.context.Dependent
public class WebhookBeans {

    @Produces
    @Singleton
    TargetGuard targetGuard(HostResolver resolver, WebhooksConfig config) {
        return new TargetGuard(resolver, config.allowedTargets().orElse(List.of()));
    }

    @Produces
    @Singleton
    WebhookSecrets webhookSecrets(WebhooksConfig config) {
        WebhookSecrets secrets = new WebhookSecrets(config.secretKey().orElse(null));
        if (!secrets.encrypts()) {
            Log.warn("Webhook signing secrets are stored unencrypted: set partnerhub.webhooks.secret-key "
                    + "(PARTNERHUB_WEBHOOKS_SECRET_KEY, base64 of 32 bytes) outside the local demo");
        }
        return secrets;
    }

    @Produces
    @Singleton
    RetrySchedule retrySchedule(WebhooksConfig config) {
        return new RetrySchedule(config.initialBackoff(), config.maxBackoff(), config.retryPeriod());
    }
}
