package io.partnerhub.competency.domain.designation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** P2: points counted in whole tenths, so that sums and comparisons have no floating-point surprises. */
public record Points(int tenths) implements Comparable<Points> {

    public static final Points ZERO = new Points(0);

    public Points {
        if (tenths < 0) {
            throw new IllegalArgumentException("points must not be negative");
        }
    }

    public static Points whole(int points) {
        return new Points(points * 10);
    }

    /**
     * P2: {@code have} against {@code threshold}: the max points at or above it, else linear, rounded down to a tenth.
     */
    public static Points earned(BigDecimal have, BigDecimal threshold, int maxPoints) {
        if (have.signum() <= 0) {
            return ZERO;
        }
        if (have.compareTo(threshold) >= 0) {
            return whole(maxPoints);
        }
        return new Points(have.multiply(BigDecimal.valueOf(maxPoints * 10L)).divide(threshold, 0, RoundingMode.FLOOR)
                .intValueExact());
    }

    public Points plus(Points other) {
        return new Points(tenths + other.tenths);
    }

    public boolean isZero() {
        return tenths == 0;
    }

    public BigDecimal value() {
        return BigDecimal.valueOf(tenths, 1);
    }

    @Override
    public int compareTo(Points other) {
        return Integer.compare(tenths, other.tenths);
    }

    @Override
    public String toString() {
        return value().toPlainString();
    }
}
