package io.partnerhub.competency.domain.designation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * P4: how a number is read from an organisation's effective-dated facts on a day. A FLOW sums the facts of its
 * figure effective in the 12 months up to the day (new customers); a STOCK is the figure in force on the day, the
 * latest fact effective on or before it (people certified, deployed seats). With {@code growth}, the number is the
 * percent growth of that over the 12 months before the day against the 12 months before those (a STOCK: the figure
 * in force on the day against the one in force 12 months earlier); without a base (nothing, zero or less before)
 * the growth is 0.
 */
public record Measure(String figure, Kind kind, boolean growth) {

    public enum Kind {
        FLOW, STOCK
    }

    public Measure {
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(kind, "kind");
    }

    public static Measure flow(String figure) {
        return new Measure(figure, Kind.FLOW, false);
    }

    public static Measure stock(String figure) {
        return new Measure(figure, Kind.STOCK, false);
    }

    public static Measure growthOf(Measure base) {
        return new Measure(base.figure(), base.kind(), true);
    }

    /** The number on {@code day}, from the facts as they stood that day. */
    public BigDecimal on(DatedFacts facts, LocalDate day) {
        if (!growth) {
            return plain(facts, day);
        }
        BigDecimal before = plain(facts, day.minusMonths(12));
        if (before.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal growthPercent = plain(facts, day).subtract(before).multiply(BigDecimal.valueOf(100))
                .divide(before, 1, RoundingMode.FLOOR);
        return growthPercent.max(BigDecimal.ZERO);
    }

    private BigDecimal plain(DatedFacts facts, LocalDate day) {
        return switch (kind) {
            case FLOW -> facts.sum(figure, day.minusMonths(12), day);
            case STOCK -> facts.inForce(figure, day);
        };
    }
}
