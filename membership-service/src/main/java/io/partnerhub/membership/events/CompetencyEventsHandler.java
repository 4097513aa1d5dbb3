package io.partnerhub.membership.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;
import io.partnerhub.membership.domain.CompetencyChange;
import io.partnerhub.membership.domain.DesignationChange;
import io.partnerhub.membership.membership.MembershipService;

/**
 * Listens to competency-service (M5/M6/M7): attained, renewed, at-risk, risk-cleared and lapsed update what membership
 * knows of the organisation's competencies, and designation attained, at-risk, risk-cleared and lost what it knows of
 * its designations (purchase eligibility, renewal, alerts, the profile), through {@link MembershipService#apply}.
 * Other types are ignored.
 */
@ApplicationScoped
public class CompetencyEventsHandler implements EventHandler {

    public static final String TOPIC = "competency-events";

    private final MembershipService memberships;

    public CompetencyEventsHandler(MembershipService memberships) {
        this.memberships = memberships;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        CompetencyChange change = CompetencyChange.ofType(event.type());
        if (change != null) {
            memberships.apply(change, event.dataAs(CompetencyEventData.class), event.time());
            return;
        }
        DesignationChange designation = DesignationChange.ofType(event.type());
        if (designation != null) {
            memberships.apply(designation, event.dataAs(DesignationEventData.class), event.time());
        }
    }
}
