package io.partnerhub.competency.status;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.competency.projection.Projections;
import io.partnerhub.competency.status.StatusViews.ChangeView;
import io.partnerhub.competency.status.StatusViews.StatusView;

/** K3 reads: an organisation's stored statuses and their history. */
@ApplicationScoped
public class StatusQueries {

    private final StatusRepository statuses;
    private final StatusChangeRepository changes;
    private final Projections projections;
    private final StatusExplainer explainer;
    private final StatusRead reads;

    public StatusQueries(StatusRepository statuses, StatusChangeRepository changes, Projections projections,
            StatusExplainer explainer, StatusRead reads) {
        this.reads = reads;
        this.statuses = statuses;
        this.changes = changes;
        this.projections = projections;
        this.explainer = explainer;
    }

    public List<StatusView> ofOrganization(String organizationId, int page, int size) {
        requireKnown(organizationId);
        return explainer.views(statuses.ofOrganization(organizationId, page, size));
    }

    public long countOfOrganization(String organizationId) {
        return statuses.countOfOrganization(organizationId);
    }

    /** Issue #25 stage 9: the row and its credential names in one statement ({@link StatusRead}). */
    public StatusView get(String organizationId, String competencyId) {
        java.util.Set<String> nameable = explainer.nameable(competencyId);
        StatusRead.Named read = reads.of(organizationId, competencyId, nameable).orElse(null);
        if (read == null) {
            requireKnown(organizationId);
            throw new ResourceNotFound("competency status", organizationId + "/" + competencyId);
        }
        return explainer.view(read.status(), read.names(), nameable);
    }

    public List<ChangeView> history(String organizationId, String competencyId, int page, int size) {
        if (statuses.findById(new CompetencyStatus.Key(organizationId, competencyId)) == null) {
            get(organizationId, competencyId);
        }
        return changes.of(organizationId, competencyId, page, size).stream().map(StatusRows::view).toList();
    }

    public long countHistory(String organizationId, String competencyId) {
        return changes.countOf(organizationId, competencyId);
    }

    /** @throws ResourceNotFound when no event of the organisation was seen */
    void requireKnown(String organizationId) {
        if (!projections.organizationKnown(organizationId)) {
            throw new ResourceNotFound("organization", organizationId);
        }
    }
}
