package io.partnerhub.competency.events;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.competency.events.InboundEvents.EmployeeJoined;
import io.partnerhub.competency.events.InboundEvents.EmployeeLeft;
import io.partnerhub.competency.events.InboundEvents.OrganizationRegistered;
import io.partnerhub.competency.events.InboundEvents.PerformanceReported;
import io.partnerhub.competency.designation.DesignationHooks;
import io.partnerhub.competency.status.MembershipFacts;

/**
 * membership-events: organisations, members (joined/left) and performance figures, applied by {@link MembershipFacts};
 * then, in the same transaction, the organisations touched marked for their designation evaluation after the commit
 * ({@link DesignationHooks}).
 */
@ApplicationScoped
public class MembershipEventsHandler extends FactsEventHandler {

    public static final String TOPIC = "membership-events";

    public MembershipEventsHandler(MembershipFacts facts, DesignationHooks designations) {
        super(TOPIC, Map.of(
                OrganizationRegistered.TYPE, route(OrganizationRegistered.class, (data, cause) -> {
                    facts.organizationRegistered(data, cause);
                    designations.organizationsChanged(List.of(data.organizationId()));
                }),
                // the organisations before and after as the facts read them under the candidate lock (no second read)
                EmployeeJoined.TYPE, route(EmployeeJoined.class,
                        (data, cause) -> designations.organizationsChanged(facts.employeeJoined(data, cause))),
                EmployeeLeft.TYPE, route(EmployeeLeft.class, (data, cause) -> {
                    facts.employeeLeft(data, cause);
                    designations.organizationsChanged(List.of(data.organizationId()));
                }),
                PerformanceReported.TYPE, route(PerformanceReported.class, (data, cause) -> {
                    facts.performanceReported(data, cause);
                    designations.performanceReported(data);
                })));
    }
}
