package io.partnerhub.exam.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;
import io.partnerhub.exam.holding.HoldingService;
import io.quarkus.logging.Log;

/**
 * certification-events: earned, renewed, expired and revoked holdings go to {@link HoldingService} (E3 blocks retakes
 * of an exam while a certification earned with it is active). Tolerant: unknown types and fields are ignored.
 */
@ApplicationScoped
public class CertificationEventsHandler implements EventHandler {

    static final String TOPIC = "certification-events";

    private final HoldingService holdings;

    public CertificationEventsHandler(HoldingService holdings) {
        this.holdings = holdings;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        String type = event.type() == null ? "" : event.type();
        switch (type) {
            case CertificationEarned.TYPE -> holdings.earned(event.dataAs(CertificationEarned.class));
            case CertificationRenewed.TYPE -> holdings.renewed(event.dataAs(CertificationRenewed.class));
            case CertificationEnded.EXPIRED_TYPE -> holdings.expired(event.dataAs(CertificationEnded.class));
            case CertificationEnded.REVOKED_TYPE -> holdings.revoked(event.dataAs(CertificationEnded.class));
            default -> Log.debugf("ignoring %s event %s", type, event.id());
        }
    }
}
