package io.partnerhub.competency.designation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.competency.designation.DesignationViews.MetricLine;
import io.partnerhub.competency.designation.DesignationViews.PerMetric;
import io.partnerhub.competency.designation.DesignationViews.PlanStep;
import io.partnerhub.competency.designation.DesignationViews.SpecialisationView;
import io.partnerhub.competency.designation.DesignationViews.StatusView;
import io.partnerhub.competency.designation.DesignationViews.ToQualifyView;
import io.partnerhub.competency.designation.DesignationViews.WindowView;
import io.partnerhub.competency.domain.designation.CapabilityScore;
import io.partnerhub.competency.domain.designation.DesignationState;
import io.partnerhub.competency.domain.designation.QualificationWindow;
import io.partnerhub.competency.domain.designation.ToQualify;
import io.partnerhub.competency.projection.Projections;

/**
 * The status API's reads (P5–P9): the stored state and qualifying days, today's score computed from the dated facts
 * (the same the evaluation reads), the window and what would make the organisation qualify.
 */
@ApplicationScoped
public class DesignationQueries {

    private final AreaCatalogue catalogue;
    private final DesignationFacts facts;
    private final DesignationStore store;
    private final Projections projections;
    private final DesignationEvaluation evaluation;

    public DesignationQueries(AreaCatalogue catalogue, DesignationFacts facts, DesignationStore store, Projections projections,
            DesignationEvaluation evaluation) {
        this.catalogue = catalogue;
        this.facts = facts;
        this.store = store;
        this.projections = projections;
        this.evaluation = evaluation;
    }

    public LocalDate today() {
        return DesignationEvaluation.today(evaluation.now());
    }

    /** 404 unless the organisation is known (registered, or with a status). */
    public void requireKnown(String organizationId) {
        if (!projections.organizationKnown(organizationId) && store.statuses(organizationId).isEmpty()) {
            throw new ResourceNotFound("organization", organizationId);
        }
    }

    public List<StatusView> all(String organizationId) {
        requireKnown(organizationId);
        LocalDate today = today();
        return catalogue.all().stream().map(a -> view(organizationId, a, today)).flatMap(Optional::stream).toList();
    }

    public StatusView one(String organizationId, String areaId) {
        requireKnown(organizationId);
        AreaCatalogue.Area area = catalogue.find(areaId).orElseThrow(() -> new ResourceNotFound("solution area", areaId));
        return view(organizationId, area, today()).orElseThrow(() -> new ResourceNotFound("solution area", areaId));
    }

    /** Empty when the area has no requirement set in effect today. */
    Optional<StatusView> view(String organizationId, AreaCatalogue.Area area, LocalDate today) {
        Optional<AreaCatalogue.Version> version = area.inEffect(today);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        QualificationWindow window = QualificationWindow.on(today);
        Scores scores = new Scores(area.domain(), facts.load(organizationId, area.id(), window.from()));
        CapabilityScore score = scores.on(today).orElseThrow();
        Optional<DesignationStore.StatusRow> row = store.status(organizationId, area.id());
        TreeSet<LocalDate> days = new TreeSet<>();
        if (row.isPresent()) {
            store.qualifyingDays(organizationId, area.id(), DesignationStore.DESIGNATION).stream().filter(window::contains)
                    .forEach(days::add);
        } else {
            days.addAll(window.qualifyingDays(scores::qualifies));
        }
        DesignationState state = row.map(r -> DesignationState.valueOf(r.state())).orElse(DesignationState.NONE);
        LocalDate holdsUntil = days.isEmpty() ? null : QualificationWindow.holdsUntil(days.last());
        List<MetricLine> metrics = score.metrics().stream().map(m -> new MetricLine(m.metric().id(),
                version.get().metric(m.metric().id()).map(AreaCatalogue.MetricBody::name).orElse(m.metric().id()),
                m.metric().category(), m.metric().unit(), m.have(), m.threshold(), m.points().value(), m.metric().maxPoints()))
                .toList();
        List<PerMetric> perMetric = ToQualify.hints(score).stream()
                .map(h -> new PerMetric(h.metricId(), h.toThreshold(), h.toNextPoint().orElse(null))).toList();
        List<PlanStep> plan = ToQualify.plan(score).steps().stream()
                .map(s -> new PlanStep(s.metricId(), s.amount(), s.points().value())).toList();
        List<SpecialisationView> specialisations = version.get().specialisations(area.id()).stream().map(s -> {
            Optional<DesignationStore.SpecialisationRow> stored = store.specialisations(organizationId, area.id()).stream()
                    .filter(r -> r.specialisationId().equals(s.id())).findFirst();
            int have = scores.facts().inForce(DesignationFacts.SPECIALISATION + s.id(), today).intValue();
            return new SpecialisationView(s.id(), s.name(),
                    stored.map(r -> DesignationState.valueOf(r.state())).orElse(DesignationState.NONE), have, s.people());
        }).toList();
        return Optional.of(new StatusView(organizationId, area.id(), area.name(), state, state.held(), score.track().orElse(null),
                score.total().value(), score.qualifies(), version.get().version(), row.map(DesignationStore.StatusRow::lastEvaluated)
                        .orElse(null), metrics, new WindowView(window.from(), today, List.copyOf(days), window.nextDrop(), holdsUntil),
                new ToQualifyView(perMetric, plan), specialisations));
    }
}
