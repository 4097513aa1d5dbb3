package io.partnerhub.membership.events;

import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The consumers whose work nobody waits for within milliseconds: the notification mails (issue #25/#26). They gather their events for {@code partnerhub.membership.gather-for} (250 ms;
 * {@link io.partnerhub.chassis.events.EventHandler#gatherFor}) and apply them several per transaction, instead of
 * taking the 2 cores each time a result's events pass on their way to the competency status a partner watches (the
 * propagation report measured membership-service at 19 ms CPU per result, off the path). A mail is queued at most
 * that much later. The membership standing itself ({@code CompetencyEventsHandler}) is not gathered, nor the webhook fan-out (it offers an
 * event to the endpoints registered when it applies it: later, it would offer events from before a registration).
 */
public final class OffThePath {

    private OffThePath() {
    }

    /** How long the off-path consumers let the broker gather their events. */
    public static Duration gatherFor() {
        return ConfigProvider.getConfig().getOptionalValue("partnerhub.membership.gather-for", Duration.class)
                .orElse(Duration.ofMillis(250));
    }
}
