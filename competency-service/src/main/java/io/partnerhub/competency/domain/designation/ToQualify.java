package io.partnerhub.competency.domain.designation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import io.partnerhub.competency.domain.designation.CapabilityScore.MetricScore;

/**
 * P9 "what would make us qualify", from a {@link CapabilityScore}: per metric the amount (in its unit) that reaches
 * its threshold and the amount that gives its next whole point; and one suggested plan, the fewest metric changes
 * that reach at least 70 points with no metric at zero.
 */
public final class ToQualify {

    private ToQualify() {
    }

    /**
     * One metric's hint. {@code toThreshold} is 0 at or above the threshold; {@code toNextPoint} is empty at the max
     * points, else the amount that lifts the points to the next whole number (from 6.6 to 7.0, from 7.0 to 8.0).
     */
    public record Hint(String metricId, Unit unit, BigDecimal have, BigDecimal threshold, Points points,
            BigDecimal toThreshold, Optional<BigDecimal> toNextPoint) {
    }

    /** One change of a plan: raise the metric from {@code have} to {@code target} (by {@code amount}) for {@code points}. */
    public record Step(String metricId, Unit unit, BigDecimal have, BigDecimal target, BigDecimal amount, Points points) {
    }

    /** A plan and the score it reaches; no steps when the organisation already qualifies. */
    public record Plan(List<Step> steps, Points score) {
        public Plan {
            steps = List.copyOf(steps);
        }
    }

    public static List<Hint> hints(CapabilityScore score) {
        return score.metrics().stream().map(ToQualify::hint).toList();
    }

    private static Hint hint(MetricScore line) {
        ScoreMetric metric = line.metric();
        BigDecimal toThreshold = metric.threshold().subtract(line.have()).max(BigDecimal.ZERO);
        int nextWhole = line.points().tenths() / 10 + 1;
        Optional<BigDecimal> toNextPoint = nextWhole > metric.maxPoints() ? Optional.empty()
                : Optional.of(needed(metric, nextWhole * 10).subtract(line.have()).max(BigDecimal.ZERO));
        return new Hint(metric.id(), metric.unit(), line.have(), metric.threshold(), line.points(), toThreshold,
                toNextPoint);
    }

    /** The least amount, in the metric's unit and rounded up to its step, that gives {@code tenths} points. */
    static BigDecimal needed(ScoreMetric metric, int tenths) {
        return metric.threshold().multiply(BigDecimal.valueOf(tenths))
                .divide(BigDecimal.valueOf(metric.maxPoints() * 10L), metric.unit().scale(), RoundingMode.CEILING);
    }

    /**
     * The plan: among the smallest sets of metrics to change (every metric at zero is in each), the one with the
     * smallest total relative effort (the sum of amount / threshold); within a set the points still missing come from
     * the metrics with the most max points first, as a point of those costs the least of their threshold. Exact over
     * all sets of metrics (a score has five or so).
     */
    public static Plan plan(CapabilityScore score) {
        if (score.qualifies()) {
            return new Plan(List.of(), score.total());
        }
        List<MetricScore> lines = score.metrics();
        int n = lines.size();
        for (int size = 1; size <= n; size++) {
            Optional<Candidate> best = Optional.empty();
            for (int set = 1; set < 1 << n; set++) {
                if (Integer.bitCount(set) != size) {
                    continue;
                }
                Optional<Candidate> candidate = candidate(lines, set);
                if (candidate.isPresent() && (best.isEmpty() || candidate.get().effort().compareTo(best.get().effort()) < 0)) {
                    best = candidate;
                }
            }
            if (best.isPresent()) {
                return best.get().plan();
            }
        }
        throw new IllegalStateException("max points add up to 100: changing every metric always qualifies");
    }

    private record Candidate(Plan plan, BigDecimal effort) {
    }

    /**
     * The cheapest plan that changes exactly the metrics of {@code set}: each by at least a tenth of a point, the
     * points still missing from the metrics with the most max points first; then, as amounts are rounded up to their
     * unit, the points beyond 70 are given back by the metrics with the fewest max points first.
     */
    private static Optional<Candidate> candidate(List<MetricScore> lines, int set) {
        int[] least = new int[lines.size()];
        int[] target = new int[lines.size()];
        int missing = CapabilityScore.QUALIFYING.tenths();
        for (int i = 0; i < lines.size(); i++) {
            MetricScore line = lines.get(i);
            boolean changes = in(set, i);
            if (!changes && line.points().isZero() || changes && line.points().tenths() == max(line)) {
                return Optional.empty();
            }
            least[i] = changes ? line.points().tenths() + 1 : line.points().tenths();
            target[i] = least[i];
            missing -= target[i];
        }
        List<Integer> richestFirst = IntStream.range(0, lines.size()).filter(i -> in(set, i)).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> max(lines.get(i))).reversed()).toList();
        for (int i : richestFirst) {
            int raise = Math.min(Math.max(missing, 0), max(lines.get(i)) - target[i]);
            target[i] += raise;
            missing -= raise;
        }
        if (missing > 0) {
            return Optional.empty();
        }
        Candidate candidate = build(lines, set, target);
        List<Integer> poorestFirst = new ArrayList<>(richestFirst);
        Collections.reverse(poorestFirst);
        for (int i : poorestFirst) {
            int surplus = candidate.plan().score().tenths() - CapabilityScore.QUALIFYING.tenths();
            int reached = lines.get(i).metric().points(needed(lines.get(i).metric(), target[i])).tenths();
            target[i] = Math.max(least[i], reached - surplus);
            candidate = build(lines, set, target);
        }
        return Optional.of(candidate);
    }

    private static Candidate build(List<MetricScore> lines, int set, int[] target) {
        List<Step> steps = new ArrayList<>();
        Points total = Points.ZERO;
        BigDecimal effort = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            MetricScore line = lines.get(i);
            ScoreMetric metric = line.metric();
            if (!in(set, i)) {
                total = total.plus(line.points());
                continue;
            }
            BigDecimal to = needed(metric, target[i]).max(line.have());
            Points points = metric.points(to);
            BigDecimal amount = to.subtract(line.have());
            steps.add(new Step(metric.id(), metric.unit(), line.have(), to, amount, points));
            total = total.plus(points);
            effort = effort.add(amount.divide(metric.threshold(), 6, RoundingMode.HALF_UP));
        }
        return new Candidate(new Plan(steps, total), effort);
    }

    private static boolean in(int set, int index) {
        return (set & 1 << index) != 0;
    }

    private static int max(MetricScore line) {
        return line.metric().maxPoints() * 10;
    }
}
