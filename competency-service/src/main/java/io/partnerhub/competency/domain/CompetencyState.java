package io.partnerhub.competency.domain;

import java.time.Instant;
import java.util.List;

/** K3/K4: the attained level of one organisation in one competency, as displayed. NONE has no dates. */
public record CompetencyState(Level level, boolean atRisk, List<Reason> reasons, Instant attainedAt, Instant validUntil) {

    public static final CompetencyState NONE = new CompetencyState(Level.NONE, false, List.of(), null, null);

    public CompetencyState {
        reasons = List.copyOf(reasons);
    }

    /** The reasons' sentences. */
    public List<String> reasonTexts() {
        return Reason.texts(reasons);
    }
}
