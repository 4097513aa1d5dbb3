package io.partnerhub.competency.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;
import io.partnerhub.competency.events.InboundEvents.EmployeeJoined;
import io.partnerhub.competency.events.InboundEvents.EmployeeLeft;
import io.partnerhub.competency.events.InboundEvents.OrganizationRegistered;
import io.partnerhub.competency.events.InboundEvents.PerformanceReported;
import io.partnerhub.competency.status.Cause;
import io.partnerhub.competency.status.MembershipFacts;
import io.quarkus.logging.Log;

/** membership-events: organisations, members (joined/left) and performance figures, applied by {@link MembershipFacts}. */
@ApplicationScoped
public class MembershipEventsHandler implements EventHandler {

    public static final String TOPIC = "membership-events";

    private final MembershipFacts facts;

    public MembershipEventsHandler(MembershipFacts facts) {
        this.facts = facts;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        Cause cause = Cause.of(event);
        switch (event.type()) {
            case OrganizationRegistered.TYPE -> facts.organizationRegistered(event.dataAs(OrganizationRegistered.class), cause);
            case EmployeeJoined.TYPE -> facts.employeeJoined(event.dataAs(EmployeeJoined.class), cause);
            case EmployeeLeft.TYPE -> facts.employeeLeft(event.dataAs(EmployeeLeft.class), cause);
            case PerformanceReported.TYPE -> facts.performanceReported(event.dataAs(PerformanceReported.class), cause);
            default -> Log.debugf("membership event %s of type %s not used", event.id(), event.type());
        }
    }
}
