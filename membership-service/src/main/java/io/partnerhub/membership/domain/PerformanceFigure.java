package io.partnerhub.membership.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * M4 one reported figure: a metric, a value of 0 or more and a period from {@code periodStart} to {@code periodEnd}
 * (both included; the end not before the start; at most 5 years). A report of the same organisation, metric and period
 * replaces the figure (a correction).
 */
public record PerformanceFigure(PerformanceMetric metric, BigDecimal value, LocalDate periodStart, LocalDate periodEnd) {

    public static final long MAX_PERIOD_DAYS = 5 * 366;

    public PerformanceFigure {
        if (metric == null) {
            throw new IllegalArgumentException("metric must be one of REVENUE, ACTIVE_USAGE, DEPLOYED_SEATS, NEW_CUSTOMERS");
        }
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException("value must be 0 or more, not " + value);
        }
        if (periodStart == null || periodEnd == null) {
            throw new IllegalArgumentException("periodStart and periodEnd are required");
        }
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("periodEnd " + periodEnd + " is before periodStart " + periodStart);
        }
        if (ChronoUnit.DAYS.between(periodStart, periodEnd) > MAX_PERIOD_DAYS) {
            throw new IllegalArgumentException("a period lasts at most 5 years");
        }
    }

    /** A correction changes the figure; the same value again is a repeat (nothing to publish). */
    public boolean changes(BigDecimal storedValue) {
        return storedValue == null || storedValue.compareTo(value) != 0;
    }
}
