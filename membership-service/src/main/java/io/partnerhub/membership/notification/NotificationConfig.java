package io.partnerhub.membership.notification;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * #23 e-mail notifications. SMTP itself is Quarkus Mailer's ({@code quarkus.mailer.*}, from the environment in
 * production: deploy/k8s's secret); these are the links, the unsubscribe key and the sender's pace.
 */
@ConfigMapping(prefix = "partnerhub.notification")
public interface NotificationConfig {

    /** The portal every mail links to (ends with /; the gateway serves it at its root): the hash routes are appended. */
    @WithDefault("http://localhost:8080/")
    String portalUrl();

    /** The public base of the API (the gateway's /api), for the one-click unsubscribe link. */
    @WithDefault("http://localhost:8080/api")
    String apiUrl();

    /**
     * Base64 of at least 32 random bytes signing the unsubscribe links. Required in production; in dev and test a
     * random key is made at start when none is set (the devstack generates one for the local demo).
     */
    Optional<String> unsubscribeKey();

    /** How often the sender drains the queue ({@code send-interval}, also the scheduler's expression). */
    @WithDefault("5s")
    Duration sendInterval();

    /** Mails per transaction of the sender. */
    @WithDefault("20")
    int sendBatchSize();

    /** The wait after the first failed attempt; it doubles up to {@link #retryMax()}. */
    @WithDefault("30s")
    Duration retryFirst();

    @WithDefault("30m")
    Duration retryMax();

    /**
     * Events older than this (by their {@code time}) send nothing: a consumer group that starts on a topic's history
     * (first deployment, a renamed group) does not mail about the past.
     */
    @WithDefault("7d")
    Duration maxEventAge();

    /** After this many failed attempts a mail is FAILED in the delivery log and tried no more. */
    @WithDefault("60")
    int maxAttempts();
}
