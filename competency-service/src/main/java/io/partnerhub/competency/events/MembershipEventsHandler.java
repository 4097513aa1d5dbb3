package io.partnerhub.competency.events;

import static io.partnerhub.competency.events.InboundEvents.require;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;
import io.partnerhub.competency.domain.Metric;
import io.partnerhub.competency.events.InboundEvents.EmployeeChanged;
import io.partnerhub.competency.events.InboundEvents.OrganizationRegistered;
import io.partnerhub.competency.events.InboundEvents.PerformanceReported;
import io.partnerhub.competency.projection.Projections;
import io.partnerhub.competency.projection.SkillIndex;
import io.partnerhub.competency.status.StatusService;
import io.partnerhub.competency.status.StatusService.Cause;
import io.quarkus.logging.Log;

/**
 * membership-events: organisations, members (joined/left) and performance figures. Each applied event recomputes only
 * the organisations it touches, and there only the competencies that mention what changed: registered → that one
 * (every competency, NONE rows with progress); joined → the new one and the one the candidate was associated with
 * before (a person associated elsewhere stops counting at once), competencies listing one of the person's credentials;
 * left → that one, the same way; performance → that one, competencies whose version in effect mentions the metric.
 * A move adjusts the holder counts of the person's skill sets in both organisations.
 */
@ApplicationScoped
public class MembershipEventsHandler implements EventHandler {

    public static final String TOPIC = "membership-events";

    private final Projections projections;
    private final SkillIndex skills;
    private final StatusService status;
    private final Clock clock;

    public MembershipEventsHandler(Projections projections, SkillIndex skills, StatusService status, Clock clock) {
        this.projections = projections;
        this.skills = skills;
        this.status = status;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        Instant at = event.time() != null ? event.time() : clock.instant();
        Cause cause = Cause.of(event);
        switch (event.type()) {
            case InboundEvents.ORGANIZATION_REGISTERED -> {
                OrganizationRegistered data = event.dataAs(OrganizationRegistered.class);
                String organizationId = require(data.organizationId(), "organizationId", event.type());
                projections.organizationRegistered(organizationId, data.mpnId(), data.name(), at);
                status.lock(List.of(organizationId));
                status.recompute(organizationId, v -> true, cause);
            }
            case InboundEvents.EMPLOYEE_JOINED -> {
                EmployeeChanged data = event.dataAs(EmployeeChanged.class);
                String organizationId = require(data.organizationId(), "organizationId", event.type());
                String candidateId = require(data.candidateId(), "candidateId", event.type());
                status.lockCandidate(candidateId);
                Optional<String> before = projections.organizationOf(candidateId);
                List<String> touched = new ArrayList<>(List.of(organizationId));
                before.filter(o -> !o.equals(organizationId)).ifPresent(touched::add);
                status.lock(touched);
                Set<String> credentials = projections.activeCredentials(candidateId);
                Projections.Move move = projections.joined(candidateId, organizationId, data.userId(), at);
                if (!move.changed()) {
                    Log.debugf("employee.joined %s ignored: a newer membership event of the candidate was applied", event.id());
                    return;
                }
                skills.adjust(move.before().orElse(null), credentials, organizationId, credentials);
                for (String organization : touched) {
                    status.recompute(organization, v -> credentials.stream().anyMatch(v::mentions), cause);
                }
            }
            case InboundEvents.EMPLOYEE_LEFT -> {
                EmployeeChanged data = event.dataAs(EmployeeChanged.class);
                String organizationId = require(data.organizationId(), "organizationId", event.type());
                String candidateId = require(data.candidateId(), "candidateId", event.type());
                status.lockCandidate(candidateId);
                status.lock(List.of(organizationId));
                Set<String> credentials = projections.activeCredentials(candidateId);
                if (projections.left(candidateId, organizationId, at)) {
                    skills.adjust(organizationId, credentials, null, credentials);
                    status.recompute(organizationId, v -> credentials.stream().anyMatch(v::mentions), cause);
                } else {
                    Log.debugf("employee.left %s ignored: candidate not (or no longer) associated with %s", event.id(), organizationId);
                }
            }
            case InboundEvents.PERFORMANCE_REPORTED -> {
                PerformanceReported data = event.dataAs(PerformanceReported.class);
                String organizationId = require(data.organizationId(), "organizationId", event.type());
                Optional<Metric> metric = Metric.parse(data.metric());
                if (metric.isEmpty() || data.value() == null || data.periodStart() == null || data.periodEnd() == null) {
                    Log.warnf("performance.reported %s ignored: unknown metric or incomplete figure", event.id());
                    return;
                }
                status.lock(List.of(organizationId));
                if (projections.performanceReported(organizationId, metric.get(), data.value(), data.periodStart(),
                        data.periodEnd(), at)) {
                    status.recompute(organizationId, v -> v.mentions(metric.get()), cause);
                }
            }
            default -> Log.debugf("membership event %s of type %s not used", event.id(), event.type());
        }
    }
}
