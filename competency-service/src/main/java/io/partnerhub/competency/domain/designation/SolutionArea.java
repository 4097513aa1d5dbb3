package io.partnerhub.competency.domain.designation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** P1: a solution area (e.g. {@code business-applications}) with its versioned capability-score requirement sets. */
public record SolutionArea(String id, String name, List<ScoreVersion> versions) {

    public SolutionArea {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        versions = List.copyOf(versions);
    }

    public Optional<ScoreVersion> inEffect(LocalDate day) {
        return ScoreVersion.inEffect(versions, day);
    }
}
