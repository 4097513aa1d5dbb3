package io.partnerhub.competency.domain.designation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * P7: an optional track of a solution area (e.g. ENTERPRISE, SMB) with its own thresholds for some metrics. It
 * applies when its rule holds on the figures of the day: {@code when} at least {@code atLeast}; a track without a
 * rule applies always (the last, default one).
 */
public record Track(String name, Optional<Measure> when, BigDecimal atLeast, Map<String, BigDecimal> thresholds) {

    public Track {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(when, "when");
        thresholds = Map.copyOf(thresholds);
        if (when.isPresent() && atLeast == null) {
            throw new IllegalArgumentException("track " + name + " needs a bound for its rule");
        }
    }

    public static Track when(String name, Measure measure, BigDecimal atLeast, Map<String, BigDecimal> thresholds) {
        return new Track(name, Optional.of(measure), atLeast, thresholds);
    }

    public static Track otherwise(String name, Map<String, BigDecimal> thresholds) {
        return new Track(name, Optional.empty(), null, thresholds);
    }

    public boolean applies(DatedFacts facts, LocalDate day) {
        return when.map(measure -> measure.on(facts, day).compareTo(atLeast) >= 0).orElse(true);
    }

    public ScoreMetric apply(ScoreMetric metric) {
        BigDecimal threshold = thresholds.get(metric.id());
        return threshold == null ? metric : metric.withThreshold(threshold);
    }
}
