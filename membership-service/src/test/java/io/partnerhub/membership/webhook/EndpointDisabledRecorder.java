package io.partnerhub.membership.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Observes {@link EndpointDisabled} as the notifications do, so the tests can see the owner would be told. */
@ApplicationScoped
public class EndpointDisabledRecorder {

    public static final List<EndpointDisabled> SEEN = new CopyOnWriteArrayList<>();

    void on(@Observes EndpointDisabled event) {
        SEEN.add(event);
    }
}
