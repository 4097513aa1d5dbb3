package io.partnerhub.competency.domain.designation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * P1: one metric of a capability score: what it reads ({@link Measure}), its unit, the points it can give and the
 * threshold that gives them all.
 */
public record ScoreMetric(String id, Category category, Unit unit, Measure measure, int maxPoints, BigDecimal threshold) {

    public ScoreMetric {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(threshold, "threshold");
        if (maxPoints <= 0) {
            throw new IllegalArgumentException("maxPoints of " + id + " must be 1 or more");
        }
        if (threshold.signum() <= 0) {
            throw new IllegalArgumentException("threshold of " + id + " must be above zero");
        }
    }

    /** The same metric with another threshold (a track's). */
    public ScoreMetric withThreshold(BigDecimal other) {
        return new ScoreMetric(id, category, unit, measure, maxPoints, other);
    }

    public Points points(BigDecimal have) {
        return Points.earned(have, threshold, maxPoints);
    }
}
