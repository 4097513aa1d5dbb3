package io.partnerhub.competency.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.competency.competency.RequirementCatalogue;
import io.partnerhub.competency.config.CompetencyConfig;
import io.partnerhub.competency.domain.CompetencyState;
import io.partnerhub.competency.domain.Evaluation;
import io.partnerhub.competency.domain.Level;
import io.partnerhub.competency.domain.OrganizationFacts;
import io.partnerhub.competency.domain.RequirementVersion;
import io.partnerhub.competency.domain.StatusRules;
import io.partnerhub.competency.projection.Projections;
import io.partnerhub.competency.status.StatusViews.StatusView;

/**
 * K6 what-if: the organisation's statuses as they would be at {@code at} (default now) without the departed people and
 * the expired credentials, under the versions in effect then (or the chosen version for its competency). Nothing is
 * stored or published.
 */
@ApplicationScoped
public class StatusSimulation {

    private final StatusRepository statuses;
    private final Projections projections;
    private final RequirementCatalogue catalogue;
    private final StatusQueries queries;
    private final CompetencyConfig config;
    private final StatusExplainer explainer;
    private final Clock clock;

    public StatusSimulation(StatusRepository statuses, Projections projections, RequirementCatalogue catalogue,
            StatusQueries queries, CompetencyConfig config, StatusExplainer explainer, Clock clock) {
        this.explainer = explainer;
        this.statuses = statuses;
        this.projections = projections;
        this.catalogue = catalogue;
        this.queries = queries;
        this.config = config;
        this.clock = clock;
    }

    public List<StatusView> simulate(SimulationViews.Simulation simulation) {
        String organizationId = simulation.organizationId();
        queries.requireKnown(organizationId);
        Instant at = simulation.at() == null ? StatusTime.now(clock) : simulation.at().truncatedTo(ChronoUnit.MILLIS);
        LocalDate day = StatusTime.today(at);
        Map<String, RequirementVersion> versions = new TreeMap<>(catalogue.inEffect(day));
        if (simulation.requirementVersion() != null) {
            versions.put(simulation.requirementVersion().competencyId(),
                    catalogue.version(simulation.requirementVersion().competencyId(), simulation.requirementVersion().version()));
        }
        OrganizationFacts facts = without(projections.facts(organizationId, day), simulation);
        List<StatusView> result = new ArrayList<>();
        versions.forEach((competencyId, version) -> {
            CompetencyStatus stored = statuses.findById(new CompetencyStatus.Key(organizationId, competencyId));
            CompetencyState previous = StatusRows.state(stored);
            StatusRules.Outcome outcome = StatusRules.next(previous, version, facts, at, config.riskHorizon());
            CompetencyState state = outcome.state();
            Evaluation evaluation = outcome.evaluation();
            result.add(explainer.simulated(organizationId, competencyId, state.level(),
                    state.level() == Level.NONE ? null : evaluation.result(state.level()).pathMet(), state.atRisk(),
                    state.reasons(), stored, state.attainedAt(), state.validUntil(), version, evaluation));
        });
        return result;
    }

    /** The facts without the departed people and the expired credentials of the simulation. */
    private static OrganizationFacts without(OrganizationFacts actual, SimulationViews.Simulation simulation) {
        Set<String> departures = new HashSet<>(simulation.departures() == null ? List.of() : simulation.departures());
        Set<String> expiries = new HashSet<>();
        if (simulation.expiries() != null) {
            simulation.expiries().forEach(e -> expiries.add(e.candidateId() + "\n" + e.certificationId()));
        }
        return new OrganizationFacts(actual.members().stream()
                .filter(m -> !departures.contains(m.candidateId()))
                .map(m -> new OrganizationFacts.Member(m.candidateId(), m.credentials().stream()
                        .filter(c -> !expiries.contains(m.candidateId() + "\n" + c.credential())).toList()))
                .toList(), actual.figures());
    }
}
