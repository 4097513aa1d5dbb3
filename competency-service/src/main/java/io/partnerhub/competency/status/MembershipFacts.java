package io.partnerhub.competency.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.partnerhub.competency.domain.Metric;
import io.partnerhub.competency.events.InboundEvents.EmployeeJoined;
import io.partnerhub.competency.events.InboundEvents.EmployeeLeft;
import io.partnerhub.competency.events.InboundEvents.OrganizationRegistered;
import io.partnerhub.competency.events.InboundEvents.PerformanceReported;
import io.partnerhub.competency.projection.FactsLoader;
import io.partnerhub.competency.projection.Projections;
import io.partnerhub.competency.projection.SkillIndex;
import io.quarkus.logging.Log;

/**
 * membership-events applied (in the consumer's transaction): organisations, members (joined/left) and performance
 * figures. Each recomputes only the organisations it touches, and there only the competencies that mention what
 * changed: registered → that one (every competency, NONE rows with progress); joined → the new one and the one the
 * candidate was associated with before (a person associated elsewhere stops counting at once), competencies listing
 * one of the person's credentials; left → that one, the same way; performance → that one, competencies whose version
 * in effect mentions the metric. A move adjusts the holder counts of the person's skill sets in both organisations.
 */
@ApplicationScoped
public class MembershipFacts {

    private final Projections projections;
    private final SkillIndex skills;
    private final StatusRecompute status;
    private final Clock clock;

    public MembershipFacts(Projections projections, SkillIndex skills, StatusRecompute status, Clock clock) {
        this.projections = projections;
        this.skills = skills;
        this.status = status;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void organizationRegistered(OrganizationRegistered data, Cause cause) {
        Instant at = at(cause);
        projections.organizationRegistered(data.organizationId(), data.mpnId(), data.name(), at);
        status.lock(List.of(data.organizationId()));
        status.recompute(data.organizationId(), v -> true, cause);
    }

    /**
     * Issue 25: the candidate lock, the locks of both organisations (sorted) and the candidate's organisation and active
     * credentials are one round trip, the association and the move of the holdings another. Returns the organisations
     * the candidate belonged to before and belongs to now (for the designations).
     */
    @Transactional(TxType.MANDATORY)
    public Set<String> employeeJoined(EmployeeJoined data, Cause cause) {
        Instant at = at(cause);
        String organizationId = data.organizationId();
        String candidateId = data.candidateId();
        StatusRepository.Candidate candidate = status.lockCandidate(candidateId, organizationId, true);
        Optional<String> before = candidate.organization();
        Set<String> credentials = candidate.credentials();
        Projections.Move move = projections.joined(candidateId, organizationId, data.userId(), at, before);
        Set<String> touched = new java.util.TreeSet<>();
        before.ifPresent(touched::add);
        if (!move.changed()) {
            Log.debugf("employee.joined %s ignored: a newer membership event of the candidate was applied", cause.eventId());
            return touched;
        }
        touched.add(organizationId);
        // the holder count changes go with the first recomputation's reads (one round trip)
        Optional<FactsLoader.Ahead> adjustment = skills.adjustment(move.before().orElse(null), credentials, organizationId, credentials);
        for (String organization : touched) {
            status.recompute(organization, v -> credentials.stream().anyMatch(v::mentions), cause, adjustment);
            adjustment = Optional.empty();
        }
        return touched;
    }

    /** Issue 25: the candidate lock, the organisation's and the candidate's active credentials in one round trip. */
    @Transactional(TxType.MANDATORY)
    public void employeeLeft(EmployeeLeft data, Cause cause) {
        Instant at = at(cause);
        String organizationId = data.organizationId();
        String candidateId = data.candidateId();
        Set<String> credentials = status.lockCandidate(candidateId, organizationId, false).credentials();
        if (projections.left(candidateId, organizationId, at)) {
            status.recompute(organizationId, v -> credentials.stream().anyMatch(v::mentions), cause,
                    skills.adjustment(organizationId, credentials, null, credentials)); // with the reads: one round trip
        } else {
            Log.debugf("employee.left %s ignored: candidate not (or no longer) associated with %s", cause.eventId(), organizationId);
        }
    }

    @Transactional(TxType.MANDATORY)
    public void performanceReported(PerformanceReported data, Cause cause) {
        Instant at = at(cause);
        String organizationId = data.organizationId();
        Optional<Metric> metric = Metric.parse(data.metric());
        if (metric.isEmpty() || !data.complete()) {
            Log.warnf("performance.reported %s ignored: unknown metric or incomplete figure", cause.eventId());
            return;
        }
        status.lock(List.of(organizationId));
        if (projections.performanceReported(organizationId, metric.get(), data.value(), data.periodStart(),
                data.periodEnd(), data.source(), at)) {
            status.recompute(organizationId, v -> v.mentions(metric.get()), cause);
        }
    }

    /** When the fact became true: the event's time, or now for an event without one. */
    private Instant at(Cause cause) {
        return cause.time() != null ? cause.time() : clock.instant();
    }
}
