package io.partnerhub.competency.status;

import java.util.List;

import io.partnerhub.competency.domain.CompetencyState;
import io.partnerhub.competency.domain.Evaluation;
import io.partnerhub.competency.status.StatusViews.ChangeView;
import io.partnerhub.competency.status.StatusViews.RequirementProgress;

/** The stored rows of competency_status and competency_status_change seen as a {@link CompetencyState} or a view. */
final class StatusRows {

    private StatusRows() {
    }

    /** The stored state, NONE when there is no row. */
    static CompetencyState state(CompetencyStatus status) {
        return status == null ? CompetencyState.NONE
                : new CompetencyState(status.level, status.atRisk, status.reasons, status.attainedAt, status.validUntil);
    }

    static ChangeView view(StatusChange c) {
        return new ChangeView(c.change, c.level, c.atRisk, c.reasons, c.validUntil, c.occurredAt, c.causeEventId,
                c.causeEventType, c.publishedEventId, c.requirements == null ? List.of() : c.requirements);
    }

    static List<RequirementProgress> progress(Evaluation evaluation) {
        return evaluation.progress().stream().map(p -> new RequirementProgress(p.level(), p.path(), p.description(), p.have(),
                p.need(), p.counted(), p.met())).toList();
    }
}
