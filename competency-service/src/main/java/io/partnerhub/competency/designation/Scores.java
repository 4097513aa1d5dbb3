package io.partnerhub.competency.designation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.partnerhub.competency.domain.designation.CapabilityScore;
import io.partnerhub.competency.domain.designation.DatedFacts;
import io.partnerhub.competency.domain.designation.SolutionArea;

/** An area's capability score per day from an organisation's dated facts, each day computed once (P3/P4). */
final class Scores {

    private final SolutionArea area;
    private final DatedFacts facts;
    private final Map<LocalDate, Optional<CapabilityScore>> days = new HashMap<>();

    Scores(SolutionArea area, DatedFacts facts) {
        this.area = area;
        this.facts = facts;
    }

    /** Empty before the area's first requirement set takes effect. */
    Optional<CapabilityScore> on(LocalDate day) {
        return days.computeIfAbsent(day, d -> area.inEffect(d).map(v -> CapabilityScore.of(v, facts, d)));
    }

    boolean qualifies(LocalDate day) {
        return on(day).map(CapabilityScore::qualifies).orElse(false);
    }

    DatedFacts facts() {
        return facts;
    }
}
