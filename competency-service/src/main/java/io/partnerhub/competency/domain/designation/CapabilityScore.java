package io.partnerhub.competency.domain.designation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * P2/P3: an organisation's capability score on a day: per metric what it has, the threshold that applies and the
 * points; the total is their sum (at most 100). It qualifies with at least 70 points and no metric at 0.0 points.
 */
public record CapabilityScore(LocalDate day, String version, Optional<String> track, List<MetricScore> metrics) {

    public static final Points QUALIFYING = Points.whole(70);

    /** One metric's line: have / threshold / points. */
    public record MetricScore(ScoreMetric metric, BigDecimal have, Points points) {
        public MetricScore {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(have, "have");
            Objects.requireNonNull(points, "points");
        }

        public MetricScore(ScoreMetric metric, BigDecimal have) {
            this(metric, have, metric.points(have));
        }

        public BigDecimal threshold() {
            return metric.threshold();
        }
    }

    public CapabilityScore {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(track, "track");
        metrics = List.copyOf(metrics);
    }

    /** P2/P4: the score under {@code version} from the facts as they stood on {@code day}. */
    public static CapabilityScore of(ScoreVersion version, DatedFacts facts, LocalDate day) {
        List<MetricScore> lines = version.metrics(facts, day).stream()
                .map(m -> new MetricScore(m, m.measure().on(facts, day))).toList();
        return new CapabilityScore(day, version.version(), version.track(facts, day).map(Track::name), lines);
    }

    public Points total() {
        return metrics.stream().map(MetricScore::points).reduce(Points.ZERO, Points::plus);
    }

    /** P3: the metrics at 0.0 points. */
    public List<MetricScore> atZero() {
        return metrics.stream().filter(m -> m.points().isZero()).toList();
    }

    /** P3: at least 70 points and every metric above zero. */
    public boolean qualifies() {
        return total().compareTo(QUALIFYING) >= 0 && atZero().isEmpty();
    }
}
