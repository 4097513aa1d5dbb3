package io.partnerhub.competency.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.competency.competency.RequirementCatalogue;
import io.partnerhub.competency.domain.Forecast;
import io.partnerhub.competency.domain.OrganizationFacts;
import io.partnerhub.competency.domain.StatusRules;
import io.partnerhub.competency.projection.Projections;
import io.partnerhub.competency.status.StatusViews.ForecastView;

/**
 * K7: per competency and level met now, every dated loss in the next 12 months (expiries, roadmap versions taking
 * effect) and who must renew to keep it through them. Nothing is stored.
 */
@ApplicationScoped
public class StatusForecast {

    private final Projections projections;
    private final RequirementCatalogue catalogue;
    private final StatusQueries queries;
    private final StatusExplainer explainer;
    private final Clock clock;

    public StatusForecast(Projections projections, RequirementCatalogue catalogue, StatusQueries queries,
            StatusExplainer explainer, Clock clock) {
        this.explainer = explainer;
        this.projections = projections;
        this.catalogue = catalogue;
        this.queries = queries;
        this.clock = clock;
    }

    public List<ForecastView> forecast(String organizationId) {
        queries.requireKnown(organizationId);
        Instant now = StatusTime.now(clock);
        LocalDate today = StatusTime.today(now);
        OrganizationFacts facts = projections.facts(organizationId, today);
        List<ForecastView> result = new ArrayList<>();
        catalogue.all().forEach((competencyId, versions) -> Forecast.of(versions, facts, now, StatusRules.plusYear(now))
                .forEach(e -> result.add(new ForecastView(competencyId, e.level(), e.on(), e.cause(), e.candidates(),
                        e.keepsLevelIf(), e.mustRenew(), e.requirementVersion(), explainer.reasons(e.reasons()),
                        e.morePeople()))));
        result.sort(Comparator.comparing(ForecastView::on).thenComparing(ForecastView::competencyId)
                .thenComparing(ForecastView::level));
        return result;
    }
}
