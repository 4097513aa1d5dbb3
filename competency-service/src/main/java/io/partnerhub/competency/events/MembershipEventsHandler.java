package io.partnerhub.competency.events;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.competency.events.InboundEvents.EmployeeJoined;
import io.partnerhub.competency.events.InboundEvents.EmployeeLeft;
import io.partnerhub.competency.events.InboundEvents.OrganizationRegistered;
import io.partnerhub.competency.events.InboundEvents.PerformanceReported;
import io.partnerhub.competency.status.MembershipFacts;

/** membership-events: organisations, members (joined/left) and performance figures, applied by {@link MembershipFacts}. */
@ApplicationScoped
public class MembershipEventsHandler extends FactsEventHandler {

    public static final String TOPIC = "membership-events";

    public MembershipEventsHandler(MembershipFacts facts) {
        super(TOPIC, Map.of(
                OrganizationRegistered.TYPE, route(OrganizationRegistered.class, facts::organizationRegistered),
                EmployeeJoined.TYPE, route(EmployeeJoined.class, facts::employeeJoined),
                EmployeeLeft.TYPE, route(EmployeeLeft.class, facts::employeeLeft),
                PerformanceReported.TYPE, route(PerformanceReported.class, facts::performanceReported)));
    }
}
